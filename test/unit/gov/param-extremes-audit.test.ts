/**
 * Goal: under every extreme parameter value the independent audit (src/audit/independent/)
 * agrees with the ledger: every reward, burn, slash and fee it re-derives from the raw block log
 * equals what the ledger recorded, and the supply adds up at every block. Under extreme values
 * the two implementations are most likely to part; each mismatch is a bug in one of them.
 * Method: the script of param-extremes.test.ts (test/helpers/param-extremes.ts) written through a
 * ChainWriter into a data directory, projected, then `runAudit({ dataDir })`: 0 mismatches and
 * supply_ok, the first mismatches named on failure. One chain per (param, value): the value
 * changed by a ParamChange in block 1 where the ledger accepts it; else written into the genesis
 * where genesis validation accepts it (the only way such a chain exists); else the chain runs
 * under the old value, which one representative refused change audits. Then a few of the
 * property's 2–4-change combinations (fast-check, fixed seed).
 * And one end-to-end case for 123cc91: a ClaimSubmissionWindow whose int64 product with
 * BlocksPerSession wraps to a small seed offset, the proofs delivered and audited.
 * Runtime: ~160 chains of 22 blocks, each written, projected (the bulk of it) and audited:
 * ~50 s of CPU, 95–120 s wall on this 2-vCPU machine shared at load 8–10 (measured 2026-12-07;
 * param-extremes.test.ts, the unaudited crash test of every case, takes ~20 s).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { PARAM_SPECS } from '../../../src/params/registry.js';
import { caseLabel, changedInBlock1, COMBINABLE_CHANGES, dataDirChain, EXTREMES, extremeChainWay, extremesChainSpec, runScript, type ScriptChain } from '../../helpers/param-extremes.js';
import { code } from '../../helpers/gov-chain.js';
import { scratch } from '../../helpers/sim.js';
import { stakingGenesisJson } from '../../helpers/staking.js';

/**
 * The values whose chains hold a number past int64 outside the amounts — the SQLite projection
 * refused them (`amount_out_of_range`) until migration 009-wide-integers.sql, so these chains had
 * no recorded side to audit: a time in ns past 2^63 (block time + an unstaking time or jail
 * duration of 2^63 − 1 ns; pocket-core keeps the date, Go's time.Time holds it), an app's max
 * relays past int64 (sdk.BigInt, x/apps/keeper/application.go:145-166), a floored stake below
 * −2^63 (ServicerStakeWeightCeiling −2^63). Each is now audited like every other case (0
 * mismatches, supply_ok); the last test checks each label still names a case of the loop.
 */
const WIDE_CASES = new Set([
  'application/AppUnstakingTime = "9223372036854775807"',
  'application/BaseRelaysPerPOKT = "9223372036854775807"',
  'application/BaseRelaysPerPOKT = "-9223372036854775808"',
  'application/StabilityAdjustment = "9223372036854775807"',
  'pos/UnstakingTime = "9223372036854775807"',
  'pos/DowntimeJailDuration = "9223372036854775807"',
  'pos/ServicerStakeWeightCeiling = "-9223372036854775808"',
]);
const auditedLabels = new Set<string>();

/** The chain built in a fresh scratch directory, then its audit: no mismatch, the supply right at every block. */
async function auditedChain(genesisJson: string, label: string, build: (chain: ScriptChain) => void): Promise<void> {
  const work = scratch('extremes-audit');
  try {
    const chain = await dataDirChain(work.dir, genesisJson);
    try {
      build(chain);
    } finally {
      chain.close();
    }
    const audit = await runAudit({ dataDir: join(work.dir, 'chain'), snapshots: false, maxListed: 5 });
    assert.ok(audit.mismatches === 0 && audit.supply_ok, `${label}: ${audit.mismatches} mismatches, supply_ok ${audit.supply_ok}: ${JSON.stringify(audit.mismatch_list)}`);
  } finally {
    work.remove();
  }
}

const single = suite('audit: each extreme value, in force through a ParamChange or the genesis, audits with 0 mismatches');

let refusedRepresentative = false;
for (const spec of PARAM_SPECS) {
  for (const value of EXTREMES[spec.kind]) {
    const label = caseLabel(spec.key, value);
    single(label, async () => {
      const way = extremeChainWay(spec, value);
      if (way === undefined) {
        // Refused everywhere: the chain is the default one with a refused tx; audited once.
        if (refusedRepresentative) return;
        refusedRepresentative = true;
        await auditedChain(stakingGenesisJson(extremesChainSpec()), label, changedInBlock1([[spec.key, value]], `${label} (refused)`));
        return;
      }
      await auditedChain(way.genesisJson, `${label} (${way.how})`, way.build);
      auditedLabels.add(label);
    });
  }
}

single('each formerly unprojectable value (WIDE_CASES) had its chain audited', () => {
  assert.equal([...WIDE_CASES].filter((label) => !auditedLabels.has(label)), []);
});

const combined = suite('audit: a few combinations of 2–4 extreme changes audit with 0 mismatches (property)');

combined('two to four changes in block 1, then the script: 0 mismatches, supply ok', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(COMBINABLE_CHANGES.length - 1), { minLength: 2, maxLength: 4 }), async (picks) => {
      const changes = picks.map((i) => COMBINABLE_CHANGES[i]!);
      const label = changes.map(([key, value]) => caseLabel(key, value, 40)).join(', ');
      await auditedChain(stakingGenesisJson(extremesChainSpec()), label, changedInBlock1(changes, label));
    }),
    { numRuns: 12, seed: 20261207 },
  );
});

const wrapped = suite('audit: a claim whose ClaimSubmissionWindow × BlocksPerSession wraps int64 (end to end for 123cc91)');

/** ClaimSubmissionWindow W with W × 5 = 2 · 2^64 + 8: Go's int64 product wraps to 8. */
const WRAPPING_WINDOW = 7_378_697_629_483_820_648n;

/**
 * BlocksPerSession 5: session 1 is blocks 1–5. Go multiplies the window by it in int64, wrapping:
 * W × 5 ≡ 8, for the proof's seed (proof.go:228, the session start's params) and for maturity
 * (ClaimIsMature, claim.go:368-371, the current ones). So the claims at block 6 are in time (the
 * session has ended, 6 > 5, claim.go:155-157; not mature, 6 ≤ 1 + 8), the proofs at 14 are mature
 * (14 > 9) and seeded by block 8's hash. As a JS number W rounds UP by 408 (the spacing near 2^62
 * is 1,024): the product would be ≡ 8 + 5 × 408 = 2,048 and the seed height 2,049 — the audit
 * before 123cc91 found the proofs premature (sdk:1) where the ledger delivered them. Genesis
 * validation wants ClaimExpiration ≥ the window: W + 8, × 5 ≡ 48, so a claim at 6 expires at 54
 * (SetClaim, claim.go:238), after the script's end.
 */
wrapped('genesis BlocksPerSession 5, ClaimSubmissionWindow W (W × 5 wraps to 8), ClaimExpiration W + 8: the proofs at block 14 are delivered, and audited with 0 mismatches', async () => {
  const label = `genesis BlocksPerSession 5, ClaimSubmissionWindow ${WRAPPING_WINDOW}`;
  const params = { pos: { session_block_frequency: '5' }, pocketcore: { proof_waiting_period: `${WRAPPING_WINDOW}`, claim_expiration: `${WRAPPING_WINDOW + 8n}` } };
  let proofCodes: string[] = [];
  await auditedChain(stakingGenesisJson(extremesChainSpec(params)), label, (chain) => {
    chain.produce([]);
    const block14 = runScript(chain, label).find((result) => result.height === 14)!;
    proofCodes = block14.receipts.filter((receipt) => receipt.messageType === 'proof').map(code);
  });
  assert.ok(proofCodes.length > 0, 'the script sent proofs at block 14');
  assert.equal(proofCodes, proofCodes.map(() => 'ok'), 'each proof at block 14 is delivered');
});

single.run();
combined.run();
wrapped.run();
