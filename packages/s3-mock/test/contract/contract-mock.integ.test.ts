import { afterAll, beforeAll } from 'vitest';
import { startS3MockServer } from '../../src/server/start-server.js';
import type { StandaloneS3MockServer } from '../../src/server/start-server.js';
import { runContractSuite } from './run-contract-suite.js';

let server: StandaloneS3MockServer;
beforeAll(async () => {
  server = await startS3MockServer({ credentials: [{ accessKeyId: 'contract', secretAccessKey: 'contract-secret' }] });
});
afterAll(async () => {
  await server.stop();
});

runContractSuite('s3-mock server', () => ({ name: 'mock', endpoint: server.endpoint, accessKeyId: 'contract', secretAccessKey: 'contract-secret', region: 'us-east-1' }));
