import { paginateListBuckets } from '@s3kit/s3-core';
import { booleanFlag } from '../args.js';
import { createCliClient } from '../client.js';
import { bashCompletion } from '../completion/bash-completion.js';
import { completionSpec } from '../completion/completion-spec.js';
import { fishCompletion } from '../completion/fish-completion.js';
import { zshCompletion } from '../completion/zsh-completion.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { splitGlobalOptions } from '../global-options.js';
import { UsageError } from '../usage-error.js';
import { runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit completion bash|zsh|fish
  Prints a shell completion script: commands, their flags, global options, 'api' operation
  names, local paths and s3:// URLs (buckets and keys, listed when credentials are at hand).
    bash:  eval "$(s3kit completion bash)"          (in ~/.bashrc)
    zsh:   source <(s3kit completion zsh)           (in ~/.zshrc, after compinit)
    fish:  s3kit completion fish | source           (or save it in ~/.config/fish/completions/)`;

const SHELLS: Readonly<Record<string, (spec: Awaited<ReturnType<typeof completionSpec>>) => string>> = {
  bash: bashCompletion,
  zsh: zshCompletion,
  fish: fishCompletion,
};

/** Longest a completion waits for S3: a slow endpoint must not freeze the shell. */
const S3_COMPLETION_TIMEOUT_MS = 3000;

/**
 * The `s3://` URLs that start with `word`: bucket names (from ListBuckets) until the word has a
 * `/` after the bucket, then the prefixes and keys under it (one ListObjectsV2 page, `/` as the
 * delimiter). `words` is the command line so far, for its global options (`--endpoint-url`...).
 */
export async function s3UrlCandidates(ctx: RunContext, word: string, words: readonly string[]): Promise<string[]> {
  const { globals } = splitGlobalOptions(words.filter((w) => w !== '--'), ctx.globals);
  const signal = AbortSignal.any([AbortSignal.timeout(S3_COMPLETION_TIMEOUT_MS), ...(ctx.signal ? [ctx.signal] : [])]);
  const client = createCliClient({ ...ctx, globals, env: { AWS_MAX_ATTEMPTS: '1', ...ctx.env } });
  try {
    const rest = word.replace(/^s3:\/*/, '');
    const slash = rest.indexOf('/');
    if (slash === -1) {
      const names: string[] = [];
      for await (const page of paginateListBuckets(client, {}, { signal })) {
        for (const b of page.Buckets ?? []) if (b.Name?.startsWith(rest) === true) names.push(`s3://${b.Name}/`);
      }
      return names;
    }
    const bucket = rest.slice(0, slash);
    const prefix = rest.slice(slash + 1);
    const page = await client.listObjectsV2({ Bucket: bucket, Prefix: prefix, Delimiter: '/' }, { signal });
    return [...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''), ...(page.Contents ?? []).map((o) => o.Key ?? '')].map((key) => `s3://${bucket}/${key}`);
  } finally {
    await client.close();
  }
}

async function body(scope: CommandScope): Promise<number> {
  if (booleanFlag(scope.flags, 's3-urls')) {
    const [word = 's3://', ...words] = scope.positionals;
    try {
      for (const url of await s3UrlCandidates(scope.ctx, word, words)) scope.ctx.stdout.write(`${url}\n`);
    } catch {
      // No credentials, no network, no such bucket: a completion offers nothing rather than an error.
    }
    return EXIT_OK;
  }
  const [shell] = scope.positionals;
  const generate = shell === undefined ? undefined : SHELLS[shell];
  if (generate === undefined || scope.positionals.length !== 1) throw new UsageError(`expected a shell: bash, zsh or fish`, 'e.g. eval "$(s3kit completion bash)"');
  scope.ctx.stdout.write(generate(await completionSpec()));
  return EXIT_OK;
}

/** `s3kit completion`: see {@link USAGE}. */
export const completionCommand: CommandDefinition = {
  name: 'completion',
  flags: { help: { type: 'boolean', short: 'h' }, 's3-urls': { type: 'boolean' } },
  usage: USAGE,
  body,
};

/**
 * Runs `s3kit completion` with `argv` (the arguments after `completion`).
 * @example
 * ```ts
 * await run(['bash'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(completionCommand, argv, ctx);
}
