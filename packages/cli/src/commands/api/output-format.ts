import { UsageError } from '../../usage-error.js';
import { formatTable } from './table-format.js';

/** `--output` formats, as the AWS CLI names them. */
export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml'] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Reads `--output`.
 * @throws {UsageError} `ERR_USAGE` for another value.
 */
export function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'json';
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UsageError(`--output: invalid choice ${JSON.stringify(value)} (choose from ${OUTPUT_FORMATS.join(', ')})`, 'e.g. --output json');
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Python's `str()` of a scalar, as the AWS CLI's text output writes it. */
function pyString(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

function textValue(item: unknown, out: string[], identifier?: string, scalarKeys?: string[]): void {
  if (Array.isArray(item)) textList(item, out, identifier);
  else if (isContainer(item)) textDict(item as Record<string, unknown>, out, identifier, scalarKeys);
  else out.push(pyString(item));
}

function textList(items: unknown[], out: string[], identifier?: string): void {
  if (items.length === 0) return;
  if (items.some((el) => isContainer(el) && !Array.isArray(el))) {
    const keys = new Set<string>();
    for (const el of items) {
      if (!isContainer(el) || Array.isArray(el)) continue;
      for (const [k, v] of Object.entries(el)) if (!isContainer(v)) keys.add(k);
    }
    const sorted = [...keys].sort();
    for (const el of items) textValue(el, out, identifier, sorted);
    return;
  }
  const scalars = items.filter((el) => !isContainer(el));
  if (scalars.length > 0) {
    if (identifier === undefined) out.push(scalars.map(pyString).join('\t'));
    else for (const s of scalars) out.push(`${identifier.toUpperCase()}\t${pyString(s)}`);
  }
  for (const el of items.filter(isContainer)) textValue(el, out, identifier);
}

function textDict(item: Record<string, unknown>, out: string[], identifier?: string, scalarKeys?: string[]): void {
  const scalars: string[] = [];
  const nested: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const key of Object.keys(item).sort()) {
      const value = item[key];
      if (isContainer(value)) nested.push([key, value]);
      else scalars.push(pyString(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyString(item[key]) : '');
    for (const key of Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort()) nested.push([key, item[key]]);
  }
  if (scalars.length > 0) out.push((identifier === undefined ? scalars : [identifier.toUpperCase(), ...scalars]).join('\t'));
  for (const [key, value] of nested) textValue(value, out, key);
}

/** The AWS CLI's `--output text`: tab-separated scalars, nested lists under their upper-cased key. */
export function formatText(value: unknown): string {
  const out: string[] = [];
  textValue(value, out);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

const YAML_PLAIN = /^[A-Za-z0-9_./@+-][A-Za-z0-9_ ./@+()-]*$/;
const YAML_RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n|-?\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.inf|\.nan)$/i;

function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  if (text !== '' && YAML_PLAIN.test(text) && !YAML_RESERVED.test(text) && !text.endsWith(' ')) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function yamlLines(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isContainer(item) && (Array.isArray(item) ? item.length > 0 : Object.keys(item).length > 0)) {
        const inner: string[] = [];
        yamlLines(item, '', inner);
        out.push(`${indent}- ${inner[0]!}`, ...inner.slice(1).map((line) => `${indent}  ${line}`));
      } else out.push(`${indent}- ${yamlInline(item)}`);
    }
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (isContainer(child) && (Array.isArray(child) ? child.length > 0 : Object.keys(child).length > 0)) {
      out.push(`${indent}${yamlScalar(key)}:`);
      yamlLines(child, Array.isArray(child) ? indent : `${indent}  `, out);
    } else out.push(`${indent}${yamlScalar(key)}: ${yamlInline(child)}`);
  }
}

function yamlInline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isContainer(value)) return '{}';
  return yamlScalar(value);
}

/** The AWS CLI v2's `--output yaml`: block style, keys sorted, quoted where YAML would misread them. */
export function formatYaml(value: unknown): string {
  if (!isContainer(value)) return `${yamlScalar(value)}\n`;
  const out: string[] = [];
  yamlLines(value, '', out);
  return out.length === 0 ? `${yamlInline(value)}\n` : `${out.join('\n')}\n`;
}

/** Formats a result for `--output` (json, text, table or yaml). */
export function formatOutput(value: unknown, format: OutputFormat, title = ''): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(value, null, 4)}\n`;
    case 'text':
      return formatText(value);
    case 'yaml':
      return formatYaml(value);
    case 'table':
      return formatTable(value, title);
  }
}
