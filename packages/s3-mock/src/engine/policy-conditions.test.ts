import { describe, expect, it } from 'vitest';
import { conditionHolds } from './policy-conditions.js';

describe('policy condition operators', () => {
  const ctx = { 'aws:SourceIp': '10.1.2.3', 's3:prefix': 'home/', 'aws:SecureTransport': 'false', 's3:max-keys': '10', keys: ['a', 'b'] };

  it('string, numeric, bool and IP comparisons', () => {
    expect(conditionHolds('StringEquals', 's3:prefix', ['home/'], ctx)).toBe(true);
    expect(conditionHolds('StringLike', 's3:prefix', ['ho*'], ctx)).toBe(true);
    expect(conditionHolds('StringNotLike', 's3:prefix', ['ho*'], ctx)).toBe(false);
    expect(conditionHolds('StringEqualsIgnoreCase', 's3:prefix', ['HOME/'], ctx)).toBe(true);
    expect(conditionHolds('NumericLessThanEquals', 's3:max-keys', ['10'], ctx)).toBe(true);
    expect(conditionHolds('NumericGreaterThan', 's3:max-keys', ['10'], ctx)).toBe(false);
    expect(conditionHolds('Bool', 'aws:SecureTransport', ['true'], ctx)).toBe(false);
    expect(conditionHolds('IpAddress', 'aws:SourceIp', ['10.1.0.0/16'], ctx)).toBe(true);
    expect(conditionHolds('NotIpAddress', 'aws:SourceIp', ['10.1.2.3/32'], ctx)).toBe(false);
    expect(conditionHolds('DateLessThan', 'aws:CurrentTime', ['2030-01-01T00:00:00Z'], { 'aws:CurrentTime': '2026-01-01T00:00:00.000Z' })).toBe(true);
  });

  it('a missing key fails positive operators, satisfies negated ones and IfExists; Null tests presence', () => {
    expect(conditionHolds('StringEquals', 's3:x-amz-acl', ['private'], ctx)).toBe(false);
    expect(conditionHolds('StringNotEquals', 's3:x-amz-server-side-encryption', ['AES256'], ctx)).toBe(true);
    expect(conditionHolds('StringLikeIfExists', 'aws:Referer', ['http://example.com/*'], ctx)).toBe(true);
    expect(conditionHolds('Null', 'aws:Referer', ['true'], ctx)).toBe(true);
    expect(conditionHolds('Null', 's3:prefix', ['false'], ctx)).toBe(true);
  });

  it('set operators over multi-valued keys', () => {
    expect(conditionHolds('ForAnyValue:StringEquals', 'keys', ['b', 'z'], ctx)).toBe(true);
    expect(conditionHolds('ForAllValues:StringEquals', 'keys', ['a', 'b', 'c'], ctx)).toBe(true);
    expect(conditionHolds('ForAllValues:StringEquals', 'keys', ['a'], ctx)).toBe(false);
  });
});
