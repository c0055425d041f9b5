// Who may introspect the schema: everybody (development), nobody, or callers holding one of the
// configured scopes (production). `__typename` is not introspection and is always allowed.
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { IntrospectionConfig } from '../config/hardening-config';
import type { Caller } from '../identity/caller';

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

function mayIntrospect(settings: IntrospectionConfig, caller: Caller | null): boolean {
  if (settings.mode === 'on') return true;
  if (settings.mode === 'off' || !caller) return false;
  return settings.scopes.some((scope) => caller.scopes.has(scope));
}

// Whether a document asks for introspection depends only on the document and the schema, and
// Apollo Server hands the gateway the same parsed document for the same query text: the answer is
// kept per schema and document instead of validating again on every request.
const introspectsBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

function introspects(schema: GraphQLSchema, document: DocumentNode): boolean {
  let byDocument = introspectsBySchema.get(schema);
  if (!byDocument) introspectsBySchema.set(schema, (byDocument = new WeakMap()));
  let answer = byDocument.get(document);
  if (answer === undefined) {
    answer = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
    byDocument.set(document, answer);
  }
  return answer;
}

export function checkIntrospection(
  schema: GraphQLSchema,
  document: DocumentNode,
  settings: IntrospectionConfig,
  caller: Caller | null,
): GraphQLError | null {
  if (mayIntrospect(settings, caller)) return null;
  if (!introspects(schema, document)) return null;
  const message =
    settings.mode === 'off'
      ? 'Introspection is disabled'
      : `Introspection needs one of these scopes: ${settings.scopes.join(', ')}`;
  return new GraphQLError(message, { extensions: { code: INTROSPECTION_DISABLED, http: { status: 403 } } });
}
