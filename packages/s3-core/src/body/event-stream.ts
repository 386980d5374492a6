/**
 * AWS event streams (`application/vnd.amazon.eventstream`, SelectObjectContent's response): binary
 * messages, each a prelude (total and headers lengths, CRC32 of the prelude), typed headers, a
 * payload and a CRC32 of the whole message. Decoded as they arrive; both CRCs are checked.
 */
import { NetworkError } from '@s3kit/primitives';
import type { HttpResponseBody } from '@s3kit/primitives';
import { crc32 } from '../checksums/crc32.js';

/** A header value of an event stream message. */
export type EventHeaderValue = boolean | number | bigint | string | Uint8Array | Date;

/** One decoded message: its headers and payload. */
export interface EventMessage {
  readonly headers: Readonly<Record<string, EventHeaderValue>>;
  readonly payload: Uint8Array;
}

const PRELUDE = 12;
const MIN_MESSAGE = PRELUDE + 4;
/** Largest message accepted (the format allows 16 MiB; S3 Select sends far less). */
const MAX_MESSAGE = 16 * 1024 * 1024;

function invalid(message: string): NetworkError {
  return new NetworkError(`Event stream: ${message}`, { code: 'ERR_BODY_INVALID', retryable: false });
}

function readHeaders(bytes: Uint8Array, view: DataView, start: number, end: number): Record<string, EventHeaderValue> {
  const headers: Record<string, EventHeaderValue> = {};
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = start;
  const need = (n: number): void => {
    if (at + n > end) throw invalid('header runs past its section');
  };
  while (at < end) {
    need(1);
    const nameLength = bytes[at]!;
    at += 1;
    need(nameLength + 1);
    const name = text.decode(bytes.subarray(at, at + nameLength));
    at += nameLength;
    const type = bytes[at]!;
    at += 1;
    let value: EventHeaderValue;
    switch (type) {
      case 0:
      case 1:
        value = type === 0;
        break;
      case 2:
        need(1);
        value = view.getInt8(at);
        at += 1;
        break;
      case 3:
        need(2);
        value = view.getInt16(at);
        at += 2;
        break;
      case 4:
        need(4);
        value = view.getInt32(at);
        at += 4;
        break;
      case 5:
        need(8);
        value = view.getBigInt64(at);
        at += 8;
        break;
      case 6:
      case 7: {
        need(2);
        const length = view.getUint16(at);
        at += 2;
        need(length);
        const data = bytes.subarray(at, at + length);
        value = type === 6 ? data.slice() : text.decode(data);
        at += length;
        break;
      }
      case 8:
        need(8);
        value = new Date(Number(view.getBigInt64(at)));
        at += 8;
        break;
      case 9:
        need(16);
        value = bytes.slice(at, at + 16);
        at += 16;
        break;
      default:
        throw invalid(`unknown header type ${type}`);
    }
    headers[name] = value;
  }
  return headers;
}

/** Decodes the one complete message at the start of `bytes` (its length already known). */
function decodeMessage(bytes: Uint8Array): EventMessage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headersLength = view.getUint32(4);
  if (crc32(bytes.subarray(0, 8)) !== view.getUint32(8)) throw invalid('prelude CRC mismatch');
  if (crc32(bytes.subarray(0, total - 4)) !== view.getUint32(total - 4)) throw invalid('message CRC mismatch');
  if (PRELUDE + headersLength > total - 4) throw invalid('headers longer than the message');
  return {
    headers: readHeaders(bytes, view, PRELUDE, PRELUDE + headersLength),
    payload: bytes.slice(PRELUDE + headersLength, total - 4),
  };
}

/**
 * Splits a byte stream into event stream messages, checking each prelude and message CRC.
 * @throws {NetworkError} `ERR_BODY_INVALID` for a CRC mismatch or a malformed message;
 *   `ERR_BODY_TRUNCATED` when the stream ends inside a message.
 */
export async function* decodeEventStream(source: AsyncIterable<Uint8Array>): AsyncGenerator<EventMessage> {
  let buffer = new Uint8Array(0);
  for await (const chunk of source) {
    const joined = new Uint8Array(buffer.byteLength + chunk.byteLength);
    joined.set(buffer);
    joined.set(chunk, buffer.byteLength);
    buffer = joined;
    while (buffer.byteLength >= PRELUDE) {
      const total = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength).getUint32(0);
      if (total < MIN_MESSAGE || total > MAX_MESSAGE) throw invalid(`message length ${total} out of range`);
      if (buffer.byteLength < total) break;
      yield decodeMessage(buffer.subarray(0, total));
      buffer = buffer.subarray(total);
    }
  }
  if (buffer.byteLength > 0) {
    throw new NetworkError(`Event stream: ended inside a message (${buffer.byteLength} bytes left)`, { code: 'ERR_BODY_TRUNCATED', retryable: false });
  }
}

/** Encodes one message (for tests and servers; S3 only ever sends them). */
export function encodeEventMessage(headers: Readonly<Record<string, string | Uint8Array>>, payload: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const utf8 = new TextEncoder();
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = utf8.encode(name);
    const data = typeof value === 'string' ? utf8.encode(value) : value;
    const header = new Uint8Array(1 + nameBytes.byteLength + 3 + data.byteLength);
    header[0] = nameBytes.byteLength;
    header.set(nameBytes, 1);
    header[1 + nameBytes.byteLength] = typeof value === 'string' ? 7 : 6;
    new DataView(header.buffer).setUint16(2 + nameBytes.byteLength, data.byteLength);
    header.set(data, 4 + nameBytes.byteLength);
    parts.push(header);
  }
  const headersLength = parts.reduce((n, p) => n + p.byteLength, 0);
  const total = PRELUDE + headersLength + payload.byteLength + 4;
  const message = new Uint8Array(total);
  const view = new DataView(message.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(message.subarray(0, 8)));
  let at = PRELUDE;
  for (const part of parts) {
    message.set(part, at);
    at += part.byteLength;
  }
  message.set(payload, at);
  view.setUint32(total - 4, crc32(message.subarray(0, total - 4)));
  return message;
}

/** Reads an HTTP response body as messages (the body is the transport's: dumped if the reader stops early). */
export function eventMessages(body: HttpResponseBody): AsyncIterable<EventMessage> {
  return {
    async *[Symbol.asyncIterator]() {
      let finished = false;
      try {
        yield* decodeEventStream(body);
        finished = true;
      } finally {
        if (!finished) await body.dump().catch(() => undefined);
      }
    },
  };
}
