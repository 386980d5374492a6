import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main, run } from './main.js';
import { mockContext, testContext } from './test-support/context.js';

describe('s3kit', () => {
  it('without a command prints the help to stderr and exits 252', async () => {
    const ctx = testContext();
    expect(await run([], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('usage: s3kit <command>');
  });

  it('--help prints the help to stdout and exits 0', async () => {
    const ctx = testContext();
    expect(await run(['--help'], ctx)).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(ctx.stdout.text).toContain(`  ${name}`);
  });

  it('--version prints the version of the package it was loaded from and exits 0', async () => {
    const ctx = testContext();
    expect(await run(['--version'], ctx)).toBe(0);
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ctx.stdout.text).toBe(`${manifest.version}\n`);
  });

  it('an unknown command exits 252 with the list of commands', async () => {
    const ctx = testContext();
    expect(await run(['cpp'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('unknown command "cpp"');
    expect(ctx.stderr.text).toContain('hint: one of ls, cp, mv, rm, sync, mb, rb, presign, serve, demo');
  });

  it('dispatches to the command with the remaining arguments', async () => {
    const { ctx } = mockContext({ buckets: { photos: {} } });
    expect(await run(['ls'], ctx)).toBe(0);
    expect(ctx.stdout.text).toContain(' photos');
    for (const name of Object.keys(COMMANDS)) {
      const help = testContext();
      expect(await run([name, '--help'], help), name).toBe(0);
      expect(help.stdout.text, name).toContain(`usage: s3kit ${name}`);
    }
  });

  it('reads the profile and region from the AWS config files named by the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-profile-'));
    try {
      await writeFile(join(dir, 'config'), '[profile demo]\nregion = eu-west-1\n');
      await writeFile(join(dir, 'credentials'), '[demo]\naws_access_key_id = test\naws_secret_access_key = test\n');
      const { mock, ctx } = mockContext();
      ctx.env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' };
      expect(await run(['mb', 's3://from-profile', '--profile', 'demo', '--endpoint-url', 'http://127.0.0.1:9'], ctx), ctx.stderr.text).toBe(0);
      expect(mock.engine.getBucketLocation({ Bucket: 'from-profile' }).LocationConstraint).toBe('eu-west-1');
      const missing = mockContext().ctx;
      missing.env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
      expect(await run(['ls', '--profile', 'nope', '--endpoint-url', 'http://127.0.0.1:9'], missing)).toBe(253);
      expect(missing.stderr.text).toContain('hint: ');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('main() runs in this process and removes its signal handlers afterwards', async () => {
    const before = process.listenerCount('SIGINT');
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(chunk);
      return true;
    });
    try {
      expect(await main(['--help'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(writes.join('')).toContain('usage: s3kit <command>');
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
