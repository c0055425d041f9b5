// A second gateway over a running system's subgraphs, with other hardening settings, other
// subgraph URLs (a proxy), its own audit file and, if asked, its log lines in memory.
import path from 'node:path';
import { Writable } from 'node:stream';
import type { GatewayConfig } from '../../../../gateway/config/gateway-config';
import { readHardeningConfig } from '../../../../gateway/config/hardening-config';
import { startGateway, type RunningGateway } from '../../../../gateway/server';
import type { RunningSystem } from '../../../support/start-system';

export interface ExtraGatewayOptions {
  /** Hardening flags, as on the command line (`{ 'max-depth': '3' }`). */
  readonly flags?: Readonly<Record<string, string>>;
  readonly production?: boolean;
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Collect the JSON log lines (at level info) instead of discarding them. */
  readonly captureLogs?: boolean;
}

export interface ExtraGateway {
  readonly running: RunningGateway;
  readonly config: GatewayConfig;
  /** Parsed log lines so far (with captureLogs). */
  readonly logs: Array<Record<string, unknown>>;
}

let count = 0;

export async function startExtraGateway(system: RunningSystem, options: ExtraGatewayOptions = {}): Promise<ExtraGateway> {
  const production = options.production ?? false;
  const flags: Record<string, string> = { 'log-level': options.captureLogs ? 'info' : 'silent', ...options.flags };
  const config: GatewayConfig = {
    ...system.gatewayConfig,
    port: 0,
    production,
    subgraphUrls: { ...system.gatewayConfig.subgraphUrls, ...options.subgraphUrls },
    audit: { file: path.join(system.dataDir, `audit-extra-${++count}.jsonl`), databaseUrl: null },
    supergraphPollMs: 0,
    ...readHardeningConfig((flag) => flags[flag], production),
  };
  const logs: Array<Record<string, unknown>> = [];
  let pending = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const running = await startGateway(config, { logDestination: destination });
  return { running, config, logs };
}
