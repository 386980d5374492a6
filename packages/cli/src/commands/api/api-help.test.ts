import { describe, expect, it } from 'vitest';
import { operationsByCliName } from './api-command.js';
import { operationHelp } from './api-help.js';
import { parseShorthand } from './shorthand.js';

describe('operationHelp', () => {
  it('shows shorthand and JSON syntax for structured parameters, and both parse', () => {
    let shown = 0;
    for (const [name, spec] of operationsByCliName()) {
      const lines = operationHelp(spec).split('\n');
      lines.forEach((line, i) => {
        if (line.trim() !== 'Shorthand Syntax:') return;
        shown++;
        const example = lines[i + 1]!.trim();
        expect(() => parseShorthand(example, name), `${name}: ${example}`).not.toThrow();
        const json: string[] = [];
        for (let j = i + 3; j < lines.length && lines[j]!.startsWith('      '); j++) json.push(lines[j]!);
        expect(() => JSON.parse(json.join('\n')) as unknown, name).not.toThrow();
      });
    }
    expect(shown).toBeGreaterThan(40);
  });
});
