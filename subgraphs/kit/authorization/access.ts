import { Directive } from 'type-graphql';

/**
 * Declares who may read a type or field: each argument is one directive (or a list of them)
 * from access-rules.ts. All apply (AND); alternatives live inside one directive (OR).
 */
export function Access(...rules: (string | readonly string[])[]) {
  const directives = rules.flat();
  return (target: object, propertyKey?: string | symbol, descriptor?: PropertyDescriptor): void => {
    for (const directive of directives) {
      if (propertyKey === undefined) (Directive(directive) as ClassDecorator)(target as never);
      else (Directive(directive) as MethodDecorator)(target, propertyKey, descriptor as never);
    }
  };
}
