import { describe, expect, it } from 'vitest';
import { processEnv } from './process-env.js';

describe('processEnv', () => {
  it('is process.env where the runtime has a process', () => {
    expect(processEnv()).toBe(process.env);
  });
});
