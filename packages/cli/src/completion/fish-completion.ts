import type { CompletionSpec } from './completion-spec.js';

/**
 * The fish completion script (same offers as {@link bashCompletion}'s). Load it with
 * `s3kit completion fish | source`, or save it as ~/.config/fish/completions/s3kit.fish.
 */
export function fishCompletion(spec: CompletionSpec): string {
  const lines = [
    '# s3kit completion for fish; load with: s3kit completion fish | source',
    'complete -c s3kit -f',
    `complete -c s3kit -n __fish_use_subcommand -a '${spec.commands.map((c) => c.name).join(' ')}'`,
  ];
  for (const option of spec.globalOptions) {
    lines.push(`complete -c s3kit -l ${option.slice(2)}${spec.valueOptions.includes(option) ? ' -r' : ''}`);
  }
  for (const command of spec.commands) {
    for (const flag of command.flags) lines.push(`complete -c s3kit -n '__fish_seen_subcommand_from ${command.name}' -l ${flag.slice(2)}`);
  }
  lines.push("complete -c s3kit -n '__fish_seen_subcommand_from cp mv sync' -F");
  if (spec.apiOperations.length > 0) lines.push(`complete -c s3kit -n '__fish_seen_subcommand_from api' -a '${spec.apiOperations.join(' ')}'`);
  lines.push(
    "complete -c s3kit -n 'string match -q \"s3:*\" -- (commandline -ct)' -a '(s3kit completion --s3-urls (commandline -ct) -- (commandline -opc)[2..-1] 2>/dev/null)'",
  );
  return `${lines.join('\n')}\n`;
}
