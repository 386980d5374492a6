/**
 * Redaction of secrets from anything that may end up in a log line, an error message or `toJSON`.
 *
 * The rules are data so every layer redacts the same things: header names whose whole value is
 * secret, query parameters whose value is secret, object keys (in logged structures) whose value is
 * secret, and free-text patterns that catch a secret pasted into a message.
 */

/** The string that replaces a redacted value. */
export const REDACTED = '[REDACTED]';

/** Header names (lower-case) whose values are always secret. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
  'x-aws-ec2-metadata-token',
  'cookie',
  'set-cookie',
]);

/** Query parameter names (lower-case) whose values are secret in presigned URLs. */
export const SECRET_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'signature',
  'awsaccesskeyid',
]);

/** Property names (compared case-insensitively, without `_` or `-`) whose values are secret. */
const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'secretaccesskey',
  'awssecretaccesskey',
  'secretkey',
  'sessiontoken',
  'awssessiontoken',
  'securitytoken',
  'token',
  'password',
  'signingkey',
  'signature',
  'authorization',
  'xamzsecuritytoken',
  'xamzsignature',
  'xamzcredential',
  'accesskeyid',
  'awsaccesskeyid',
  'credentials',
  'sseCustomerKey'.toLowerCase(),
]);

function normalizeField(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Whether a property name (of a logged object, in any case or separator style) holds a secret. */
export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(normalizeField(name));
}

/** Whether a header name holds a secret value. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

const TEXT_PATTERNS: readonly [RegExp, string][] = [
  // Authorization: AWS4-HMAC-SHA256 Credential=AKID/..., SignedHeaders=..., Signature=hex
  [/(Credential=)[^,\s&"'#]+/gi, `$1${REDACTED}`],
  [/(Signature=)[^,\s&"'#]+/gi, `$1${REDACTED}`],
  // Query parameters of presigned URLs.
  [/([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|AWSAccessKeyId)=)[^&\s"'#]*/gi, `$1${REDACTED}`],
  // `name: value` or `name=value` pairs for secret names in free text (headers dumped as text, env dumps).
  // `&` ends the value so the rest of a query string (`?X-Amz-Security-Token=t&X-Amz-Date=...`) survives.
  [
    /((?:aws_secret_access_key|aws_session_token|secret_access_key|session_token|secretAccessKey|sessionToken|x-amz-security-token|password)["']?\s*[:=]\s*["']?)[^\s"',;}&]+/gi,
    `$1${REDACTED}`,
  ],
  // Presigned-URL parameters dumped as JSON or headers (`"X-Amz-Signature": "..."`); the `=` form is caught above.
  [/(x-amz-(?:signature|credential)["']?\s*:\s*["']?)[^\s"',;}&]+/gi, `$1${REDACTED}`],
  // `Authorization: <scheme> <credentials>`: the value after the scheme is the secret (`Bearer x`, `Basic x`).
  [/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:[A-Za-z0-9-]+ +)?[^\s"',;}]+/gi, `$1${REDACTED}`],
  // AWS access key ids (AKIA..., ASIA...) are identifiers, not secrets, but they name an account: mask.
  [/\b((?:AKIA|ASIA)[A-Z0-9]{4})[A-Z0-9]{12}\b/g, `$1${'*'.repeat(12)}`],
];

/**
 * Removes secrets from free text: signatures, credentials in `Authorization` values and presigned
 * query strings, `key = value` pairs for secret names, and masks access key ids.
 */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Returns a copy of `url` whose secret query parameters (signature, credential, token) are redacted. */
export function redactUrl(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href;
  return redactText(text);
}

/** Returns a copy of a header record with secret header values replaced by {@link REDACTED}. */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = isSecretHeader(name) ? REDACTED : typeof value === 'string' ? redactText(value) : value.map(redactText);
  }
  return out;
}

/**
 * Deeply redacts a value for logging: secret fields become {@link REDACTED}, strings go through
 * {@link redactText}, `Error`s become plain objects, cycles and depth are bounded.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (seen.has(value)) return '[Circular]';
  if (depth > 8) return '[Truncated]';
  // `seen` holds the ancestors of the current value only, so a value shared by two branches is shown twice, not as a cycle.
  seen.add(value);
  try {
    return redactObject(value, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function redactObject(value: object, depth: number, seen: WeakSet<object>): unknown {
  if (value instanceof URL) return redactUrl(value);
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
  if (value instanceof Error) {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return redactValue(json.call(value), depth + 1, seen);
    const out: Record<string, unknown> = { name: value.name, message: redactText(value.message) };
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    if (value.cause !== undefined) out.cause = redactValue(value.cause, depth + 1, seen);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretField(k) && v !== undefined && v !== null ? REDACTED : redactValue(v, depth + 1, seen);
  }
  return out;
}
