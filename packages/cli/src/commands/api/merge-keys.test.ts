import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { NON_AGGREGATE_KEYS } from './merge-keys.js';

describe('NON_AGGREGATE_KEYS', () => {
  it('equals botocore paginators-1.sdk-extras.json, vendored beside the model', () => {
    const file = join(import.meta.dirname, '../../../../../vendor/s3-model/paginators-1.sdk-extras.json');
    const extras = JSON.parse(readFileSync(file, 'utf8')) as { merge: { pagination: Record<string, { non_aggregate_keys: string[] }> } };
    const fromFile = Object.fromEntries(Object.entries(extras.merge.pagination).map(([op, v]) => [op, v.non_aggregate_keys]));
    expect(NON_AGGREGATE_KEYS).toEqual(fromFile);
  });

  it('names only paginated operations of the table', () => {
    const table = operations as unknown as Record<string, { paginator?: unknown }>;
    for (const op of Object.keys(NON_AGGREGATE_KEYS)) expect(table[op]?.paginator, op).toBeDefined();
  });
});
