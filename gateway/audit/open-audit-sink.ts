// The gateway's audit sink, as configured: PostgreSQL when a database URL is given, else the file.
import type { GatewayConfig } from '../config/gateway-config';
import type { AuditSink } from './audit-sink';
import { openFileAuditSink } from './file-sink';
import { openPostgresAuditSink } from './postgres-sink';

export function openAuditSink(settings: GatewayConfig['audit']): Promise<AuditSink> {
  return settings.databaseUrl ? openPostgresAuditSink(settings.databaseUrl) : openFileAuditSink(settings.file);
}
