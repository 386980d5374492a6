import { describe, expect, it } from 'vitest';
import { formatText, formatYaml } from './output-format.js';
import { formatTable } from './table-format.js';

describe('formatText (aws --output text)', () => {
  it('prints sorted scalars on one line, nested lists under their upper-cased key, None for null', () => {
    const value = { Prefix: '', RequestCharged: null, Contents: [{ Key: 'a', Size: 1, Owner: { ID: 'o' } }, { Key: 'b', StorageClass: 'STANDARD' }] };
    expect(formatText(value)).toBe('\tNone\nCONTENTS\ta\t1\t\nOWNER\to\nCONTENTS\tb\t\tSTANDARD\n');
  });

  it('prints a bare scalar list tab-separated, and a scalar as it is', () => {
    expect(formatText(['a', 'b'])).toBe('a\tb\n');
    expect(formatText(true)).toBe('True\n');
    expect(formatText({ TagSet: [] })).toBe('');
  });
});

describe('formatYaml (aws v2 --output yaml)', () => {
  it('writes block style, sorts keys and quotes what YAML would misread', () => {
    expect(formatYaml({ Size: 3, ETag: '"abc"', Flag: 'true', Empty: '', List: [], Nested: { B: '12', A: null }, LastModified: '2026-12-06T02:32:17+00:00' })).toBe(
      'ETag: \'"abc"\'\nEmpty: \'\'\nFlag: \'true\'\nLastModified: \'2026-12-06T02:32:17+00:00\'\nList: []\nNested:\n  A: null\n  B: \'12\'\nSize: 3\n',
    );
  });
});

describe('formatTable', () => {
  it('boxes every section to one width', () => {
    const text = formatTable({ Owner: { ID: 'o', DisplayName: 'me' }, Buckets: [{ Name: 'b', CreationDate: 'd' }] }, 'ListBuckets');
    const lines = text.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]).toMatch(/^\|\s+ListBuckets\s+\|$/);
    expect(text).toMatch(/\|\|\s+Buckets\s+\|\|/);
    expect(text).toMatch(/\|\|\s+CreationDate\s+\|\s+Name\s+\|\|/);
  });
});
