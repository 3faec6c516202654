/**
 * The audit report's text sections (html.ts assembles them): provenance, the reconciliation,
 * the itemised slashes and burns, the mismatches and the snapshots left out. Every figure is the
 * summary's; a capped list says what it left out.
 */
import type { BurnKind } from './independent/block-facts.js';
import type { AuditSummary } from './summary.js';
import { addressHtml, counted, escapeHtml, firstOf, grouped, headWithUnit, heightRanges, labelledRow, mark, table, tableAddressHtml, upoktCell, upoktPoktCell } from './html-text.js';
import { NON_BURNING_KINDS, eventKindCell, eventReasonText } from './html-words.js';

/** What the page is told beside the summary: not part of the audit's result. */
export interface ReportContext {
  /** When the report was written (the audit's result does not depend on it). */
  readonly generatedAt?: Date;
  /** The per-line CSV written with this report, as the page should name it (a file beside it, or a path). */
  readonly linesCsv?: string;
}

/** Mismatch rows on the page (the summary keeps up to 1,000; its count is exact). */
export const SHOWN_MISMATCHES = 500;

/** A shell word: as is when it is plain, else single-quoted. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/**
 * The command that audits the same heights, scope and data again (writing both files into the
 * current directory). With --force: the audit refuses to overwrite a file, so without it the
 * command would fail the second time it is run — the page says so beside it.
 */
export function reproduceCommand(summary: AuditSummary): string {
  const scope = summary.scope === null ? [] : ['--node', summary.scope];
  return ['pokt-ledger', 'audit', '--data', summary.provenance.data_dir, '--from', String(summary.from), '--to', String(summary.to), ...scope, '--html', 'audit.html', '--lines-csv', 'audit-lines.csv', '--force'].map(shellWord).join(' ');
}

export function provenanceHtml(summary: AuditSummary, context: ReportContext): string {
  const p = summary.provenance;
  const row = (name: string, value: string): string => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`;
  const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
  const rows = [
    row('Ledger version', escapeHtml(p.version)),
    row('Chain id', code(p.chain_id)),
    row('Heights audited', `${grouped(summary.from)}–${grouped(summary.to)} (${counted(summary.blocks, 'block', 'blocks')})`),
    row('Scope', summary.scope === null ? 'every account' : `node ${addressHtml(summary.scope)} only`),
    row(`Block hash at ${grouped(summary.to)}`, p.block_hash === null ? '-' : `<span class="addr">${p.block_hash}</span>`),
    row(`State root after ${grouped(summary.to)}`, p.state_root === null ? '-' : `<span class="addr">${p.state_root}</span> <span class="note">(as the block log records it; <code>pokt-ledger replay</code> re-derives it)</span>`),
    row('Genesis file', `${code(p.genesis_file)}<br>sha256 <span class="addr" id="genesis-sha256">${p.genesis_sha256}</span> ${p.genesis_sha256_as_recorded ? `${mark(true)} as recorded at init` : `${mark(false)} not the file recorded at init (ledger.json)`}`),
    row('Data directory', code(p.data_dir)),
    row('Generated', context.generatedAt === undefined ? '-' : `${escapeHtml(context.generatedAt.toISOString())} <span class="note">(when this page was written; the audit's figures do not depend on it)</span>`),
    row('Reproduce', `<code id="reproduce">${escapeHtml(reproduceCommand(summary))}</code> <span class="note">(writes audit.html and audit-lines.csv in the current directory, replacing them: <code>--force</code>)</span>`),
    row('Every line', linesCsvText(context)),
  ];
  return `<section id="provenance"><h2>Provenance</h2><div class="scroll"><table class="kv">${rows.join('')}</table></div></section>\n`;
}

function linesCsvText(context: ReportContext): string {
  const what = 'every reward, slash and burn line the audit derived, with its inputs (chain, relays, uPOKT per relay, stake, PIP-22 bin and weight)';
  return context.linesCsv === undefined
    ? `not written with this report: <code>--lines-csv FILE</code> (the command above) writes ${what}`
    : `<code>${escapeHtml(context.linesCsv)}</code>: ${what}`;
}

/** One equation as table rows: the terms (sign, name, uPOKT), then the result and its mark. */
function equation(id: string, terms: ReadonlyArray<readonly [sign: string, name: string, upokt: string]>, result: readonly [name: string, upokt: string], ok: boolean): string {
  const rows = terms.map(([sign, name, upokt], i) => `<tr><td class="sign">${sign}</td><td>${name}</td>${upoktPoktCell(upokt, `${id}-${i}`)}<td></td></tr>`);
  rows.push(`<tr class="result"><td class="sign">=</td><td>${result[0]}</td>${upoktPoktCell(result[1], `${id}-result`)}<td class="mark" id="${id}-ok">${mark(ok)}</td></tr>`);
  return table(['', '', 'uPOKT', ''], rows, ` class="equation" id="${id}"`);
}

const BURN_NAMES: Readonly<Record<BurnKind, string>> = {
  slash: 'slashes (downtime, double sign)',
  replay_burn: 'replay-attack burns',
  fee_burn: 'fee burns (<code>pos/FeeBurnPercentage</code>)',
  application_burn: 'application burns (<code>application/ApplicationBurnRate</code>)',
  dao_burn: 'DAO burns (DAOTransfer dao_burn)',
};

export function reconciliationHtml(summary: AuditSummary): string {
  const r = summary.reconciliation;
  const f = r.fee_collector;
  const s = r.supply;
  const recorded = s.recorded_start_upokt !== null && s.recorded_end_upokt !== null;
  const supplyRows: Array<[string, string, string]> = recorded
    ? [['', `supply at height ${grouped(s.start_height)} (the ledger's supply row)`, s.recorded_start_upokt!], ['+', 'minted (the audit’s)', s.minted_upokt], ['−', 'burned (the audit’s)', s.burned_upokt]]
    : [['', `supply at height ${grouped(s.start_height)}: the projection has no row`, '0']];
  return `<section id="reconciliation"><h2>Minted and burned, added up</h2>
<p>Heights ${grouped(r.from)}–${grouped(r.to)}, the whole chain${summary.scope === null ? '' : ' (not only the node in scope: a mint is the chain’s)'}, from the lines the audit derived itself.</p>
<h3>Every minted uPOKT</h3>
${equation('rec-mint', [['', 'relay rewards to nodes (their output addresses and delegators)', r.mint.node_relay_rewards_upokt], ['+', 'reward-cost refunds (the claim and proof fees returned to the node)', r.mint.reward_cost_refunds_upokt], ['+', 'to the fee collector: the DAO’s and the block proposer’s allocation of each relay reward (<code>pos/DAOAllocation</code> + <code>pos/ProposerPercentage</code>)', r.mint.fee_collector_share_upokt]], ['minted', r.mint.minted_upokt], r.mint.ok)}
<h3>Where the fee collector’s share went</h3>
<p>The allocation reaches the DAO and the proposer at the next block’s start, together with that block’s tx fees; what the last audited block collected is still in the fee collector at the end.</p>
${equation('rec-fees', [['', `fee collector at height ${grouped(s.start_height)}`, f.start_upokt], ['+', 'DAO and proposer allocation of relay rewards (above)', f.relay_share_upokt], ['+', 'tx fees charged', f.tx_fees_upokt], ['+', 'Sends and DAO transfers to it', f.transfers_upokt], ['−', 'to the DAO', f.to_dao_upokt], ['−', 'to block proposers (their output addresses and delegators)', f.to_proposers_upokt], ['−', 'burned (<code>pos/FeeBurnPercentage</code>)', f.burned_upokt]], [`fee collector at height ${grouped(r.to)}`, f.end_upokt], f.ok)}
<h3>Every burned uPOKT</h3>
${equation('rec-burn', (Object.keys(BURN_NAMES) as BurnKind[]).map((k, i) => [i === 0 ? '' : '+', BURN_NAMES[k], r.burn.by_kind[k]] as const), ['burned', r.burn.burned_upokt], r.burn.ok)}
<h3>The supply</h3>
<p>supply(${grouped(r.to)}) − supply(${grouped(s.start_height)}) = minted − burned: the ledger’s own supply rows against the audit’s mints and burns.</p>
${equation('rec-supply', supplyRows, [`supply at height ${grouped(r.to)} (the ledger’s supply row)`, s.recorded_end_upokt ?? '0'], s.recorded_ok)}
<p>The audit’s own running total (genesis + its mints − its burns): ${grouped(s.own_start_upokt)} → ${grouped(s.own_end_upokt)} uPOKT, ${s.own_ok ? 'the same difference' : 'NOT the same difference'} ${mark(s.own_ok)}.</p>
</section>
`;
}

/** A burned-uPOKT cell: a dash for a kind that never burns, the amount (0 too) for a burn. */
const burnedCell = (kind: string, upokt: string | null): string =>
  NON_BURNING_KINDS.has(kind) || upokt === null ? '<td class="num" title="this kind burns nothing">-</td>' : upoktCell(upokt);

export function eventsHtml(summary: AuditSummary): string {
  const e = summary.events;
  const kinds = Object.entries(e.by_kind).map(([kind, v]) => `<tr>${eventKindCell(kind)}<td class="num">${grouped(v.count)}</td>${burnedCell(kind, v.upokt)}</tr>`);
  const labels = ['height', 'node / account', 'kind', 'reason', 'burned (uPOKT)'];
  const rows = e.rows.map((r) => labelledRow(labels, [`<td class="num">${grouped(r.height)}</td>`, `<td>${tableAddressHtml(r.address)}</td>`, eventKindCell(r.kind), `<td>${eventReasonText(r.kind, r.reason)}</td>`, burnedCell(r.kind, r.amount_upokt)]));
  const burned = headWithUnit('burned', 'uPOKT');
  const body = e.count === 0
    ? '<p>None in these heights.</p>'
    : `${table(['kind', 'rows', burned], kinds, ' id="events-by-kind"')}
<p>${firstOf(e.rows.length, e.count, 'rows')} A dash: the kind burns nothing (a jail, an unjail, a force unstake); a 0: a burn that took nothing (a replay burn is listed even when it burned 0).</p>
${table(['height', 'node / account', 'kind', 'reason', burned], rows, ' id="events" class="stack"')}`;
  return `<section id="slashes"><h2>Slashes, jails, unjails and burns</h2>
<p>As the audit derived them itself — its own slashing from each block’s signatures and evidence, the Unjails it delivered, its own burns — not read from the ledger’s rap sheet. Each slash, jail, force unstake and unjail was compared with the rap sheet and every burn is in the supply checks: a difference is a mismatch below.${summary.scope === null ? '' : ' Only those about the node in scope.'}</p>
${body}
</section>
`;
}

export function mismatchesHtml(summary: AuditSummary): string {
  const shown = summary.mismatch_list.slice(0, SHOWN_MISMATCHES);
  const head = ['height', 'node / account', 'line', 'expected (the audit)', 'recorded (the ledger)'];
  const rows = shown.map((m) => labelledRow(head, [`<td class="num">${grouped(m.height)}</td>`, `<td>${tableAddressHtml(m.account)}</td>`, `<td>${escapeHtml(m.line)}</td>`, `<td>${escapeHtml(m.expected)}</td>`, `<td>${escapeHtml(m.recorded)}</td>`]));
  const kept = summary.mismatch_list.length;
  const capped = shown.length < summary.mismatches
    ? `<p id="mismatch-cap">${firstOf(shown.length, summary.mismatches, 'mismatches')} The audit keeps the first ${grouped(kept)}${kept < summary.mismatches ? ' (the count is exact)' : ''}: <code>--json</code> lists them and <code>--csv FILE</code> writes them.</p>`
    : '';
  return `<section id="mismatches"><h2>Mismatches</h2>
${supplyFailuresHtml(summary)}${rows.length === 0 ? '<p>None.</p>' : `${capped}${table(head, rows, ' id="mismatch-table" class="stack"')}`}
</section>
`;
}

function supplyFailuresHtml(summary: AuditSummary): string {
  const f = summary.supply_failures;
  if (f.count === 0) return '';
  const more = f.count > f.heights.length ? ` and ${grouped(f.count - f.heights.length)} more` : '';
  return `<p class="bad" id="supply-failures">The supply does not hold at ${counted(f.count, 'height', 'heights')}: ${heightRanges(f.heights)}${more}.</p>\n`;
}

/** Snapshots left out (damaged or foreign): named, and said not to be mismatches; nothing when there are none. */
export function skippedSnapshotsHtml(summary: AuditSummary): string {
  if (summary.snapshots_skipped.length === 0) return '';
  const rows = summary.snapshots_skipped.map((s) => `<tr><td class="num">${s.height}</td><td>${escapeHtml(s.file)}</td><td>${escapeHtml(s.code)}</td><td>${escapeHtml(s.message)}</td></tr>`);
  return `<section id="snapshots"><h2>Snapshots skipped</h2>
<p>Not compared: damaged or another chain's (the test a replay applies before starting from one). Not mismatches — a snapshot is derived data that a replay rebuilds; the verdict above is about the ledger.</p>
${table(['height', 'file', 'code', 'why'], rows)}
</section>
`;
}
