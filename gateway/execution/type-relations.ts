// Which type conditions an object in the fetched data satisfies, judged by its `__typename`
// against the supergraph (entity representations and rewrites may name types the API hides).
import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

export class TypeRelations {
  private readonly answers = new Map<string, Map<string, boolean>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /**
   * Whether an object whose `__typename` is `typename` is of type `condition` (that type, or an
   * implementation or member of it). Objects without a `__typename` get `whenUnknown`.
   */
  isObjectOfType(typename: unknown, condition: string, whenUnknown = false): boolean {
    if (!typename || typeof typename !== 'string') return whenUnknown;
    if (typename === condition) return true;
    let byCondition = this.answers.get(typename);
    if (!byCondition) {
      byCondition = new Map();
      this.answers.set(typename, byCondition);
    }
    let answer = byCondition.get(condition);
    if (answer === undefined) {
      answer = this.judge(typename, condition);
      byCondition.set(condition, answer);
    }
    return answer;
  }

  private judge(typename: string, condition: string): boolean {
    const type = this.schema.getType(typename);
    const conditionType = this.schema.getType(condition);
    if (!type || !conditionType || !isAbstractType(conditionType)) return false;
    return (isObjectType(type) || isInterfaceType(type)) && this.schema.isSubType(conditionType, type);
  }
}
