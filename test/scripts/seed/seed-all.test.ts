import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../../scripts/seed/build-world';
import { SeedRefusedError, seedAll, type SeedReport } from '../../../scripts/seed/seed-all';
import { AGENCIES } from '../../../subgraphs/agencies';
import type { AgencyName } from '../../../subgraphs/kit/agency-subgraph';
import { databaseConfigFor } from '../../../subgraphs/kit/config/database-config';
import { openDatabase, type AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { ModelRecord } from '../../../subgraphs/treasury/data/model-record';
import { EarlyAccessGrantRecord } from '../../../subgraphs/treasury/data/early-access-grant-record';
import { FinancialAssessmentRecord } from '../../../subgraphs/treasury/data/financial-assessment-record';
import { SecurityFindingRecord } from '../../../subgraphs/defense/data/national-security-records';
import { VulnerabilityRecord } from '../../../subgraphs/cyber/data/vulnerability-record';
import { databaseKinds, testDatabase, type TestDatabase } from '../../support/test-database';

const ANCHOR = new Date('2026-11-23T00:00:00Z');
const DAY = 24 * 3600 * 1000;
const world = buildWorld({ scale: 1, anchor: ANCHOR });

describe.each(databaseKinds())('seedAll on %s', (kind) => {
  let database: TestDatabase;
  let dataDir: string;
  let seeded: SeedReport;
  const open = new Map<AgencyName, AgencyDatabase>();

  const options = () => ({ scale: 1, anchor: ANCHOR, env: database.env, dataDir, quiet: true });

  async function reopen(): Promise<void> {
    for (const agency of Object.values(AGENCIES)) {
      await open.get(agency.name)?.close();
      const config = databaseConfigFor(agency.name, database.env, dataDir);
      open.set(agency.name, await openDatabase({ database: config, entities: agency.entities }));
    }
  }

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const agency of Object.values(AGENCIES)) {
      const em = open.get(agency.name)!.fork();
      for (const entity of agency.entities) result[entity.name] = await em.count(entity, {});
    }
    return result;
  }

  beforeAll(async () => {
    database = testDatabase(kind);
    dataDir = await mkdtemp(path.join(tmpdir(), 'accord-seed-all-'));
    seeded = await seedAll(options());
    await reopen();
  });

  afterAll(async () => {
    for (const db of open.values()) await db.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes every table of every agency and reports what it wrote', async () => {
    expect(seeded.outcome).toBe('seeded');
    const found = await counts();
    for (const agency of Object.values(AGENCIES)) {
      for (const entity of agency.entities) expect(found[entity.name], entity.name).toBeGreaterThan(0);
    }
    expect(found.ModelRecord).toBe(world.treasury.models.length);
    expect(found.EarlyAccessGrantRecord).toBe(world.treasury.grants.length);
    expect(found.NationalSecurityAssessmentRecord).toBe(world.defense.assessments.length);
    expect(found.VulnerabilityRecord).toBe(world.cyber.vulnerabilities.length);
    const treasury = seeded.agencies.find((agency) => agency.agency === 'treasury')!;
    expect(treasury.tables).toContainEqual({ label: 'models', rows: 300 });
    expect(treasury.database).toMatch(kind === 'sqlite' ? /^sqlite:.*treasury\.sqlite$/ : /^postgresql:\/\/.*_treasury$/);
  });

  it('stores what was built: code lists, ranks, JSON lists, nulls and times read back through the records', async () => {
    const model = world.treasury.models.find((row) => row.withdrawnAt)!;
    const record = await open.get('treasury')!.fork().findOneOrFail(ModelRecord, { id: model.id }, { populate: ['developer'] });
    expect(record.capabilities).toEqual(model.capabilities);
    expect(record.sectors).toEqual(model.sectorCodes);
    expect(record.developer.id).toBe(model.developerId);
    expect(record.submittedAt).toEqual(model.submittedAt);
    expect(record.withdrawnAt).toEqual(model.withdrawnAt);
    expect(record.withdrawalReason).toBe(model.withdrawalReason);

    const grant = world.treasury.grants.find((row) => row.revokedAt)!;
    const grantRecord = await open.get('treasury')!.fork().findOneOrFail(EarlyAccessGrantRecord, { id: grant.id });
    expect(grantRecord.revokedAt).toEqual(grant.revokedAt);
    expect(grantRecord.partner.id).toBe(grant.partnerId);

    const pending = world.treasury.assessments.find((row) => !row.completedAt)!;
    const assessment = await open.get('treasury')!.fork().findOneOrFail(FinancialAssessmentRecord, { id: pending.id });
    expect(assessment.riskLevel).toBeNull();
    expect(assessment.systemicRiskScore).toBeNull();

    const finding = world.defense.findings.find((row) => row.classification === 'TOP_SECRET')!;
    const findingRecord = await open.get('defense')!.fork().findOneOrFail(SecurityFindingRecord, { id: finding.id });
    expect(findingRecord.classification).toBe('TOP_SECRET');
    expect(findingRecord.severity).toBe(finding.severity);
    expect(findingRecord.details).toBe(finding.details);

    const vulnerability = world.cyber.vulnerabilities.find((row) => row.affectedSystems.length > 1)!;
    const vulnerabilityRecord = await open.get('cyber')!.fork().findOneOrFail(VulnerabilityRecord, { id: vulnerability.id });
    expect(vulnerabilityRecord.affectedSystems).toEqual(vulnerability.affectedSystems);
    expect(vulnerabilityRecord.cvssScore).toBe(vulnerability.cvssScore);
    expect(vulnerabilityRecord.severity).toBe(vulnerability.severity);
    expect(vulnerabilityRecord.sector.code).toBe(vulnerability.sectorCode);
  });

  it('refuses to seed again (error code DATABASE_NOT_EMPTY) and skips with if-empty, writing nothing either way', async () => {
    const before = await counts();
    const refusal = seedAll({ ...options(), scale: 2 });
    await expect(refusal).rejects.toBeInstanceOf(SeedRefusedError);
    await expect(refusal).rejects.toMatchObject({ code: 'DATABASE_NOT_EMPTY' });
    const skipped = await seedAll({ ...options(), scale: 2, mode: 'if-empty' });
    expect(skipped.outcome).toBe('skipped');
    expect(skipped.agencies.find((a) => a.agency === 'cyber')!.tables).toContainEqual({ label: 'vulnerabilities', rows: 360 });
    expect(await counts()).toEqual(before);
  });

  it('resets: empties the tables and seeds again, here with a later anchor', async () => {
    const before = await counts();
    const reset = await seedAll({ ...options(), anchor: new Date(ANCHOR.getTime() + 2 * DAY), mode: 'reset' });
    expect(reset.outcome).toBe('seeded');
    await reopen();
    expect(await counts()).toEqual(before);
    const model = world.treasury.models[0]!;
    const record = await open.get('treasury')!.fork().findOneOrFail(ModelRecord, { id: model.id });
    expect(record.submittedAt.getTime()).toBe(model.submittedAt.getTime() + 2 * DAY);
  });
});
