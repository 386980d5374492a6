import type { InputBinding, OperationSpec, OutputBinding, ScalarType, XmlListShape, XmlStructureShape } from '@s3kit/s3-core';
import { kebabName } from './kebab-name.js';

/** A map of strings (`x-amz-meta-*` headers: `--metadata`). */
export interface MapShape {
  readonly type: 'map';
}

/** A streaming body, given as a file path (`put-object --body file`). */
export interface StreamingShape {
  readonly type: 'streaming';
}

/** What an argument's value is, read from the operation's spec. */
export type ArgumentShape = ScalarType | XmlStructureShape | XmlListShape | MapShape | StreamingShape;

/** One `--flag` of an `s3kit api` operation: an input member of the spec. */
export interface ApiArgument {
  /** Flag name without dashes, as `aws s3api` spells it: `version-id`, `cors-configuration`. */
  readonly flag: string;
  /** Input member, `VersionId`. */
  readonly member: string;
  /** The member's type: a scalar, an XML structure or list, a header map, or a streaming body. */
  readonly shape: ArgumentShape;
  /** The operation fails validation without it. */
  readonly required: boolean;
}

const STRING_LIST: XmlListShape = { type: 'list', member: 'string', flattened: true };

function shapeOf(binding: InputBinding): ArgumentShape {
  switch (binding.in) {
    case 'label':
      return binding.type ?? 'string';
    case 'header':
    case 'query':
      return binding.list === true ? STRING_LIST : (binding.type ?? 'string');
    case 'headers':
      return { type: 'map' };
    case 'payload':
      if (binding.kind === 'blob') return { type: 'streaming' };
      return binding.kind === 'xml' && binding.shape !== undefined ? binding.shape : 'string';
    case 'xml':
      return binding.shape;
  }
}

function entriesOf<T>(record: object): [string, T][] {
  return Object.entries(record) as [string, T][];
}

/** An operation's input bindings by member, in the spec's order. */
export function inputBindings(spec: OperationSpec): [string, InputBinding][] {
  return entriesOf<InputBinding>(spec.input);
}

/** An operation's output bindings by member, in the spec's order. */
export function outputBindings(spec: OperationSpec): [string, OutputBinding][] {
  return entriesOf<OutputBinding>(spec.output);
}

/** The arguments of an operation, in the spec's member order (the model's). */
export function apiArguments(spec: OperationSpec): ApiArgument[] {
  return inputBindings(spec).map(([member, binding]) => ({
    flag: kebabName(member),
    member,
    shape: shapeOf(binding),
    required: binding.required === true,
  }));
}

/** Whether the operation streams its output body to a file (`get-object ... outfile`). */
export function hasStreamingOutput(spec: OperationSpec): boolean {
  return outputBindings(spec).some(
    ([, binding]) => binding.in === 'payload' && (binding.kind === 'blob' || binding.kind === 'event-stream'),
  );
}

/** A short type name for help and the skeleton: `string`, `integer`, `structure`, `list`, `map`, `blob`. */
export function shapeTypeName(shape: ArgumentShape): string {
  if (typeof shape === 'string') return shape === 'iso8601' || shape === 'http-date' || shape === 'epoch-seconds' ? 'timestamp' : shape;
  return shape.type === 'streaming' ? 'blob' : shape.type;
}
