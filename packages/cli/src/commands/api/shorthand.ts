import { UsageError } from '../../usage-error.js';

/** A value parsed from the AWS CLI's shorthand syntax: text, lists and structures. */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

const KEY_AT = /^[A-Za-z0-9_.:-]+=/;

/**
 * Parses the AWS CLI's shorthand syntax: `Key=value,Other=value`, nested `{A=1,B=2}`, lists
 * `[a,b]`, quoted `"a,b"` or `'a,b'`. At the top level a comma that is not followed by `Name=`
 * belongs to the value (`AllowedMethods=GET,PUT` is one value; the caller splits it when the
 * member is a list). Text with no `=` is returned as is.
 * @throws {UsageError} `ERR_USAGE` on unbalanced brackets or quotes.
 * @example
 * ```ts
 * parseShorthand('TagSet=[{Key=a,Value=1}]'); // { TagSet: [{ Key: 'a', Value: '1' }] }
 * ```
 */
export function parseShorthand(text: string, flag: string): ShorthandValue {
  if (!KEY_AT.test(text)) return text;
  const parser = new Parser(text, flag);
  const value = parser.object(true);
  if (parser.pos < text.length) parser.fail(`unexpected ${JSON.stringify(text[parser.pos])}`);
  return value;
}

class Parser {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly flag: string,
  ) {}

  fail(what: string): never {
    throw new UsageError(`--${this.flag}: bad shorthand at character ${this.pos + 1}: ${what}`, `give JSON instead, or see 's3kit api <operation> help' for the member names`);
  }

  object(top: boolean): Record<string, ShorthandValue> {
    const out: Record<string, ShorthandValue> = {};
    for (;;) {
      const eq = this.text.indexOf('=', this.pos);
      if (eq < 0) this.fail('expected Name=value');
      const key = this.text.slice(this.pos, eq).trim();
      if (!/^[A-Za-z0-9_.:-]+$/.test(key)) this.fail(`bad member name ${JSON.stringify(key)}`);
      this.pos = eq + 1;
      out[key] = this.value(top);
      if (this.text[this.pos] !== ',') return out;
      this.pos++;
    }
  }

  value(top: boolean): ShorthandValue {
    const c = this.text[this.pos];
    if (c === '[') return this.list();
    if (c === '{') {
      this.pos++;
      const value = this.text[this.pos] === '}' ? {} : this.object(false);
      if (this.text[this.pos] !== '}') this.fail('expected "}"');
      this.pos++;
      return value;
    }
    if (c === '"' || c === "'") return this.quoted(c);
    return this.plain(top);
  }

  list(): ShorthandValue[] {
    this.pos++;
    const items: ShorthandValue[] = [];
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      const rest = this.text.slice(this.pos);
      items.push(rest.startsWith('{') || rest.startsWith('[') || rest.startsWith('"') || rest.startsWith("'") ? this.value(false) : this.plain(false));
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return items;
      if (c !== ',') this.fail('expected "," or "]"');
    }
  }

  quoted(quote: string): string {
    const end = this.text.indexOf(quote, this.pos + 1);
    if (end < 0) this.fail(`unclosed ${quote}`);
    const value = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  plain(top: boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (!top && (c === ',' || c === ']' || c === '}')) break;
      if (top && c === ',' && KEY_AT.test(this.text.slice(this.pos + 1))) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos).trim();
  }
}
