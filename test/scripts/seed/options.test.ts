import { describe, expect, it } from 'vitest';
import { UsageError, parseSeedCommand } from '../../../scripts/seed/options';

const NOW = new Date('2026-11-23T17:45:12Z');

describe('seed command line', () => {
  it('defaults to scale 1, today at midnight UTC, and refusing non-empty databases', () => {
    expect(parseSeedCommand([], NOW)).toEqual({ help: false, scale: 1, anchor: new Date('2026-11-23T00:00:00Z'), mode: 'refuse' });
  });

  it('reads the scale, the anchor day and the mode', () => {
    expect(parseSeedCommand(['--scale', '10', '--anchor', '2027-02-28', '--reset'], NOW)).toEqual({
      help: false,
      scale: 10,
      anchor: new Date('2027-02-28T00:00:00Z'),
      mode: 'reset',
    });
    expect(parseSeedCommand(['--if-empty'], NOW).mode).toBe('if-empty');
    expect(parseSeedCommand(['--scale=3'], NOW).scale).toBe(3);
    expect(parseSeedCommand(['--help'], NOW).help).toBe(true);
  });

  it.each([
    [['--scale', '0'], /--scale must be a whole number from 1 to 100 \(got "0"\)/],
    [['--scale', 'ten'], /--scale must be a whole number/],
    [['--scale', '2.5'], /--scale must be a whole number/],
    [['--scale', '-1'], /--scale/],
    [['--scale', '101'], /from 1 to 100/],
    [['--scale'], /argument missing/],
    [['--anchor', '2026-02-30'], /--anchor must be a calendar day such as 2026-11-23 \(got "2026-02-30"\)/],
    [['--anchor', '23/11/2026'], /--anchor must be a calendar day/],
    [['--anchor', '2026-11-23T10:00:00Z'], /--anchor must be a calendar day/],
    [['--reset', '--if-empty'], /--reset or --if-empty, not both/],
    [['--force'], /Unknown option '--force'/],
    [['treasury'], /positional/],
  ])('rejects %j with a usage error', (args, message) => {
    expect(() => parseSeedCommand(args, NOW)).toThrow(UsageError);
    expect(() => parseSeedCommand(args, NOW)).toThrow(message);
  });
});
