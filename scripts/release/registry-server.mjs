#!/usr/bin/env node
// Child process of `startRegistry` (registry.mjs): a Verdaccio npm registry on 127.0.0.1 at a free
// port, storing under REGISTRY_DIR. It has no uplinks at all, so a name nobody published here is a
// 404, never a fetch from the public registry. Reports `{ port }` over IPC, stops on 'stop', and
// exits when its parent goes away so a killed rehearsal leaves no registry running.
import { join } from 'node:path';
import { runServer } from 'verdaccio';

const dir = process.env.REGISTRY_DIR;
if (!dir) {
  console.error('registry-server: REGISTRY_DIR is not set');
  process.exit(2);
}

const server = await runServer({
  configPath: join(dir, 'config.yaml'),
  storage: join(dir, 'storage'),
  auth: { htpasswd: { file: join(dir, 'htpasswd') } },
  uplinks: {},
  packages: { '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' } },
  log: { type: 'stdout', format: 'json', level: 'warn' },
  max_body_size: '200mb',
  web: { enable: false },
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
server.on('error', (err) => {
  console.error(`registry-server: ${err.message}`);
  process.exit(1);
});
process.on('message', (m) => {
  if (m !== 'stop') return;
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
