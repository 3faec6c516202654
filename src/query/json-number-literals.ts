/**
 * Where a JSON text has numbers written with a fraction or an exponent (`5.0`, `1e1`, `2.5`).
 *
 * Why: Go's encoding/json refuses such a literal for an integer field ("cannot unmarshal number
 * 5.0 into Go struct field … of type int64"), and pocket-core's request structs hold only
 * integers, strings and booleans; JSON.parse turns `5.0` into 5, which cannot be told from `5`
 * afterwards. request-body.ts replaces the value at each path this finds with a marker that no
 * schema accepts as an integer (or a string), so the field is refused by name, as Go refuses it;
 * a field the route does not read is ignored, as Go ignores unknown fields.
 *
 * The text must be valid JSON (it is scanned after JSON.parse accepted it). Linear; strings are
 * skipped with their escapes.
 */

/** A path into a parsed JSON value: object keys and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;

interface Frame {
  readonly array: boolean;
  /** Object: the current member's key (once read); array: the current element's index. */
  at: string | number;
  /** Object: the next string is a key. */
  expectKey: boolean;
}

/** The end index (exclusive) of the string starting at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
  return i + 1;
}

const NUMBER_CHAR = /[-+0-9.eE]/;

/** Paths of the number literals written with a fraction or an exponent. Example: `{"a":[1,2.0]}` → [["a", 1]]. */
export function nonIntegerNumberPaths(text: string): JsonPath[] {
  const paths: JsonPath[] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top !== undefined && !top.array && top.expectKey) {
        top.at = JSON.parse(text.slice(i, end)) as string;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++;
      if (/[.eE]/.test(text.slice(i, end))) paths.push(stack.map((frame) => frame.at));
      i = end;
      continue;
    }
    if (c === '{') stack.push({ array: false, at: '', expectKey: true });
    else if (c === '[') stack.push({ array: true, at: 0, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top !== undefined) {
      if (top.array) top.at = (top.at as number) + 1;
      else top.expectKey = true;
    }
    i++;
  }
  return paths;
}
