// Enum defaults of a subgraph built from its SDL must reach the resolvers as internal values:
// `orderBy: {}` means "by the default field", which the resolvers know as 'reportedAt', not
// 'REPORTED_AT' (found by the authorization property test as an internal error).
import 'reflect-metadata';
import { isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../../subgraphs/agencies';
import { buildAgencySchema } from '../../../subgraphs/kit/schema/build-agency-schema';

describe('enum defaults in the agency schemas', () => {
  it('are the internal values the resolvers use, for input fields and arguments alike', async () => {
    const { schema } = await buildAgencySchema(AGENCIES.cyber.schema);
    const order = schema.getType('VulnerabilityOrder');
    if (!isInputObjectType(order)) throw new Error('VulnerabilityOrder is not an input type');
    expect(order.getFields().field!.defaultValue).toBe('reportedAt');
    const assessmentOrder = schema.getType('AssessmentOrder');
    if (!isInputObjectType(assessmentOrder)) throw new Error('AssessmentOrder is not an input type');
    expect(assessmentOrder.getFields().field!.defaultValue).toBe('dueAt');
  });

  it('leave enums whose internal values are their names as they are', async () => {
    const { schema } = await buildAgencySchema(AGENCIES.cyber.schema);
    const order = schema.getType('VulnerabilityOrder');
    if (!isInputObjectType(order)) throw new Error('VulnerabilityOrder is not an input type');
    expect(order.getFields().direction!.defaultValue).toBe('DESC');
  });
});
