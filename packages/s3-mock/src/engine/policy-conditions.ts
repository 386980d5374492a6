/**
 * Policy condition operators: the value comparisons of a statement's `Condition` block.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
/** Request context keys and their values (`aws:SourceIp`, `s3:prefix`, `s3:ExistingObjectTag/k`...). */
export type ConditionContext = Readonly<Record<string, string | readonly string[] | undefined>>;

const like = (pattern: string, value: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`).test(value);

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Whether `ip` is inside `cidr` (IPv4; an IPv6 address only matches itself exactly). */
function inCidr(cidr: string, ip: string): boolean {
  const [range = '', bitsText] = cidr.split('/');
  if (!IPV4.test(range) || !IPV4.test(ip)) return range === ip;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ipv4ToInt(range) & mask) >>> 0) === ((ipv4ToInt(ip) & mask) >>> 0);
}

const date = (s: string): number => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

/** Positive comparisons: does `actual` satisfy `expected` under the operator. */
const COMPARE: Readonly<Record<string, (expected: string, actual: string) => boolean>> = {
  StringEquals: (e, a) => e === a,
  StringEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
  StringLike: (e, a) => like(e, a),
  NumericEquals: (e, a) => Number(a) === Number(e),
  NumericLessThan: (e, a) => Number(a) < Number(e),
  NumericLessThanEquals: (e, a) => Number(a) <= Number(e),
  NumericGreaterThan: (e, a) => Number(a) > Number(e),
  NumericGreaterThanEquals: (e, a) => Number(a) >= Number(e),
  DateEquals: (e, a) => date(a) === date(e),
  DateLessThan: (e, a) => date(a) < date(e),
  DateLessThanEquals: (e, a) => date(a) <= date(e),
  DateGreaterThan: (e, a) => date(a) > date(e),
  DateGreaterThanEquals: (e, a) => date(a) >= date(e),
  Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
  BinaryEquals: (e, a) => e === a,
  IpAddress: (e, a) => inCidr(e, a),
  ArnEquals: (e, a) => e === a,
  ArnLike: (e, a) => like(e, a),
};

/** Negated operators and the positive one each negates. */
const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** Every operator name the mock evaluates (without `IfExists` and set prefixes). */
export const CONDITION_OPERATORS: ReadonlySet<string> = new Set([...Object.keys(COMPARE), ...Object.keys(NEGATED), 'Null']);

/**
 * Whether one `operator: { key: values }` entry of a Condition block holds for `context`. A key the
 * request does not have fails a positive operator and satisfies a negated one (`IfExists` makes a
 * missing key satisfy either); `Null` tests presence.
 */
export function conditionHolds(operator: string, key: string, expected: readonly string[], context: ConditionContext): boolean {
  const set = /^(ForAnyValue|ForAllValues):/.exec(operator)?.[1];
  const ifExists = operator.endsWith('IfExists');
  const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
  const raw = context[key];
  const actual = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
  if (base === 'Null') return expected.some((e) => (e.toLowerCase() === 'true') === (actual.length === 0));
  if (actual.length === 0) {
    if (ifExists) return true;
    if (set === 'ForAllValues') return true;
    return base in NEGATED;
  }
  const positive = COMPARE[NEGATED[base] ?? base]!;
  const matches = (a: string): boolean => expected.some((e) => positive(e, a));
  const holds = (a: string): boolean => (base in NEGATED ? !matches(a) : matches(a));
  return set === 'ForAllValues' ? actual.every(holds) : actual.some(holds);
}
