// Reads s3kit's hand-written operation docs (docs/*.md, format in docs/README.md): per operation a
// summary, an example and member notes; plus the shared member notes of docs/members.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DOCS_DIR = join(import.meta.dirname, 'docs');
const NOTE = /^- (in|out) `(\w+)`: (.+)$/;

function parseNotes(lines, where) {
  const notes = { in: {}, out: {} };
  for (const line of lines) {
    if (!line.startsWith('- ')) continue;
    const m = NOTE.exec(line);
    if (!m) throw new Error(`${where}: a note must read "- in|out \`Member\`: text", not ${JSON.stringify(line)}`);
    notes[m[1]][m[2]] = m[3];
  }
  return notes;
}

/**
 * The docs of every operation, by name: `{ family, summary, example, notes: { in, out } }`, and the
 * shared member notes.
 * @returns {{ operations: Map<string, { family: string, summary: string, example: string, notes: { in: Record<string, string>, out: Record<string, string> } }>, members: { in: Record<string, string>, out: Record<string, string> } }}
 */
export function loadOperationDocs() {
  const operations = new Map();
  for (const file of readdirSync(DOCS_DIR).sort()) {
    if (!file.endsWith('.md') || file === 'README.md' || file === 'members.md') continue;
    const family = file.slice(0, -3);
    const text = readFileSync(join(DOCS_DIR, file), 'utf8');
    for (const section of text.split(/^## /m).slice(1)) {
      const [heading, ...rest] = section.split('\n');
      const name = heading.trim();
      const body = rest.join('\n');
      const code = /^```ts\n([\s\S]*?)^```$/m.exec(body);
      if (!code) throw new Error(`docs/${file} ${name}: no \`\`\`ts example`);
      const before = body.slice(0, code.index).trim();
      const after = body.slice(code.index + code[0].length).trim();
      if (before === '') throw new Error(`docs/${file} ${name}: no summary`);
      if (operations.has(name)) throw new Error(`docs/${file} ${name}: documented twice`);
      operations.set(name, { family, summary: before.replace(/\s*\n\s*/g, ' '), example: code[1].trimEnd(), notes: parseNotes(after.split('\n'), `docs/${file} ${name}`) });
    }
  }
  const members = parseNotes(readFileSync(join(DOCS_DIR, 'members.md'), 'utf8').split('\n'), 'docs/members.md');
  return { operations, members };
}
