/** Precomputes, once per spec, the lookup tables the interpreter's hot path uses. */
import { collectArrayPaths } from './xml-shapes.js';
import type { InputBinding, OperationSpec, OutputBinding, ScalarType, XmlShape, XmlStructureShape } from './spec.js';

/** A header-bound output member. */
export interface HeaderTarget {
  readonly member: string;
  readonly type: ScalarType;
}

/** The tables derived from an {@link OperationSpec}. */
export interface CompiledOperation {
  readonly spec: OperationSpec;
  /** Input bindings by member. */
  readonly input: Readonly<Record<string, InputBinding>>;
  /** Members that must be present, with their validation rule. */
  readonly required: readonly string[];
  /** Members with a rule. */
  readonly rules: readonly (readonly [string, NonNullable<Extract<InputBinding, { rule?: unknown }>['rule']>])[];
  /** Lower-case response header name to the members it fills. */
  readonly outputHeaders: ReadonlyMap<string, readonly HeaderTarget[]>;
  /** `[member, prefix]` of prefix-header outputs (`Metadata`). */
  readonly outputPrefix: readonly (readonly [string, string])[];
  readonly outputStatus: string | undefined;
  readonly outputBody: string | undefined;
  /** XML members of the root: `[member, elementName, shape, flattenedList]`. */
  readonly xmlMembers: readonly (readonly [string, string, XmlShape])[];
  readonly xmlRoot: readonly [string, XmlStructureShape] | undefined;
  /** Array paths for the parser. */
  readonly arrayPaths: ReadonlySet<string>;
  /** Whether a successful response body must be read (XML output or 200-with-error check). */
  readonly readsBody: boolean;
  /** The input member naming the bucket: the path's first label (virtual-hosted style moves it to the host). */
  readonly bucketMember: string | undefined;
  /** The input member naming the object key: the path's greedy label (`{Key+}`). */
  readonly keyMember: string | undefined;
  /** The input member sent as the raw request body. */
  readonly bodyMember: string | undefined;
}

/** The label members of a path template, in order, with whether each is greedy (`{Key+}`). */
function pathLabels(path: string): { member: string; greedy: boolean }[] {
  return [...path.matchAll(/\{(\w+)(\+?)\}/g)].map((m) => ({ member: m[1]!, greedy: m[2] === '+' }));
}

const compiled = new WeakMap<OperationSpec, CompiledOperation>();

/** The compiled tables of `spec` (computed on first use, then cached). */
export function compileOperation(spec: OperationSpec): CompiledOperation {
  let c = compiled.get(spec);
  if (c) return c;
  const input = spec.input as Readonly<Record<string, InputBinding>>;
  const required: string[] = [];
  let bodyMember: string | undefined;
  const rules: [string, NonNullable<Extract<InputBinding, { rule?: unknown }>['rule']>][] = [];
  for (const [member, binding] of Object.entries(input)) {
    if ('required' in binding && binding.required) required.push(member);
    if ('rule' in binding) rules.push([member, binding.rule]);
    if (binding.in === 'body') bodyMember = member;
  }
  const labels = pathLabels(spec.path).filter((label) => input[label.member]?.in === 'label');
  const bucketMember = labels.find((label) => !label.greedy)?.member;
  const keyMember = labels.find((label) => label.greedy)?.member;
  const outputHeaders = new Map<string, HeaderTarget[]>();
  const outputPrefix: [string, string][] = [];
  const xmlMembers: [string, string, XmlShape][] = [];
  let xmlRoot: [string, XmlStructureShape] | undefined;
  let outputStatus: string | undefined;
  let outputBody: string | undefined;
  const arrayPaths = new Set<string>();
  const root = spec.outputRoot ?? '';
  const output: Readonly<Record<string, OutputBinding>> = spec.output;
  for (const [member, binding] of Object.entries(output)) {
    switch (binding.in) {
      case 'header': {
        const list = outputHeaders.get(binding.name) ?? [];
        list.push({ member, type: binding.type ?? 'string' });
        outputHeaders.set(binding.name, list);
        break;
      }
      case 'prefixHeaders':
        outputPrefix.push([member, binding.name]);
        break;
      case 'status':
        outputStatus = member;
        break;
      case 'body':
        outputBody = member;
        break;
      case 'xml': {
        const name = binding.name ?? member;
        xmlMembers.push([member, name, binding.shape]);
        collectArrayPaths(binding.shape, `${root}.${name}`, arrayPaths);
        break;
      }
      case 'xmlRoot':
        xmlRoot = [member, binding.shape];
        collectArrayPaths(binding.shape, root, arrayPaths);
        break;
    }
  }
  c = {
    spec,
    input,
    required,
    rules,
    outputHeaders,
    outputPrefix,
    outputStatus,
    outputBody,
    xmlMembers,
    xmlRoot,
    arrayPaths,
    readsBody: xmlMembers.length > 0 || xmlRoot !== undefined || spec.errorIn200 === true,
    bucketMember,
    keyMember,
    bodyMember,
  };
  compiled.set(spec, c);
  return c;
}
