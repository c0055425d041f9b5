import { describe, expect, it } from 'vitest';
import { parseBenchOptions, UsageError } from '../../../scripts/bench/options';

function parsed(argv: string[]) {
  const options = parseBenchOptions(argv);
  if (options === 'help') throw new Error('expected options, got help');
  return options;
}

describe('bench options', () => {
  it('runs Accord alone on both workloads, one round, by default', () => {
    const options = parsed([]);
    expect(options.contestants.map((c) => c.name)).toEqual(['accord']);
    expect(options.workloads).toEqual(['public', 'agency']);
    expect(options.rounds).toBe(1);
    expect(options.profile).toBe(false);
    expect(options.profileSubgraphs).toBe(false);
  });

  it('puts the stock gateway first and runs five rounds in compare mode', () => {
    const options = parsed(['--compare', '--variant', 'cap8:ACCORD_SUBGRAPH_MAX_CONNECTIONS=8']);
    expect(options.contestants.map((c) => c.name)).toEqual(['stock', 'accord', 'cap8']);
    expect(options.contestants[2]!.env).toEqual({ ACCORD_SUBGRAPH_MAX_CONNECTIONS: '8' });
    expect(options.rounds).toBe(5);
  });

  it('profiles the gateways and the subgraphs separately', () => {
    expect(parsed(['--profile']).profileSubgraphs).toBe(false);
    expect(parsed(['--profile-subgraphs']).profileSubgraphs).toBe(true);
    expect(parsed(['--profile-subgraphs']).profile).toBe(false);
  });

  it.each([
    [['--rounds', '0'], '--rounds must be a positive integer (got 0)'],
    [['--workload', 'dashboards'], '--workload must be public, agency or all (got dashboards)'],
    [['--page-sizes', '5,x'], '--page-sizes must be a positive integer (got x)'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--variant', 'cached:responseCacheTtlMs=2000'], '"responseCacheTtlMs" is not an environment variable'],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(UsageError);
    expect(() => parseBenchOptions(argv)).toThrow(message);
  });
});
