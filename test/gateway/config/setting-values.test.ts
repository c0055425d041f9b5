import { describe, expect, it } from 'vitest';
import { ConfigError, loadGatewayConfig } from '../../../gateway/config/gateway-config';
import { oneOf, onOff, positiveInteger } from '../../../gateway/config/setting-values';

function authorization(flags: Record<string, string>) {
  return loadGatewayConfig({ flags, env: {}, dataDir: '/var/lib/accord', repoRoot: '/srv/accord' }).authorization;
}

describe('setting values', () => {
  it('takes one of the allowed values, the fallback when absent, and refuses anything else by name', () => {
    expect(oneOf('reject', ['filter', 'reject'], 'filter', 'mode')).toBe('reject');
    expect(oneOf(undefined, ['filter', 'reject'], 'filter', 'mode')).toBe('filter');
    expect(oneOf(null, ['filter', 'reject'], 'filter', 'mode')).toBe('filter');
    expect(() => oneOf('block', ['filter', 'reject'], 'filter', 'mode')).toThrow(new ConfigError('mode must be one of filter, reject (got "block")'));
  });

  it('reads on/off switches and positive integers, refusing what does not fit', () => {
    expect(onOff('yes', false, 'x')).toBe(true);
    expect(onOff(undefined, true, 'x')).toBe(true);
    expect(() => onOff('maybe', false, 'x')).toThrow('x must be on or off (got "maybe")');
    expect(positiveInteger('12', 'n')).toBe(12);
    expect(() => positiveInteger('1.5', 'n')).toThrow('n must be a positive integer (got "1.5")');
  });

  it('filters with errors in the errors list unless the gateway is told otherwise', () => {
    expect(authorization({})).toMatchObject({ mode: 'filter', errors: 'errors' });
    expect(authorization({ 'authorization-mode': 'dry-run', 'authorization-errors': 'extensions' })).toMatchObject({ mode: 'dry-run', errors: 'extensions' });
    expect(() => authorization({ 'authorization-mode': 'block' })).toThrow('authorization mode must be one of filter, reject, dry-run (got "block")');
  });
});
