import { describe, expect, it } from 'vitest';
import type { ConfigElement } from './config-document.js';
import { createS3Engine } from './engine.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

const el = (name: string, text = '', children: ConfigElement[] = []): ConfigElement => ({ name, text, children });
const rule = (...children: ConfigElement[]) => el('Rule', '', children);
const config = (...rules: ConfigElement[]) => el('LifecycleConfiguration', '', rules);
const expiration = (days: string) => el('Expiration', '', [el('Days', days)]);

describe('lifecycle and other bucket settings', () => {
  it('lifecycle rules are validated, given an ID when they have none, and returned as put', () => {
    const e = createS3Engine();
    e.createBucket({ Bucket: 'life' });
    const put = (doc: ConfigElement) => {
      e.putBucketLifecycleConfiguration({ Bucket: 'life', LifecycleConfiguration: doc });
    };
    expectS3Error(() => e.getBucketLifecycleConfiguration({ Bucket: 'life' }), 'NoSuchLifecycleConfiguration');
    expectS3Error(() => {
      put(config(rule(el('Status', 'On'), expiration('1'))));
    }, 'MalformedXML');
    expectS3Error(() => {
      put(config(rule(el('ID', 'x'.repeat(256)), el('Status', 'Enabled'), expiration('1'))));
    }, 'InvalidArgument');
    expectS3Error(() => {
      put(config(rule(el('ID', 'a'), el('Status', 'Enabled'), expiration('1')), rule(el('ID', 'a'), el('Status', 'Enabled'), expiration('2'))));
    }, 'InvalidArgument');
    expectS3Error(() => {
      put(config(rule(el('Status', 'Enabled'), el('Expiration', '', [el('Date', '20200101')]))));
    }, 'InvalidArgument');
    expectS3Error(() => {
      put(config(rule(el('Status', 'Enabled'), expiration('0'))));
    }, 'InvalidArgument');
    expectS3Error(() => {
      put(config(rule(el('Status', 'Enabled'))));
    }, 'InvalidArgument');
    put(config(rule(el('Prefix', 'logs/'), el('Status', 'Enabled'), expiration('30'))));
    const stored = e.getBucketLifecycleConfiguration({ Bucket: 'life' }).children[0]!;
    expect(stored.children.map((c) => c.name)).toEqual(['Prefix', 'Status', 'Expiration', 'ID']);
    e.deleteBucketLifecycle({ Bucket: 'life' });
    expectS3Error(() => e.getBucketLifecycleConfiguration({ Bucket: 'life' }), 'NoSuchLifecycleConfiguration');
  });

  it('website, logging, accelerate and request payment: checked, stored, and S3\'s answer when unset', () => {
    const e = createS3Engine();
    e.createBucket({ Bucket: 'set' });
    expectS3Error(() => e.getBucketSetting('website', { Bucket: 'set' }), 'NoSuchWebsiteConfiguration');
    expectS3Error(() => {
      e.putBucketSetting('website', { Bucket: 'set', Document: el('WebsiteConfiguration') });
    }, 'InvalidArgument');
    e.putBucketSetting('website', { Bucket: 'set', Document: el('WebsiteConfiguration', '', [el('IndexDocument', '', [el('Suffix', 'index.html')])]) });
    expect(e.getBucketSetting('logging', { Bucket: 'set' })).toEqual(el('BucketLoggingStatus'));
    expectS3Error(() => {
      e.putBucketSetting('logging', { Bucket: 'set', Document: el('BucketLoggingStatus', '', [el('LoggingEnabled', '', [el('TargetBucket', 'nowhere')])]) });
    }, 'InvalidTargetBucketForLogging');
    expect(e.getBucketSetting('requestPayment', { Bucket: 'set' }).children[0]?.text).toBe('BucketOwner');
    expectS3Error(() => {
      e.putBucketSetting('accelerate', { Bucket: 'set', Document: el('AccelerateConfiguration', '', [el('Status', 'Maybe')]) });
    }, 'MalformedXML');
    e.putBucketSetting('accelerate', { Bucket: 'set', Document: el('AccelerateConfiguration', '', [el('Status', 'Enabled')]) });
    expect(e.getBucketSetting('accelerate', { Bucket: 'set' }).children[0]?.text).toBe('Enabled');
  });
});
