/**
 * Test helper: a small evaluator of AWS's endpoint rule sets (the Smithy rules engine), enough for
 * the S3 rules vendored in vendor/s3-model, so resolveEndpoint can be checked against the rules
 * themselves. Test-only: the rule set is ~900 KB, which the package does not ship.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MODEL_DIR } from '../scripts/s3-model.mjs';

type Value = string | boolean | number | null | undefined | Value[] | { [key: string]: Value };
interface Expr {
  fn?: string;
  argv?: Expr[];
  ref?: string;
  assign?: string;
}
interface Rule {
  type: 'endpoint' | 'error' | 'tree';
  conditions: Expr[];
  rules?: Rule[];
  error?: string;
  endpoint?: { url: string; properties?: { authSchemes?: { name: string; signingName: string; signingRegion?: string; signingRegionSet?: string[] }[] } };
}

/** The partitions the rules ask about (AWS's public partition data, the fields the S3 rules read). */
const PARTITIONS = [
  { name: 'aws-cn', regex: /^cn-\w+-\d+$/, dnsSuffix: 'amazonaws.com.cn', dualStackDnsSuffix: 'api.amazonwebservices.com.cn', supportsFIPS: true, supportsDualStack: true },
  { name: 'aws-us-gov', regex: /^us-gov-\w+-\d+$/, dnsSuffix: 'amazonaws.com', dualStackDnsSuffix: 'api.aws', supportsFIPS: true, supportsDualStack: true },
  { name: 'aws', regex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, dnsSuffix: 'amazonaws.com', dualStackDnsSuffix: 'api.aws', supportsFIPS: true, supportsDualStack: true },
] as const;

function partition(region: string): Record<string, Value> {
  const p = PARTITIONS.find((x) => x.regex.test(region)) ?? PARTITIONS[2];
  return { name: p.name, dnsSuffix: p.dnsSuffix, dualStackDnsSuffix: p.dualStackDnsSuffix, supportsFIPS: p.supportsFIPS, supportsDualStack: p.supportsDualStack, implicitGlobalRegion: 'us-east-1' };
}

const HOST_LABEL = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/;

function isValidHostLabel(value: string, allowSubDomains: boolean): boolean {
  if (!allowSubDomains) return HOST_LABEL.test(value) && !value.endsWith('-');
  return value.split('.').every((part) => isValidHostLabel(part, false));
}

function isVirtualHostableS3Bucket(bucket: string, allowSubDomains: boolean): boolean {
  if (bucket.length < 3 || bucket.length > 63 || bucket !== bucket.toLowerCase()) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return false;
  return isValidHostLabel(bucket, allowSubDomains);
}

function parseUrl(text: string): Record<string, Value> | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.search !== '') return null;
  const path = url.pathname === '/' && !text.endsWith('/') ? '' : url.pathname;
  const host = url.hostname;
  return {
    scheme: url.protocol.slice(0, -1),
    authority: url.host,
    path,
    normalizedPath: path.endsWith('/') ? path : `${path}/`,
    isIp: /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('['),
  };
}

/** The rules' `aws.parseArn`: `arn:partition:service:region:account:resource`, resource split on `:` and `/`. */
function parseArn(text: string): Record<string, Value> | null {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[1] === '' || parts[2] === '') return null;
  const resource = parts.slice(5).join(':');
  if (resource === '') return null;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, accountId: parts[4]!, resourceId: resource.split(/[:/]/) };
}

function getAttr(value: Value, path: string): Value {
  let current: Value = value;
  for (const part of path.split('.')) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, Value>)[m[1]!];
    if (m[2] !== undefined) current = Array.isArray(current) ? current[Number(m[2])] : undefined;
  }
  return current;
}

function template(text: string, scope: Record<string, Value>): string {
  return text.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const [ref, attr] = name.split('#');
    const value = attr === undefined ? scope[ref!] : getAttr(scope[ref!], attr);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function evaluate(expr: Expr | Value, scope: Record<string, Value>): Value {
  if (typeof expr === 'string') return template(expr, scope);
  if (expr === null || typeof expr !== 'object' || Array.isArray(expr)) return expr;
  const e = expr as Expr;
  if (e.ref !== undefined) return scope[e.ref];
  const args = (e.argv ?? []).map((a) => evaluate(a, scope));
  switch (e.fn) {
    case 'isSet':
      return args[0] !== undefined && args[0] !== null;
    case 'not':
      return !(args[0] as boolean);
    case 'booleanEquals':
      return args[0] === args[1];
    case 'stringEquals':
      return args[0] === args[1];
    case 'getAttr':
      return getAttr(args[0], args[1] as string);
    case 'substring': {
      const [input, start, stop, reverse] = args as [string, number, number, boolean];
      // eslint-disable-next-line no-control-regex -- the rules' substring refuses any non-ASCII input
      if (typeof input !== 'string' || stop > input.length || /[^\x00-\x7f]/.test(input)) return null;
      return reverse ? input.slice(input.length - stop, input.length - start) : input.slice(start, stop);
    }
    case 'parseURL':
      return parseUrl(args[0] as string);
    case 'uriEncode':
      return encodeURIComponent(args[0] as string).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    case 'isValidHostLabel':
      return isValidHostLabel(args[0] as string, args[1] as boolean);
    case 'aws.partition':
      return partition(args[0] as string);
    case 'aws.isVirtualHostableS3Bucket':
      return isVirtualHostableS3Bucket(args[0] as string, args[1] as boolean);
    case 'aws.parseArn':
      return parseArn(args[0] as string);
    default:
      throw new Error(`rules function ${e.fn} not supported`);
  }
}

/** What the rules resolve: an endpoint and its signing, or an error message. */
export type RulesResult = { url: string; signingName: string; signingRegion: string; authScheme: string; signingRegionSet?: string } | { error: string };

const ruleSet = JSON.parse(gunzipSync(readFileSync(join(MODEL_DIR, 'endpoint-rule-set-1.json.gz'))).toString('utf8')) as {
  parameters: Record<string, { default?: Value }>;
  rules: Rule[];
};

function run(rules: Rule[], scope: Record<string, Value>): RulesResult | undefined {
  for (const rule of rules) {
    const local = { ...scope };
    let matched = true;
    for (const condition of rule.conditions) {
      const value = evaluate(condition, local);
      if (value === undefined || value === null || value === false) {
        matched = false;
        break;
      }
      if (condition.assign !== undefined) local[condition.assign] = value;
    }
    if (!matched) continue;
    if (rule.type === 'error') return { error: template(rule.error!, local) };
    if (rule.type === 'tree') return run(rule.rules!, local) ?? { error: 'no rule matched in a tree' };
    const auth = rule.endpoint!.properties?.authSchemes?.[0];
    return {
      url: template(rule.endpoint!.url, local),
      signingName: auth?.signingName ?? 's3',
      signingRegion: auth?.signingRegion === undefined ? (local.Region as string) : template(auth.signingRegion, local),
      authScheme: auth?.name ?? 'sigv4',
      ...(auth?.signingRegionSet === undefined ? {} : { signingRegionSet: auth.signingRegionSet.join(',') }),
    };
  }
  return undefined;
}

/** Resolves `params` (the rule set's parameter names) with the vendored S3 endpoint rules. */
export function resolveWithRules(params: Record<string, Value>): RulesResult {
  const scope: Record<string, Value> = {};
  for (const [name, p] of Object.entries(ruleSet.parameters)) scope[name] = params[name] ?? p.default;
  return run(ruleSet.rules, scope) ?? { error: 'no rule matched' };
}
