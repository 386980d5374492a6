import { describe, expect, it } from 'vitest';
import { bashCompletion } from './bash-completion.js';
import { completionSpec } from './completion-spec.js';
import { fishCompletion } from './fish-completion.js';
import { zshCompletion } from './zsh-completion.js';

describe('completionSpec', () => {
  it('reads every command of the table and its flags, and the global options', async () => {
    const spec = await completionSpec();
    const names = spec.commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ls', 'cp', 'sync', 'cat', 'stat', 'du', 'completion']));
    expect(spec.apiOperations).toEqual(expect.arrayContaining(['get-bucket-cors', 'list-objects-v2']));
    expect(spec.commands.find((c) => c.name === 'ls')?.flags).toEqual(expect.arrayContaining(['--recursive', '--human-readable', '--summarize', '--json']));
    expect(spec.globalOptions).toEqual(expect.arrayContaining(['--endpoint-url', '--no-sign-request', '--color']));
    expect(spec.valueOptions).toContain('--endpoint-url');
    expect(spec.valueOptions).not.toContain('--debug');
  });

  it('offers api operation names from s3-core when the table has an api command', async () => {
    const module = { run: () => Promise.resolve(0) };
    const spec = await completionSpec({ api: () => Promise.resolve(module) });
    expect(spec.commands).toEqual([{ name: 'api', flags: [] }]);
    expect(spec.apiOperations).toEqual(expect.arrayContaining(['get-bucket-cors', 'list-objects-v2', 'put-object', 'create-multipart-upload']));
  });

  it('writes the same offers for bash, zsh and fish', () => {
    const spec = { commands: [{ name: 'ls', flags: ['--recursive'] }], globalOptions: ['--region', '--debug'], valueOptions: ['--region'], apiOperations: ['get-bucket-cors'] };
    const bash = bashCompletion(spec);
    expect(bash).toContain('complete -o default -F _s3kit s3kit');
    expect(bash).toContain('ls) flags="--recursive" ;;');
    expect(bash).toContain('--region) ((i++)) ;;');
    const zsh = zshCompletion(spec);
    expect(zsh.startsWith('#compdef s3kit\n')).toBe(true);
    expect(zsh).toContain('(ls) flags=(--recursive) ;;');
    expect(zsh).toContain('compadd -- get-bucket-cors');
    const fish = fishCompletion(spec);
    expect(fish).toContain("complete -c s3kit -n __fish_use_subcommand -a 'ls'");
    expect(fish).toContain('complete -c s3kit -l region -r\ncomplete -c s3kit -l debug\n');
    expect(fish).toContain("complete -c s3kit -n '__fish_seen_subcommand_from ls' -l recursive");
    expect(fish).toContain("-a 'get-bucket-cors'");
    for (const script of [bash, zsh, fish]) expect(script).toContain('s3kit completion --s3-urls');
  });
});
