// The s3kit mock (in-memory S3, signatures verified, credentials test/test) in its own process, so
// the sync benchmark measures the clients and not the server's share of one event loop.
import { startS3MockServer } from '@s3kit/s3-mock';

const server = await startS3MockServer({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
process.send?.({ port: server.port });
process.on('message', (m) => {
  if (m === 'stats') process.send?.({ stats: {} });
  if (m === 'stop') void server.stop().then(() => process.exit(0));
});
