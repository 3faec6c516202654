/**
 * Importing a mainnet-sized pocket-core export (informative, no goal): what `pokt-ledger init
 * --genesis FILE` does with the file in-process — read its bytes (once), their SHA-256 (init's
 * genesis checksum), parseGenesis (the fast JSON.parse path of core/lossless-json.ts and every
 * check of genesis/parse.ts, addresses derived again from their keys) and importGenesis (the state
 * at H and its root). The data directory is not written: init's remaining work (the genesis copy,
 * ledger.json, the empty log, each fsync'd) is disk, not the import.
 *
 * Workload: bench/lib/import-genesis.ts — the quick mainnet benchmark's chain exported at its tip
 * in pocket-core's shape, plus 300,000 accounts and 10,000 validators with 10 chains and a signing
 * info each (~0.2 GB, four-space indent as pocket-core writes; mainnet's export is estimated at
 * 0.12–0.33 GB, docs/history.md); --quick 10,000 and 300 (~9 MB). Cached on disk.
 *
 * Limit, sampled alternately on the same file: the same read and checksum, JSON.parse of the
 * text and node:crypto SHA-256 of every public key the parser checks (accounts, validators,
 * applications) compared with its address — the least any importer of this file does.
 * ratio_to_limit = limit time / import time.
 *
 * Self-check: every import must end on the same state root (the warm-up's), with the accounts and
 * validators the generator wrote, from a file whose SHA-256 is the one recorded at generation.
 * Memory, from one more untimed import after the samples (bench/lib/import-heap.ts: a full
 * collection after each step): heap_bytes_per_file_byte, the live heap at the import's peak per
 * byte of the file — the figure behind genesis/parse.ts HEAP_BYTES_PER_GENESIS_BYTE (4) — and
 * its steps; max_rss_mb is the process's peak RSS so far (the generation's too, on a cache miss).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bytesToHex } from '../src/core/hex.js';
import { importGenesis } from '../src/genesis/import.js';
import { parseGenesisBytes, readGenesisBytes } from '../src/genesis/load.js';
import { importWorkload, type ImportWorkload } from './lib/import-genesis.js';
import { measureAlternating } from './lib/paired.js';
import type { ExportGrowth } from './lib/pocket-export.js';
import { measureImportHeap } from './lib/import-heap.js';
import type { Stats } from './lib/stats.js';
import type { BenchModule } from './lib/types.js';

function growth(quick: boolean): ExportGrowth {
  return quick ? { accounts: 10_000, validators: 300, chainsPerValidator: 10 } : { accounts: 300_000, validators: 10_000, chainsPerValidator: 10 };
}

/** One import as init does it; throws unless it read the file generated and imported all of it. */
function importOnce(workload: ImportWorkload): string {
  const bytes = readGenesisBytes(workload.file);
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const doc = parseGenesisBytes(workload.file, bytes);
  const state = importGenesis(doc);
  const root = bytesToHex(state.store.root);
  if (checksum !== workload.sha256) throw new Error(`${workload.file} changed since it was generated (SHA-256 ${checksum}, recorded ${workload.sha256}): delete it`);
  if (doc.accounts.length !== workload.accounts || state.nodes.validators.size !== workload.validators || doc.exported?.height !== workload.height) {
    throw new Error(`imported ${doc.accounts.length} accounts and ${state.nodes.validators.size} validators at ${doc.exported?.height}; the file holds ${workload.accounts} and ${workload.validators} at ${workload.height}`);
  }
  return root;
}

/** The floor: the same read and checksum, JSON.parse, and every key hashed to its address. */
function parseAndDeriveOnce(workload: ImportWorkload): number {
  const bytes = readFileSync(workload.file);
  createHash('sha256').update(bytes).digest();
  const root = JSON.parse(bytes.toString('utf8')) as { app_state: Record<string, Record<string, unknown>> };
  let derived = 0;
  const check = (publicKey: string, address: string): void => {
    if (createHash('sha256').update(Buffer.from(publicKey, 'hex')).digest('hex').slice(0, 40) !== address) throw new Error(`limit: ${address} is not derived from ${publicKey}`);
    derived++;
  };
  for (const account of root.app_state['auth']!['accounts'] as Array<{ value: { address: string; public_key?: { value: string } | null } }>) {
    if (account.value.public_key) check(account.value.public_key.value, account.value.address);
  }
  for (const v of root.app_state['pos']!['validators'] as Array<{ address: string; public_key: string }>) check(v.public_key, v.address);
  for (const a of (root.app_state['application']!['applications'] as Array<{ address: string; public_key: string }> | null) ?? []) check(a.public_key, a.address);
  if (derived < workload.accounts + workload.validators) throw new Error(`limit: derived ${derived} addresses, the file holds ${workload.accounts} accounts and ${workload.validators} validators`);
  return 1;
}

const round2 = (value: number): number => Number(value.toFixed(2));

/** Imports per second → MB/s of the file. */
const megabytesPerSecond = (rates: Stats, bytes: number): Stats => ({ ...rates, median: (rates.median * bytes) / 1e6, min: (rates.min * bytes) / 1e6, max: (rates.max * bytes) / 1e6 });

export const benchmark: BenchModule = {
  name: 'import',
  description: 'init of a mainnet-sized pocket-core export: read, parse, import (~0.2 GB: +300k accounts, +10k validators; --quick ~9 MB) vs JSON.parse + address hashing',
  async run(ctx) {
    const workload = await importWorkload(ctx, growth(ctx.quick));
    ctx.progress(`workload: ${(workload.bytes / 1e6).toFixed(1)} MB, ${workload.accounts} accounts, ${workload.validators} validators, height ${workload.height} (${workload.cached ? 'cached' : 'generated now'}): ${workload.file}`);
    const roots = new Set<string>();
    const [limit, subject] = await measureAlternating(ctx, [
      { label: 'limit: read + JSON.parse + SHA-256 of every key', run: () => parseAndDeriveOnce(workload) },
      {
        label: 'import: read + parseGenesis + importGenesis',
        run: () => {
          roots.add(importOnce(workload));
          if (roots.size !== 1) throw new Error(`the imports ended on different state roots: ${[...roots].join(', ')}`);
          return 1;
        },
      },
    ]);
    const heap = measureImportHeap(workload.file);
    if (!heap.fastParse) throw new Error(`${workload.file} does not pass the fast parse's scan, as an export must`);
    const g = growth(ctx.quick);
    ctx.report({
      case: ctx.quick ? 'pocket-core-export/quick' : 'pocket-core-export/mainnet-sized',
      workload: {
        file_mb: Number((workload.bytes / 1e6).toFixed(1)),
        accounts: workload.accounts,
        validators: workload.validators,
        chains_per_validator: g.chainsPerValidator,
        height: workload.height,
        shape: `the quick mainnet-shaped chain exported at its tip without pokt_ledger (pocket-core's shape, 4-space indent), +${g.accounts} accounts, +${g.validators} validators with signing infos`,
        cached_file: workload.cached,
      },
      metric: 'mb_per_s',
      stats: megabytesPerSecond(subject!, workload.bytes),
      limit: { what: 'the same read + SHA-256 of the file, JSON.parse of the text and node:crypto SHA-256 of every public key to its address (accounts, validators, apps), 1 core, sampled alternately', median: (limit!.median * workload.bytes) / 1e6 },
      extra: {
        ms_per_import: Math.round(1000 / subject!.median),
        limit_ms: Math.round(1000 / limit!.median),
        state_root: [...roots][0],
        heap_bytes_per_file_byte: Number(heap.peak.toFixed(2)),
        heap_steps_per_file_byte: { text: round2(heap.text), tree: round2(heap.tree), doc: round2(heap.doc), doc_and_state: round2(heap.docAndState) }, // live after each step (import-heap.ts)
        step_ms_one_run: heap.ms,
        max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      },
    });
  },
};
