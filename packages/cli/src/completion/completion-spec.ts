import type { CommandDefinition } from '../commands/command.js';
import { COMMAND_TABLE } from '../command-table.js';
import { kebabName } from '../commands/api/kebab-name.js';
import { GLOBAL_OPTION_NAMES, valueOptions } from '../global-options.js';

/** What the completion scripts offer: commands with their flags, global options, `api` operation names. */
export interface CompletionSpec {
  commands: { name: string; flags: string[] }[];
  /** Global options, `--` included. */
  globalOptions: string[];
  /** Global options that take a value (the word after them is not the command). */
  valueOptions: string[];
  /** `s3kit api`'s operation names (kebab-case), when the command table has `api`. */
  apiOperations: string[];
}

function isCommandDefinition(value: unknown): value is CommandDefinition {
  return typeof value === 'object' && value !== null && 'flags' in value && 'usage' in value && 'body' in value;
}

/**
 * Builds the {@link CompletionSpec} from the command table (each command's flags come from its
 * definition) and s3-core's operation table.
 */
export async function completionSpec(table: Readonly<Record<string, () => Promise<object>>> = COMMAND_TABLE): Promise<CompletionSpec> {
  const commands: CompletionSpec['commands'] = [];
  for (const [name, load] of Object.entries(table)) {
    const definition = Object.values(await load()).find(isCommandDefinition);
    const flags = definition === undefined ? [] : Object.keys(definition.flags).map((flag) => `--${flag}`);
    commands.push({ name, flags });
  }
  let apiOperations: string[] = [];
  if ('api' in table) {
    const { operations } = await import('@s3kit/s3-core');
    apiOperations = Object.keys(operations).map(kebabName);
  }
  return { commands, globalOptions: GLOBAL_OPTION_NAMES.map((n) => `--${n}`), valueOptions: valueOptions().map((n) => `--${n}`), apiOperations };
}
