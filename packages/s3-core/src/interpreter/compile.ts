/** Precomputes, once per spec, the lookup tables the interpreter's hot path uses. */
import { codecOf } from './codecs.js';
import type { Codec } from './codecs.js';
import type { Constraints, EventSpec, InputBinding, OperationSpec, OutputBinding, ValidationRule, ScalarType, XmlShape, XmlStructureShape } from './spec.js';
import { parseUriTemplate } from './uri-template.js';
import type { UriTemplate } from './uri-template.js';

/** A header-bound output member. */
export interface HeaderTarget {
  readonly member: string;
  readonly type: ScalarType;
  readonly list: boolean;
  readonly codec: Codec | undefined;
}

/** The response payload member of an operation. */
export interface OutputPayload {
  readonly member: string;
  readonly kind: 'blob' | 'text' | 'xml' | 'event-stream';
  readonly shape: XmlStructureShape | undefined;
  readonly events: Readonly<Record<string, EventSpec>> | undefined;
}

/** The tables derived from an {@link OperationSpec}. */
export interface CompiledOperation {
  readonly spec: OperationSpec;
  /** Input bindings by member. */
  readonly input: Readonly<Record<string, InputBinding>>;
  /** The request URI, parsed. */
  readonly uri: UriTemplate;
  /** Label name to the member filling it. */
  readonly labelMembers: ReadonlyMap<string, string>;
  /** Members that must be present. */
  readonly required: readonly string[];
  /** Members with a domain rule. */
  readonly rules: readonly (readonly [string, ValidationRule])[];
  /** Members with generic constraints. */
  readonly constraints: readonly (readonly [string, Constraints])[];
  /** The request payload member and its binding. */
  readonly inputPayload: readonly [string, Extract<InputBinding, { in: 'payload' }>] | undefined;
  /** Lower-case response header name to the members it fills. */
  readonly outputHeaders: ReadonlyMap<string, readonly HeaderTarget[]>;
  /** `[member, prefix]` of prefix-header outputs (`Metadata`). */
  readonly outputPrefix: readonly (readonly [string, string])[];
  readonly outputStatus: string | undefined;
  /** The response payload member. */
  readonly outputPayload: OutputPayload | undefined;
  /** The streamed response body member (a `blob` payload). */
  readonly outputBody: string | undefined;
  /** XML members of the response root: `[member, elementName, shape]`. */
  readonly xmlMembers: readonly (readonly [string, string, XmlShape])[];
  /** Whether a successful response body must be read (XML or text output, or a 200-with-error check). */
  readonly readsBody: boolean;
  /** The input member naming the bucket (the `Bucket` endpoint parameter, else the URI's first label). */
  readonly bucketMember: string | undefined;
  /** The input member naming the object key: the URI's greedy label (`{Key+}`). */
  readonly keyMember: string | undefined;
  /** The input member sent as the raw request body (a `blob` payload). */
  readonly bodyMember: string | undefined;
  /** The endpoint parameters the operation sets (from the spec's `endpointContext`), and their cache key. */
  readonly endpointFlags: EndpointFlags;
}

/** Endpoint parameters an operation sets: the ones s3kit's endpoint resolver reads. */
export interface EndpointFlags {
  readonly useObjectLambdaEndpoint?: true;
  readonly useS3ExpressControlEndpoint?: true;
  readonly disableS3ExpressSessionAuth?: true;
  /** `''` without flags; distinct for each combination (endpoint cache key). */
  readonly key: string;
}

function endpointFlagsOf(context: Readonly<Record<string, boolean | string>> | undefined): EndpointFlags {
  const lambda = context?.UseObjectLambdaEndpoint === true;
  const control = context?.UseS3ExpressControlEndpoint === true;
  const noSession = context?.DisableS3ExpressSessionAuth === true;
  return {
    ...(lambda ? { useObjectLambdaEndpoint: true } : {}),
    ...(control ? { useS3ExpressControlEndpoint: true } : {}),
    ...(noSession ? { disableS3ExpressSessionAuth: true } : {}),
    key: `${lambda ? 'L' : ''}${control ? 'C' : ''}${noSession ? 'N' : ''}`,
  };
}

const compiled = new WeakMap<OperationSpec, CompiledOperation>();

/** The compiled tables of `spec` (computed on first use, then cached). */
export function compileOperation(spec: OperationSpec): CompiledOperation {
  let c = compiled.get(spec);
  if (c) return c;
  const input = spec.input as Readonly<Record<string, InputBinding>>;
  const required: string[] = [];
  const rules: [string, ValidationRule][] = [];
  const constraints: [string, Constraints][] = [];
  const labelMembers = new Map<string, string>();
  let inputPayload: [string, Extract<InputBinding, { in: 'payload' }>] | undefined;
  let bucketMember: string | undefined;
  for (const [member, binding] of Object.entries(input)) {
    if (binding.required === true) required.push(member);
    if (binding.rule !== undefined) rules.push([member, binding.rule]);
    if (binding.constraints !== undefined) constraints.push([member, binding.constraints]);
    if (binding.endpoint === 'Bucket') bucketMember = member;
    if (binding.in === 'label') labelMembers.set(binding.name, member);
    if (binding.in === 'payload') inputPayload = [member, binding];
  }
  const firstLabel = parseUriTemplate(spec.uri, undefined).labels[0];
  bucketMember ??= firstLabel && !firstLabel.greedy ? labelMembers.get(firstLabel.label) : undefined;
  const bucketBinding = bucketMember === undefined ? undefined : input[bucketMember];
  const uri = parseUriTemplate(spec.uri, bucketBinding?.in === 'label' ? bucketBinding.name : undefined);
  const greedy = uri.labels.find((label) => label.greedy);
  const outputHeaders = new Map<string, HeaderTarget[]>();
  const outputPrefix: [string, string][] = [];
  const xmlMembers: [string, string, XmlShape][] = [];
  let outputStatus: string | undefined;
  let outputPayload: OutputPayload | undefined;
  const output: Readonly<Record<string, OutputBinding>> = spec.output;
  for (const [member, binding] of Object.entries(output)) {
    switch (binding.in) {
      case 'header': {
        const list = outputHeaders.get(binding.name) ?? [];
        list.push({
          member,
          type: binding.type ?? 'string',
          list: binding.list === true,
          codec: binding.codec === undefined ? undefined : codecOf(binding.codec),
        });
        outputHeaders.set(binding.name, list);
        break;
      }
      case 'headers':
        outputPrefix.push([member, binding.prefix]);
        break;
      case 'status':
        outputStatus = member;
        break;
      case 'payload':
        outputPayload = { member, kind: binding.kind, shape: binding.shape, events: binding.events };
        break;
      case 'xml':
        xmlMembers.push([member, binding.name ?? member, binding.shape]);
        break;
    }
  }
  const payloadKind = outputPayload?.kind;
  const bodyMember = inputPayload?.[1].kind === 'blob' ? inputPayload[0] : undefined;
  c = {
    spec,
    input,
    uri,
    labelMembers,
    required,
    rules,
    constraints,
    inputPayload,
    outputHeaders,
    outputPrefix,
    outputStatus,
    outputPayload,
    outputBody: payloadKind === 'blob' ? outputPayload!.member : undefined,
    xmlMembers,
    readsBody: xmlMembers.length > 0 || payloadKind === 'xml' || payloadKind === 'text' || spec.errorIn200 === true,
    bucketMember,
    keyMember: greedy === undefined ? undefined : labelMembers.get(greedy.label),
    bodyMember,
    endpointFlags: endpointFlagsOf(spec.endpointContext),
  };
  compiled.set(spec, c);
  return c;
}
