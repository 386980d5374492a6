import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../usage-error.js';
import { parseShorthand } from './shorthand.js';

describe('parseShorthand (the AWS CLI shorthand syntax)', () => {
  it('reads Key=value pairs, nested structures, lists and quotes', () => {
    expect(parseShorthand('Status=Enabled,MFADelete=Disabled', 'x')).toEqual({ Status: 'Enabled', MFADelete: 'Disabled' });
    expect(parseShorthand('TagSet=[{Key=a,Value=1},{Key=b,Value=2}]', 'x')).toEqual({ TagSet: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] });
    expect(parseShorthand('Objects=[{Key=a.txt}],Quiet=true', 'x')).toEqual({ Objects: [{ Key: 'a.txt' }], Quiet: 'true' });
    expect(parseShorthand('A={B={C=d}}', 'x')).toEqual({ A: { B: { C: 'd' } } });
    expect(parseShorthand("Key='a,b',Other=\"c=d\"", 'x')).toEqual({ Key: 'a,b', Other: 'c=d' });
    expect(parseShorthand('List=[],Empty={}', 'x')).toEqual({ List: [], Empty: {} });
  });

  it('keeps a top-level comma that starts no Name= inside the value (lists split later by shape)', () => {
    expect(parseShorthand('AllowedMethods=GET,PUT,AllowedOrigins=*', 'x')).toEqual({ AllowedMethods: 'GET,PUT', AllowedOrigins: '*' });
  });

  it('returns text without "=" as it is', () => {
    expect(parseShorthand('plain-value', 'x')).toBe('plain-value');
  });

  it('refuses unbalanced brackets and quotes with a usage error naming the flag', () => {
    for (const bad of ['A=[a,b', 'A={B=c', "A='open", 'A={B}']) {
      let error: unknown;
      try {
        parseShorthand(bad, 'tagging');
      } catch (err) {
        error = err;
      }
      expect(isUsageError(error), bad).toBe(true);
      expect((error as Error).message).toContain('--tagging');
    }
  });
});
