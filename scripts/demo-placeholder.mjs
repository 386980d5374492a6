#!/usr/bin/env node
// Placeholder for the README's main command until the CLI exists (issue: s3-transfer and CLI):
// builds every package and prints what the workspace publishes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execFileSync(join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
console.log('\ns3kit packages (built):');
for (const short of readdirSync(join(root, 'packages'))) {
  const pj = join(root, 'packages', short, 'package.json');
  if (!existsSync(pj)) continue;
  const m = JSON.parse(readFileSync(pj, 'utf8'));
  const exportsCount = existsSync(join(root, 'packages', short, 'dist/index.js'))
    ? Object.keys(await import(join(root, 'packages', short, 'dist/index.js'))).length
    : 0;
  console.log(`  ${m.name.padEnd(20)} ${m.version.padEnd(8)} ${String(exportsCount).padStart(3)} exports  ${m.description ?? ''}`);
}
console.log('\nThe in-memory S3 demo arrives with the s3kit CLI; run the tests with the README\'s second command.');
