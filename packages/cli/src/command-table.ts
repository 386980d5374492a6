import type { CommandRun } from './context.js';

/** What a command module exports: its entry point (and, for most, a `CommandDefinition`). */
export interface CommandModule {
  run: CommandRun;
}

/**
 * The command table: each command's module, loaded on first use (`s3kit sync` does not pay for
 * loading the demo or the server). A new command is one line here; help, completion and dispatch
 * read this table.
 */
export const COMMAND_TABLE: Readonly<Record<string, () => Promise<CommandModule>>> = {
  ls: () => import('./commands/ls.js'),
  cp: () => import('./commands/cp.js'),
  mv: () => import('./commands/mv.js'),
  rm: () => import('./commands/rm.js'),
  sync: () => import('./commands/sync.js'),
  mb: () => import('./commands/mb.js'),
  rb: () => import('./commands/rb.js'),
  presign: () => import('./commands/presign.js'),
  serve: () => import('./commands/serve.js'),
  demo: () => import('./commands/demo.js'),
  cat: () => import('./commands/cat.js'),
  stat: () => import('./commands/stat.js'),
  du: () => import('./commands/du.js'),
  completion: () => import('./commands/completion.js'),
  api: () => import('./commands/api/api-command.js'),
};
