/**
 * The live heap an import holds, step by step, for the import benchmark (bench/import.ts): what
 * genesis/parse.ts HEAP_BYTES_PER_GENESIS_BYTE (4) rests on. The timed samples cannot say it —
 * heap in use there counts the garbage of the sample before, which a collection inside the import
 * then frees (deltas came out negative) — so one untimed import here, a full collection after
 * each step:
 *   text   the file decoded into one string (one byte a character in the heap; the file's
 *          bytes, a Buffer, are outside it);
 *   tree   the JSON tree parseGenesis builds first (core/lossless-json.ts), beside the text;
 *   doc    the validated GenesisDoc alone (text and tree dropped, as parseGenesis returns);
 *   state  the imported state with the doc still held (as init holds it).
 * The import's peak is taken as max(text + tree + doc, doc + state): parseGenesis builds the doc
 * while the text and the tree live, then importGenesis the state while the doc does. Each figure
 * is bytes per byte of the file.
 */
import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { parseLosslessJson, scanForFastParse } from '../../src/core/lossless-json.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesisBytes, readGenesisBytes } from '../../src/genesis/load.js';

export interface ImportHeap {
  readonly text: number;
  readonly tree: number;
  readonly doc: number;
  readonly docAndState: number;
  /** max(tree + doc, doc + state), per file byte. */
  readonly peak: number;
  /** Whether the text passed the fast parse's scan (JSON.parse), as a real export does. */
  readonly fastParse: boolean;
  /**
   * Milliseconds of each step in this one run (collections outside the spans): the JSON tree
   * (scan + JSON.parse), parseGenesis whole (the tree again, then every check into the doc), the
   * import — where the time goes, from one untimed run, so a rough split only.
   */
  readonly ms: { readonly tree: number; readonly parseGenesis: number; readonly importGenesis: number };
}

/**
 * A full collection. The runner starts node without --expose-gc, so the flag is set now and the
 * `gc` of a new context taken (it collects the whole isolate); measure.ts's per-sample collection
 * still looks for the global one only, so the timed samples are not changed by this.
 */
function fullGc(): () => void {
  const global = (globalThis as { gc?: () => void }).gc;
  if (global !== undefined) return global;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** One untimed import of `file`, its live heap after each step (see the header). */
export function measureImportHeap(file: string): ImportHeap {
  const gc = fullGc();
  const live = (): number => {
    gc();
    return getHeapStatistics().used_heap_size;
  };
  const before = live();
  const bytes = readGenesisBytes(file); // a Buffer: outside the heap
  let text: string | undefined = bytes.toString('utf8');
  const textHeap = live() - before;
  const fastParse = 'numbers' in scanForFastParse(text);
  const timed = <T>(run: () => T): [T, number] => {
    const start = performance.now();
    const result = run();
    return [result, performance.now() - start];
  };
  // Only `tree` may hold the tree (dropped below): no second reference.
  let tree: unknown;
  const [, treeMs] = timed(() => void (tree = parseLosslessJson(text!)));
  const treeHeap = live() - before - textHeap;
  text = undefined;
  tree = undefined;
  const [doc, parseMs] = timed(() => parseGenesisBytes(file, bytes));
  const docHeap = live() - before;
  const [state, importMs] = timed(() => importGenesis(doc));
  const docAndStateHeap = live() - before;
  // Held until here, so that the collections above count them.
  if (tree !== undefined || text !== undefined || state.store.root.length === 0 || doc.accounts.length === 0) throw new Error('import heap: nothing imported');
  const perByte = (heap: number): number => heap / bytes.length;
  return {
    text: perByte(textHeap),
    tree: perByte(treeHeap),
    doc: perByte(docHeap),
    docAndState: perByte(docAndStateHeap),
    peak: perByte(Math.max(textHeap + treeHeap + docHeap, docAndStateHeap)),
    fastParse,
    ms: { tree: Math.round(treeMs), parseGenesis: Math.round(parseMs), importGenesis: Math.round(importMs) },
  };
}
