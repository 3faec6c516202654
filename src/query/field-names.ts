/**
 * Go's encoding/json matches an object's member names to a struct's fields without regard to case
 * ("preferring an exact match but also accepting a case-insensitive match", encoding/json
 * Unmarshal documentation): pocket-core reads `{"Height": 5}` as height 5. Fastify's schemas match
 * exactly and would ignore "Height" as an unknown field, answering at the latest height — the
 * same request, a different answer. So a body's member names are first renamed to the schema's
 * field names they fold to, in objects the schema describes (e.g. nodes' `opts`), before
 * validation. When two members name one field, the later wins, as in Go (each member is decoded
 * into the field in turn). Folding is JavaScript's lower and upper case, which also maps the two
 * non-ASCII letters Go's fold knows (the Kelvin sign K to k, the long ſ to S).
 */

type Schema = { readonly properties?: Readonly<Record<string, Schema>> };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const folds = (name: string, field: string): boolean => name.toLowerCase() === field.toLowerCase() || name.toUpperCase() === field.toUpperCase();

/** The schema field `name` decodes into: itself when it is one, else the first field it folds to. */
function fieldOf(fields: readonly string[], name: string): string | undefined {
  return fields.includes(name) ? name : fields.find((field) => folds(name, field));
}

/** `body` with member names renamed to `schema`'s fields where they fold to one (recursively). */
export function foldFieldNames(body: unknown, schema: unknown): unknown {
  const properties = (schema as Schema | undefined)?.properties;
  if (!isPlainObject(body) || properties === undefined) return body;
  const fields = Object.keys(properties);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const field = fieldOf(fields, name);
    if (field === undefined) out[name] = value;
    else {
      // The later member wins: a field set again moves to where it was set last, as Go decodes in order.
      delete out[field];
      out[field] = foldFieldNames(value, properties[field]);
    }
  }
  return out;
}
