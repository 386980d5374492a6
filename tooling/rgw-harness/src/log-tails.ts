import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The last `lines` lines of every daemon log (`*.log`) and captured output (`*.out`) in `dir`,
 * each under a `--- name ---` heading; empty when there are none.
 */
export async function logTails(dir: string, lines = 15): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.log') || n.endsWith('.out')).sort();
  } catch {
    return '';
  }
  const parts: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    const tail = text.split('\n').filter((l) => l.trim() !== '').slice(-lines).map((l) => (l.length > 400 ? `${l.slice(0, 400)}...` : l));
    if (tail.length > 0) parts.push(`--- ${name} ---\n${tail.join('\n')}`);
  }
  return parts.join('\n');
}
