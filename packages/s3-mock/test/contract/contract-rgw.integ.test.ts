import { testS3 } from '@s3kit/rgw-harness';
import { runContractSuite } from './run-contract-suite.js';

runContractSuite('Ceph RGW', () => {
  const s3 = testS3();
  return { name: 'rgw', endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, region: s3.region };
});
