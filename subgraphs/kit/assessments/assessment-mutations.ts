// The write side of assessments, the same life cycle for the three agencies: open, start,
// complete, record a finding. Each agency names its own input types (with its extra fields) and
// hooks for what only it checks or stores; the rules of the life cycle live in assessment-store.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { actorOf } from '../context';
import { Access } from '../authorization/access';
import { writeAccess } from '../authorization/access-rules';
import type { AssessmentRecord, FindingRecord } from './assessment-record';
import type { CompleteAssessmentInput, OpenAssessmentInput, RecordFindingInput } from './assessment-schema';
import { completeAssessment, openAssessment, recordFinding, startAssessment } from './assessment-store';
import type { AssessmentApi } from './assessment-resolvers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InputClass<T> = new (...args: any[]) => T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClassType = abstract new (...args: any[]) => object;

export interface AssessmentWrites<
  A extends AssessmentRecord,
  F extends FindingRecord,
  Open extends OpenAssessmentInput,
  Complete extends CompleteAssessmentInput,
  Record extends RecordFindingInput,
> {
  /** The GraphQL types the mutations return. */
  readonly types: { readonly assessment: ClassType; readonly finding: ClassType };
  /** GraphQL type names, which name the mutations: `open<Assessment>`, `record<Finding>`. */
  readonly names: { readonly assessment: string; readonly finding: string };
  /** Each mutation's input type: the kit's, or the agency's subclass with its own fields. */
  readonly inputs: { readonly open: InputClass<Open>; readonly complete: InputClass<Complete>; readonly record: InputClass<Record> };
  /** What only this agency checks before opening (the model, markings, the sector); throws to refuse. */
  readonly beforeOpen?: (input: Open, ctx: SubgraphContext) => Promise<void> | void;
  /** The agency's own columns of a new assessment. */
  readonly openFields?: (input: Open) => Partial<A>;
  /** The agency's own columns set on completion. */
  readonly completeFields?: (input: Complete) => Partial<A>;
  readonly beforeRecord?: (input: Record, ctx: SubgraphContext) => Promise<void> | void;
  /** The agency's own columns of a new finding. */
  readonly findingFields?: (input: Record) => Partial<F>;
  /** Inside the finding's transaction, e.g. to raise the assessment's own marking. */
  readonly onRecorded?: (assessment: A, finding: F) => void;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function assessmentMutations<
  A extends AssessmentRecord,
  F extends FindingRecord,
  Open extends OpenAssessmentInput,
  Complete extends CompleteAssessmentInput,
  Record extends RecordFindingInput,
>(
  api: AssessmentApi<A, F>,
  writes: AssessmentWrites<A, F, Open, Complete, Record>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
): Function {
  const { kinds } = api;
  const what = lowerFirst(kinds.label);
  const aWhat = `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
  const access = writeAccess(api.agency.toLowerCase() as 'treasury' | 'defense' | 'cyber');
  // A caller changes only the assessments it may read; others are NOT_FOUND.
  const visible = (ctx: SubgraphContext) => api.visibleAssessments?.(ctx).filter;

  @Resolver(() => writes.types.assessment)
  class AssessmentMutations {
    @Access(access)
    @Mutation(() => writes.types.assessment, { name: `open${writes.names.assessment}`, nullable: true, description: `Opens ${aWhat} of a model.` })
    async open(@Arg('input', () => writes.inputs.open, { description: 'What to write.' }) input: Open, @Ctx() ctx: SubgraphContext): Promise<A> {
      await writes.beforeOpen?.(input, ctx);
      return openAssessment(ctx.em, kinds, input, writes.openFields?.(input) ?? {}, actorOf(ctx), new Date());
    }

    @Access(access)
    @Mutation(() => writes.types.assessment, { name: `start${writes.names.assessment}`, nullable: true, description: `Starts work on a planned ${what}.` })
    async start(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<A> {
      return startAssessment(ctx.em, kinds, id, new Date(), visible(ctx));
    }

    @Access(access)
    @Mutation(() => writes.types.assessment, {
      name: `complete${writes.names.assessment}`,
      nullable: true,
      description: `Completes ${aWhat} with its risk and conclusions.`,
    })
    async complete(
      @Arg('input', () => writes.inputs.complete, { description: 'What to write.' }) input: Complete,
      @Ctx() ctx: SubgraphContext,
    ): Promise<A> {
      return completeAssessment(ctx.em, kinds, input, writes.completeFields?.(input) ?? {}, new Date(), visible(ctx));
    }

    @Access(access)
    @Mutation(() => writes.types.finding, { name: `record${writes.names.finding}`, nullable: true, description: `Records a finding of ${aWhat} in progress.` })
    async record(@Arg('input', () => writes.inputs.record, { description: 'What to write.' }) input: Record, @Ctx() ctx: SubgraphContext): Promise<F> {
      await writes.beforeRecord?.(input, ctx);
      return recordFinding(ctx.em, kinds, input, writes.findingFields?.(input) ?? {}, actorOf(ctx), new Date(), {
        visible: visible(ctx),
        onRecorded: writes.onRecorded,
      });
    }
  }

  return AssessmentMutations;
}
