import type { OperationSpec, XmlShape } from '@s3kit/s3-core';
import type { ArgumentShape } from './api-arguments.js';
import { apiArguments, hasStreamingOutput, shapeTypeName } from './api-arguments.js';
import { kebabName } from './kebab-name.js';

/** The list of operations (`s3kit api help`), from the operation table. */
export function operationsHelp(specs: readonly OperationSpec[]): string {
  const names = specs.map((spec) => kebabName(spec.name)).sort();
  return `usage: s3kit api <operation> [--member value ...] [--output json|text|table|yaml] [--query EXPR]

The S3 API, one operation per subcommand, as 'aws s3api' (generated from s3-core's operation table).
Run 's3kit api <operation> help' for an operation's parameters.

operations (${names.length}):
${names.map((name) => `  ${name}`).join('\n')}

options of every operation:
  --endpoint-url URL  --region R  --profile P
  --output json|text|table|yaml    output format (default json)
  --query EXPR                     JMESPath applied to the output
  --cli-input-json JSON|file://f   parameters as one JSON document (flags override it)
  --generate-cli-skeleton          print that document with placeholders and exit
  --cli-timestamp-format iso8601|wire  timestamps as aws v2 prints them (default) or as received
paginated operations also take --max-items N, --starting-token T, --page-size N, --no-paginate
`;
}

function describeShape(shape: ArgumentShape | XmlShape, indent: string): string[] {
  if (typeof shape === 'string') return [];
  if (shape.type === 'list') return typeof shape.member === 'string' ? [] : describeShape(shape.member, indent);
  if (shape.type !== 'structure') return [];
  const lines: string[] = [];
  for (const [member, field] of Object.entries(shape.members)) {
    lines.push(`${indent}${member} -> (${shapeTypeName(field.shape)})`);
    lines.push(...describeShape(field.shape, `${indent}  `));
  }
  return lines;
}

function shorthandValue(shape: ArgumentShape | XmlShape): string {
  if (typeof shape === 'string') return shapeTypeName(shape);
  if (shape.type === 'list') return `[${shorthandValue(shape.member)},${shorthandValue(shape.member)}]`;
  if (shape.type === 'structure') return `{${shorthandOf(shape)}}`;
  return shape.type === 'map' ? '{KeyName1=string,KeyName2=string}' : 'blob';
}

/** The shorthand form of an argument: a structure's members without the outer braces. */
function shorthandOf(shape: ArgumentShape | XmlShape): string {
  if (typeof shape === 'object' && shape.type === 'structure') {
    return Object.entries(shape.members)
      .map(([member, field]) => `${member}=${shorthandValue(field.shape)}`)
      .join(',');
  }
  if (typeof shape === 'object' && shape.type === 'map') return 'KeyName1=string,KeyName2=string';
  return shorthandValue(shape);
}

function jsonOf(shape: ArgumentShape | XmlShape): unknown {
  if (typeof shape === 'string') return shapeTypeName(shape);
  if (shape.type === 'list') return [jsonOf(shape.member)];
  if (shape.type === 'structure') return Object.fromEntries(Object.entries(shape.members).map(([member, field]) => [member, jsonOf(field.shape)]));
  return shape.type === 'map' ? { KeyName: 'string' } : 'blob';
}

/** Help for one operation: synopsis and every parameter with its type, from the spec. */
export function operationHelp(spec: OperationSpec): string {
  const args = apiArguments(spec);
  const name = kebabName(spec.name);
  const synopsis = args.map((arg) => {
    const value = shapeTypeName(arg.shape) === 'boolean' ? `--${arg.flag} | --no-${arg.flag}` : `--${arg.flag} <value>`;
    return arg.required ? value : `[${value}]`;
  });
  if (hasStreamingOutput(spec)) synopsis.push('<outfile>');
  const lines = [`NAME`, `  ${name} (${spec.name}: ${spec.method} ${spec.uri})`, '', 'SYNOPSIS', `  s3kit api ${name}`, ...synopsis.map((s) => `    ${s}`), '', 'OPTIONS'];
  for (const arg of args) {
    lines.push(`  --${arg.flag} (${shapeTypeName(arg.shape)})${arg.required ? ' [required]' : ''}`);
    lines.push(...describeShape(arg.shape, '      '));
    if (typeof arg.shape === 'object' && (arg.shape.type === 'structure' || arg.shape.type === 'map' || (arg.shape.type === 'list' && typeof arg.shape.member === 'object'))) {
      lines.push('    Shorthand Syntax:', `      ${shorthandOf(arg.shape)}`, '    JSON Syntax:', ...JSON.stringify(jsonOf(arg.shape), null, 2).split('\n').map((line) => `      ${line}`));
    }
  }
  if (args.length === 0) lines.push('  None');
  if (hasStreamingOutput(spec)) lines.push('  outfile (string) [required]', '      Filename where the content will be saved');
  if (spec.paginator) {
    lines.push('', `PAGINATION`, `  Pages are fetched and merged automatically (items: ${spec.paginator.items.join(', ')});`, '  --max-items, --starting-token, --page-size and --no-paginate control it.');
  }
  lines.push('', `Structures and lists take JSON or shorthand (Name=value,Other=value); file:// reads a value from a file.`);
  return `${lines.join('\n')}\n`;
}
