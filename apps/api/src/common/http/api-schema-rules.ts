/** Schema-level keywords (oneOf, description) for a DTO, by class name, merged into its OpenAPI schema. */
export const SCHEMA_RULES = new Map<string, Record<string, unknown>>();

/**
 * Adds schema-level keywords to a DTO's OpenAPI schema: conditional requirements that field
 * decorators cannot state (`oneOf` over a discriminating field), with a description saying the same.
 */
export function ApiSchemaRules(rules: Record<string, unknown>): ClassDecorator {
  return (target) => {
    SCHEMA_RULES.set(target.name, rules);
  };
}
