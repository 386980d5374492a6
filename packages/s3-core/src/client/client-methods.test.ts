/**
 * `client-methods.ts` is generated from the operation specs: one documented method per entry of the
 * operation table, with the spec's summary and `@example`. This test regenerates it and fails on any
 * drift; run it with `S3KIT_UPDATE_DOCS=1` to rewrite the file after changing a spec's TSDoc.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations } from '../operations/index.js';
import { S3Client } from './s3-client.js';

const here = import.meta.dirname;
const opsDir = join(here, '..', 'operations');
const target = join(here, 'client-methods.ts');

interface SpecDoc {
  name: string;
  file: string;
  doc: string;
}

function specDocs(): Map<string, SpecDoc> {
  const docs = new Map<string, SpecDoc>();
  for (const file of readdirSync(opsDir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(join(opsDir, file), 'utf8');
    for (const m of text.matchAll(/\/\*\*\n((?:(?!\*\/)[\s\S])*?) \*\/\nexport const (\w+) = defineOperation/g)) {
      docs.set(m[2]!, { name: m[2]!, file: file.replace(/\.ts$/, '.js'), doc: m[1]! });
    }
  }
  return docs;
}

function generate(): string {
  const docs = specDocs();
  const names = Object.keys(operations);
  const imports = new Map<string, string[]>();
  for (const name of names) {
    const spec = docs.get(name);
    if (!spec) throw new Error(`${name} has no multi-line TSDoc block`);
    imports.set(spec.file, [...(imports.get(spec.file) ?? []), name]);
  }
  const lines = [
    '// Generated from the operation specs by client-methods.test.ts (S3KIT_UPDATE_DOCS=1 rewrites it). Do not edit.',
    "import type { InputOf, OutputOf } from '../interpreter/spec.js';",
    ...[...imports].map(([file, specs]) => `import type { ${specs.join(', ')} } from '../operations/${file}';`),
    "import type { SendOptions } from './client-options.js';",
    '',
    '/** Arguments of a convenience method: the input is optional when every member is. */',
    'export type MethodArgs<I> = object extends I ? [input?: I, options?: SendOptions] : [input: I, options?: SendOptions];',
    '',
    '/**',
    ' * The typed convenience methods of `S3Client`, one per operation (`client.getObject(input)` is',
    ' * `client.send(GetObject, input)`). Each takes the operation input and optional `SendOptions`',
    ' * (`signal`, `timeoutMs`) and throws as `S3Client.send` does.',
    ' */',
    'export interface S3ClientMethods {',
  ];
  for (const name of names) {
    const method = name.charAt(0).toLowerCase() + name.slice(1);
    const doc = docs.get(name)!.doc.replace(/^ \*/gm, '   *');
    lines.push('  /**', `${doc}   */`, `  ${method}(...args: MethodArgs<InputOf<typeof ${name}>>): Promise<OutputOf<typeof ${name}>>;`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

describe('client-methods.ts', () => {
  it('matches the operation specs (S3KIT_UPDATE_DOCS=1 to regenerate)', () => {
    const expected = generate();
    if (process.env.S3KIT_UPDATE_DOCS === '1') writeFileSync(target, expected);
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });

  it('documents a method that exists on the client for every operation, each with an example', () => {
    const text = readFileSync(target, 'utf8');
    for (const name of Object.keys(operations)) {
      const method = name.charAt(0).toLowerCase() + name.slice(1);
      expect(typeof (S3Client.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
      expect(text).toMatch(new RegExp(`@example[\\s\\S]*?\\n  ${method}\\(`));
    }
  });
});
