import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { XmlShape } from '@s3kit/s3-core';
import { UsageError } from '../../usage-error.js';
import type { ApiArgument, ArgumentShape } from './api-arguments.js';
import { parseShorthand } from './shorthand.js';

/** Where `file://` and `fileb://` values are read from. */
export interface ValueFiles {
  /** Directory relative paths resolve against. */
  readonly cwd: string;
  /** Reads a file's bytes. @default node:fs/promises readFile */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

/** A streaming body argument: the file to send (`put-object --body photo.jpg`). */
export interface BodyFile {
  readonly bodyFile: string;
}

/** Members whose values are secrets (SSE-C keys): never echoed in an error. */
const SECRET_MEMBER = /SSECustomerKey(?!MD5)|Secret|SessionToken|Password/i;

function badValue(path: string, value: unknown, expected: string): never {
  const shown = SECRET_MEMBER.test(path) ? '(redacted)' : JSON.stringify(value);
  throw new UsageError(`Invalid type for parameter ${path}, value: ${shown}, valid types: ${expected}`, `run 's3kit api <operation> help' for the member types`);
}

function toDate(path: string, value: unknown): Date {
  if (value instanceof Date) return value;
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? (/^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value)) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) badValue(path, value, 'timestamp (ISO 8601 or epoch seconds)');
  return date;
}

/**
 * Checks and converts a JSON or shorthand value to the member's shape: numbers and booleans from
 * text, timestamps to `Date`, comma-separated text to lists; unknown members are refused with the
 * names the structure has (as `aws` does).
 * @throws {UsageError} `ERR_USAGE` naming the parameter path.
 */
export function normalizeValue(shape: ArgumentShape | XmlShape, value: unknown, path: string): unknown {
  if (typeof shape === 'string') {
    switch (shape) {
      case 'string':
        if (typeof value === 'string') return value;
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        return badValue(path, value, 'string');
      case 'integer':
      case 'long':
        if (typeof value === 'number' && Number.isInteger(value)) return value;
        if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
        return badValue(path, value, 'integer');
      case 'float': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
        return Number.isFinite(n) ? n : badValue(path, value, 'float');
      }
      case 'boolean':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        return badValue(path, value, 'boolean');
      case 'blob':
        return value instanceof Uint8Array || typeof value === 'string' ? value : badValue(path, value, 'blob (text or fileb://path)');
      default:
        return toDate(path, value);
    }
  }
  switch (shape.type) {
    case 'streaming':
      return value;
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return badValue(path, value, 'map');
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeValue('string', v, `${path}.${k}`)]));
    }
    case 'list': {
      const items = typeof value === 'string' && typeof shape.member === 'string' ? value.split(',') : value;
      if (!Array.isArray(items)) return badValue(path, value, 'list');
      return items.map((item, i) => normalizeValue(shape.member, item, `${path}[${i}]`));
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return badValue(path, value, 'structure');
      const out: Record<string, unknown> = {};
      for (const [member, child] of Object.entries(value)) {
        const field = shape.members[member];
        if (field === undefined) {
          throw new UsageError(`Unknown parameter in ${path}: "${member}", must be one of: ${Object.keys(shape.members).join(', ')}`, `member names are case-sensitive, as in the AWS API reference`);
        }
        out[member] = normalizeValue(field.shape, child, `${path}.${member}`);
      }
      return out;
    }
  }
}

async function resolveFileValue(raw: string, files: ValueFiles, binary: boolean): Promise<string | Uint8Array> {
  const scheme = raw.startsWith('fileb://') ? 'fileb://' : raw.startsWith('file://') ? 'file://' : undefined;
  if (scheme === undefined) return raw;
  const path = resolve(files.cwd, raw.slice(scheme.length));
  let bytes: Uint8Array;
  try {
    bytes = await (files.readFile ?? readFile)(path);
  } catch (err) {
    throw new UsageError(`Error parsing parameter: Unable to load paramfile ${raw}: ${err instanceof Error ? err.message : String(err)}`, 'check the path after file:// (relative to the current directory)');
  }
  return scheme === 'fileb://' && binary ? bytes : new TextDecoder().decode(bytes);
}

function parseStructured(text: string, flag: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (err) {
      // The text itself is not echoed: it may hold a secret (an SSE-C key in --cli-input-json).
      throw new UsageError(`--${flag}: Invalid JSON: ${err instanceof Error ? err.message : String(err)}`, 'check the quoting: wrap JSON in single quotes in the shell');
    }
  }
  return parseShorthand(trimmed, flag);
}

/**
 * The value of one argument from its command-line text (one item per word after the flag for
 * lists): `file://` reads a file as text and `fileb://` as bytes, structures and lists take JSON
 * or shorthand, scalars are converted to the member's type.
 * @throws {UsageError} `ERR_USAGE` for a value that does not fit, or a file that cannot be read.
 */
export async function argumentValue(arg: ApiArgument, raws: readonly string[], files: ValueFiles): Promise<unknown> {
  const shape = arg.shape;
  if (typeof shape === 'object' && shape.type === 'streaming') {
    if (raws.length !== 1) throw new UsageError(`--${arg.flag} takes one file path`, `e.g. --${arg.flag} ./photo.jpg`);
    const raw = raws[0]!;
    const path = raw.startsWith('fileb://') ? raw.slice(8) : raw.startsWith('file://') ? raw.slice(7) : raw;
    return { bodyFile: resolve(files.cwd, path) } satisfies BodyFile;
  }
  const texts = await Promise.all(raws.map((raw) => resolveFileValue(raw, files, shape === 'blob')));
  if (typeof shape === 'object' && shape.type === 'list') {
    const first = texts[0];
    const whole = texts.length === 1 && typeof first === 'string' && first.trim().startsWith('[');
    const items = whole ? parseStructured(first, arg.flag) : texts.map((t) => (typeof t === 'string' && typeof shape.member === 'object' ? parseStructured(t, arg.flag) : t));
    return normalizeValue(shape, items, arg.member);
  }
  if (texts.length !== 1) throw new UsageError(`--${arg.flag} takes one value, got ${texts.length}`, `quote a value that holds spaces`);
  const text = texts[0]!;
  if (typeof shape === 'object' && typeof text === 'string') return normalizeValue(shape, parseStructured(text, arg.flag), arg.member);
  return normalizeValue(shape, text, arg.member);
}
