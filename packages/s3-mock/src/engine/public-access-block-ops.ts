/** Put/Get/DeletePublicAccessBlock. */
import type { Requester } from './account.js';
import type { PublicAccessBlock } from './bucket-config.js';
import type { EngineContext } from './engine-state.js';
import { readSubresource, writeSubresource } from './bucket-subresource.js';

/** Sets the public access block (absent settings are false). @throws S3MockError `NoSuchBucket` */
export function putPublicAccessBlock(ctx: EngineContext, input: { Bucket: string; PublicAccessBlockConfiguration: Partial<PublicAccessBlock> }, _requester: Requester): void {
  const c = input.PublicAccessBlockConfiguration;
  writeSubresource(ctx, input.Bucket, 'PublicAccessBlock', {
    BlockPublicAcls: c.BlockPublicAcls === true,
    IgnorePublicAcls: c.IgnorePublicAcls === true,
    BlockPublicPolicy: c.BlockPublicPolicy === true,
    RestrictPublicBuckets: c.RestrictPublicBuckets === true,
  });
}

/** @throws S3MockError `NoSuchBucket`, `NoSuchPublicAccessBlockConfiguration` */
export function getPublicAccessBlock(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): { PublicAccessBlockConfiguration: PublicAccessBlock } {
  return { PublicAccessBlockConfiguration: { ...readSubresource(ctx, input.Bucket, 'PublicAccessBlock', 'NoSuchPublicAccessBlockConfiguration') } };
}

/** @throws S3MockError `NoSuchBucket` */
export function deletePublicAccessBlock(ctx: EngineContext, input: { Bucket: string }, _requester: Requester): void {
  writeSubresource(ctx, input.Bucket, 'PublicAccessBlock', undefined);
}
