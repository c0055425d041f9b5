import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { writeAccess } from '../../kit/authorization/access-rules';
import { Model } from '../types/model';
import { SubmitModelInput } from '../types/inputs';
import type { ModelRecord } from '../data/model-record';
import { submitModel, withdrawModel } from '../data/model-store';

@Resolver(() => Model)
export class ModelMutations {
  @Access(writeAccess('treasury'))
  @Mutation(() => Model, { nullable: true, description: 'Submits a model for voluntary security assessment before its release.' })
  async submitModel(
    @Arg('input', () => SubmitModelInput, { description: 'What to write.' }) input: SubmitModelInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ModelRecord> {
    return submitModel(ctx.em, input, new Date());
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => Model, { nullable: true, description: 'Records that the developer opted out of the review. Allowed any time before release.' })
  async withdrawModel(
    @Arg('id', () => ID, { description: 'Identifier.' }) id: string,
    @Arg('reason', () => String, { description: "The developer's reason (1 to 2000 characters)." }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ModelRecord> {
    return withdrawModel(ctx.em, id, reason, new Date());
  }
}

