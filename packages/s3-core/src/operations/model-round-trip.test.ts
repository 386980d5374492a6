/**
 * Every operation of the table, round-tripped over a recording transport against AWS's model read
 * on its own (test/model-samples.ts): a sample input with every member goes out, and the request
 * must carry each member where the model says (headers, list headers, query, labels, the payload or
 * body document); then a response built from the model's output shape comes back, and the output
 * must hold every member with its value. Servers are tested elsewhere; this proves the bindings.
 */
import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { expectedRequest, model, respondingTransport, sampleInput, sampleResponse, toXml } from '../../test/model-samples.js';
import { S3Client } from '../client/s3-client.js';
import { loadXmlParser, parseXml } from '../xml/xml-parser.js';
import { operations } from './index.js';
import type { OperationSpec } from '../interpreter/spec.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

/** Output values compared as the model gives them: S3Body and event streams read first. */
async function settle(value: unknown): Promise<unknown> {
  if (value instanceof Date || value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  if (typeof (value as { text?: unknown }).text === 'function' && typeof (value as { dump?: unknown }).dump === 'function') return (value as { text(): Promise<string> }).text();
  if (Symbol.asyncIterator in value) {
    const items: unknown[] = [];
    for await (const item of value as AsyncIterable<unknown>) items.push(item);
    return items;
  }
  if (Array.isArray(value)) return Promise.all(value.map(settle));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await settle(v);
  return out;
}

describe('every operation round-trips its model sample', () => {
  it.each(Object.keys(operations))('%s', async (name) => {
    const op = operations[name as keyof typeof operations] as unknown as OperationSpec;
    const m = model.operations[name]!;
    const response = sampleResponse(name);
    const transport = respondingTransport(response);
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      transport,
      clock: createFakeClock({ instant: true }),
      retry: { maxAttempts: 1 },
      config: { env: EMPTY_ENV },
    });
    const input = sampleInput(name);
    const output = (await client.send(op, input)) as Record<string, unknown>;

    const request = transport.requests[0]!;
    expect(request.method).toBe(m.http.method);
    const wanted = expectedRequest(name, input);
    expect(request.headers).toMatchObject(wanted.header);
    const fixed = Object.fromEntries(
      (m.http.requestUri.split('?')[1] ?? '')
        .split('&')
        .filter((p) => p !== '')
        .map((p) => [p.split('=')[0]!, p.split('=')[1] ?? '']),
    );
    expect(request.query ?? {}).toMatchObject({ ...fixed, ...wanted.query });
    for (const part of wanted.pathIncludes) expect(request.path).toContain(part);
    const inputShape = model.shapes[m.input!.shape]!;
    const payload = inputShape.payload;
    if (payload !== undefined && input[payload] !== undefined) {
      const member = inputShape.members![payload]!;
      const target = model.shapes[member.shape]!;
      if (target.type === 'structure') {
        const root = member.locationName ?? member.shape;
        expect(parseXml(request.text!)).toEqual(parseXml(toXml(member.shape, input[payload], root)));
        expect(request.text).toContain(`<${root} xmlns="${member.xmlNamespace!.uri}"`);
      } else expect(request.text).toBe(input[payload]);
    }
    if (m.input!.locationName !== undefined) {
      const doc = parseXml(request.text!)[m.input!.locationName] as Record<string, unknown>;
      for (const [member, ref] of Object.entries(inputShape.members!)) {
        if (ref.location !== undefined) continue;
        expect(doc[ref.locationName ?? member], member).toEqual((parseXml(`<r>${toXml(ref.shape, input[member], ref.locationName ?? member)}</r>`).r as Record<string, unknown>)[ref.locationName ?? member]);
      }
    }

    const settled = (await settle(output)) as Record<string, unknown>;
    expect(settled.$metadata).toMatchObject({ httpStatusCode: response.status, attempts: 1 });
    // Expected values must all be there; a deprecated member sharing an element with a list (old
    // notification shapes) also reads that element, beyond the sample.
    expect(settled).toMatchObject(response.output);
  });
});
