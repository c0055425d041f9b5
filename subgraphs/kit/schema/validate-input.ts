// Validates mutation inputs with class-validator and reports every problem in one clear
// BAD_USER_INPUT error: which field, and what is wrong with it.
import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';

interface FieldProblem {
  readonly field: string;
  readonly problems: string[];
}

function collect(errors: ValidationError[], prefix: string, out: FieldProblem[]): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, problems: Object.values(error.constraints) });
    if (error.children?.length) collect(error.children, field, out);
  }
}

export async function validateInput(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const targets = Array.isArray(value) ? value : [value];
  const problems: FieldProblem[] = [];
  for (const target of targets) {
    if (target && typeof target === 'object') {
      collect(await validate(target as object, { forbidUnknownValues: false }), '', problems);
    }
  }
  if (problems.length === 0) return;
  const message = problems.map((p) => p.problems.join('; ')).join('; ');
  throw new GraphQLError(`Invalid input: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', invalidFields: problems },
  });
}
