import { describe, expect, it } from 'vitest';
import { ConfigError, loadGatewayConfig } from '../../../gateway/config/gateway-config';

function auditSettings(flags: Record<string, string>, env: Record<string, string> = {}) {
  return loadGatewayConfig({ flags, env, dataDir: '/var/lib/accord', repoRoot: '/srv/accord' }).audit;
}

describe('audit settings of the gateway', () => {
  it('writes to <data dir>/audit.jsonl unless told otherwise', () => {
    expect(auditSettings({})).toEqual({ file: '/var/lib/accord/audit.jsonl', databaseUrl: null });
  });

  it('takes the database from --audit-database-url before ACCORD_AUDIT_DATABASE_URL', () => {
    expect(auditSettings({}, { ACCORD_AUDIT_DATABASE_URL: 'postgres://audit@db/accord' }).databaseUrl).toBe('postgres://audit@db/accord');
    expect(
      auditSettings({ 'audit-database-url': 'postgresql://flag@db/accord' }, { ACCORD_AUDIT_DATABASE_URL: 'postgres://env@db/accord' })
        .databaseUrl,
    ).toBe('postgresql://flag@db/accord');
  });

  it('refuses a database URL that is not PostgreSQL, without echoing it', () => {
    const load = () => auditSettings({ 'audit-database-url': 'mysql://root:secret@db/accord' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow('audit database URL must be a postgres:// or postgresql:// URL');
    expect(load).not.toThrow(/secret/);
  });
});
