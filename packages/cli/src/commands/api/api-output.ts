import type { OperationSpec, OutputBinding, ScalarType, XmlShape } from '@s3kit/s3-core';
import { outputBindings } from './api-arguments.js';

/**
 * How timestamps print: `iso8601` as the AWS CLI v2 (and v1 with `cli_timestamp_format = iso8601`)
 * prints them, `2026-12-06T02:12:43+00:00`; `wire` as they came (v1's default `none`): ISO 8601
 * with milliseconds from XML, an HTTP date from headers.
 */
export type TimestampFormat = 'iso8601' | 'wire';

/** `2026-12-06T02:12:43+00:00`, with microseconds when the time has a fraction (Python's `isoformat`). */
export function isoTimestamp(date: Date): string {
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}000`}+00:00`;
}

function formatScalar(type: ScalarType, value: unknown, inHeader: boolean, format: TimestampFormat): unknown {
  if (!(value instanceof Date)) return value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
  if (format === 'iso8601') return isoTimestamp(value);
  if (type === 'epoch-seconds') return value.getTime() / 1000;
  return type === 'http-date' || (type === 'timestamp' && inHeader) ? value.toUTCString() : value.toISOString();
}

function formatShape(shape: XmlShape, value: unknown, format: TimestampFormat): unknown {
  if (value === undefined || value === null) return value;
  if (typeof shape === 'string') return formatScalar(shape, value, false, format);
  if (shape.type === 'list') return Array.isArray(value) ? value.map((item) => formatShape(shape.member, item, format)) : value;
  if (typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [member, field] of Object.entries(shape.members)) {
    if (source[member] !== undefined) out[member] = formatShape(field.shape, source[member], format);
  }
  return out;
}

function inBody(binding: OutputBinding): boolean {
  return binding.in === 'xml' || binding.in === 'payload';
}

/**
 * An operation's output as `aws s3api` prints it: members read from the body first, then those
 * from headers, each group in the model's member order (botocore's parser order), nested members
 * in shape order; header maps (`Metadata`) always present; timestamps per `format`; no
 * `$metadata` and no streamed body.
 */
export function shapeOutput(spec: OperationSpec, output: Readonly<Record<string, unknown>>, format: TimestampFormat): Record<string, unknown> {
  const bindings = outputBindings(spec);
  const ordered = [...bindings.filter(([, b]) => inBody(b)), ...bindings.filter(([, b]) => !inBody(b))];
  const out: Record<string, unknown> = {};
  for (const [member, binding] of ordered) {
    const value = output[member];
    if (binding.in === 'headers') {
      out[member] = value ?? {};
      continue;
    }
    if (value === undefined) continue;
    if (binding.in === 'payload') {
      if (binding.kind === 'blob' || binding.kind === 'event-stream') continue;
      out[member] = binding.kind === 'xml' && binding.shape !== undefined ? formatShape(binding.shape, value, format) : value;
    } else if (binding.in === 'xml') {
      out[member] = formatShape(binding.shape, value, format);
    } else if (binding.in === 'header') {
      out[member] = binding.list === true || binding.codec !== undefined ? value : formatScalar(binding.type ?? 'string', value, true, format);
    } else {
      out[member] = value;
    }
  }
  return out;
}
