/**
 * The "staking" workload's node cases (staking.ts has the table of kinds and their expected
 * codes): each proposes at most one tx about one node record, or nothing when no key fits.
 * Every case reserves its subjects (`plan.claim`) so a record sees at most one tx a block.
 *
 * DEV_NOTE: determinism — the order of the Prng draws inside each case (picks, stake values,
 * chains, urls) is part of the simulated chain; keep it when editing (staking-plan.ts).
 */
import type { SimKey } from '../workload.js';
import { type BlockPlan, type NodeKind, numberedChains, stakeNode, UNAFFORDABLE_MARGIN_UPOKT } from './staking-plan.js';

type NodeCase = (plan: BlockPlan, kind: NodeKind) => void;

const ACCEPT_ANY = (): boolean => true;

/** A fresh operator stakes (or its output address stakes it, 'node/stake-by-output'); 30% name a delegator. */
const stake: NodeCase = (plan, kind) => {
  const { prng } = plan.ctx;
  const { operators, outputs } = plan.roles;
  const op = plan.pick(operators, plan.fresh);
  const output = prng.chance(0.7) ? prng.pick(outputs) : op;
  if (op === undefined || output === undefined) return;
  const signer = kind === 'node/stake-by-output' ? output : op;
  const value = plan.nodeStakeValue();
  if (plan.balance(signer.address) < value + plan.fee('StakeNode') || !plan.claim(op.address)) return;
  const delegators = prng.chance(0.3) ? ([[prng.pick(outputs).address, 1 + prng.int(50)]] as const) : null;
  plan.add(signer, stakeNode(op, value, plan.chains(), output.address, undefined, delegators), 'StakeNode', kind, 'ok', true, value);
};

const editRaise: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.editable);
  if (op === undefined) return;
  const v = plan.validator(op)!;
  const value = plan.raisedValue(v.tokensUpokt);
  if (v.outputAddress === null || plan.balance(op.address) < value - v.tokensUpokt + plan.slashMargin(v) + plan.fee('StakeNode') || !plan.claim(op.address)) return;
  const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
  plan.add(op, stakeNode(op, value, plan.chains(), v.outputAddress, undefined, delegators), 'StakeNode', kind, 'ok', true, value - v.tokensUpokt);
};

/** The current output address moves the output to another key (signed by the output). */
const editOutput: NodeCase = (plan, kind) => {
  const { operators, outputs } = plan.roles;
  const op = plan.pick(operators, (k) => plan.editable(k) && plan.ownerOf(plan.validator(k)!.outputAddress) !== undefined);
  if (op === undefined) return;
  const v = plan.validator(op)!;
  const current = plan.ownerOf(v.outputAddress)!;
  const next = plan.ctx.prng.pick([...outputs, op]);
  if (next.address === v.outputAddress || !plan.sameValueEditPasses(v.tokensUpokt)) return;
  if (plan.balance(current.address) < plan.slashMargin(v) + plan.fee('StakeNode') || !plan.claim(op.address, current.address)) return;
  const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
  plan.add(current, stakeNode(op, v.tokensUpokt, v.chains, next.address, v.serviceUrl, delegators), 'StakeNode', kind, 'ok', true);
};

const beginUnstake: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.staked);
  if (op === undefined || !plan.claim(op.address)) return;
  plan.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: op.address }, 'BeginUnstakeNode', kind, 'ok', true);
};

/** The operator tries to move an output address it is not (pos:127). */
const outputByOperator: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.hasOtherOutput);
  if (op === undefined) return;
  const v = plan.validator(op)!;
  if (plan.balance(op.address) < plan.slashMargin(v) + plan.fee('StakeNode') || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, v.tokensUpokt, v.chains, op.address), 'StakeNode', kind, plan.editExpectation(v, 'pos:127'), true);
};

/** The output address tries to change the reward delegators (pos:129: only the operator may). */
const delegatorsByOutput: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.hasOwnedOtherOutput);
  if (op === undefined) return;
  const v = plan.validator(op)!;
  const output = plan.ownerOf(v.outputAddress)!;
  if (plan.balance(output.address) < plan.slashMargin(v) + plan.fee('StakeNode') || !plan.claim(op.address, output.address)) return;
  const delegators = [[output.address, 1 + ((v.rewardDelegators?.[output.address] ?? 0) % 50)]] as const;
  plan.add(output, stakeNode(op, v.tokensUpokt, v.chains, v.outputAddress, v.serviceUrl, delegators), 'StakeNode', kind, plan.editExpectation(v, 'pos:129'), true);
};

const editLower: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.staked);
  if (op === undefined || !plan.claim(op.address)) return;
  const v = plan.validator(op)!;
  plan.add(op, stakeNode(op, v.tokensUpokt / 2n, v.chains, v.outputAddress), 'StakeNode', kind, 'pos:122', true);
};

/** A same-value edit below the PIP-22 ceiling, which the VEDIT bin rule refuses (pos:122). */
const editSameBin: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, (k) => plan.staked(k) && !plan.sameValueEditPasses(plan.validator(k)!.tokensUpokt));
  if (op === undefined || !plan.claim(op.address)) return;
  const v = plan.validator(op)!;
  plan.add(op, stakeNode(op, v.tokensUpokt, v.chains, v.outputAddress), 'StakeNode', kind, 'pos:122', true);
};

/** A node staked but still waiting to enter the validator set cannot be edited (pos:117). */
const editWaiting: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, (k) => plan.staked(k) && plan.ctx.state.nodes.waitingValidators.has(k.address));
  if (op === undefined || !plan.claim(op.address)) return;
  const v = plan.validator(op)!;
  const value = plan.raisedValue(v.tokensUpokt);
  if (v.outputAddress === null || plan.balance(op.address) < value - v.tokensUpokt + plan.slashMargin(v) + plan.fee('StakeNode')) return;
  const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
  plan.add(op, stakeNode(op, value, v.chains, v.outputAddress, v.serviceUrl, delegators), 'StakeNode', kind, 'pos:117', true);
};

const stakeUnstaking: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.unstaking);
  if (op === undefined || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), plan.chains(), op.address), 'StakeNode', kind, 'pos:110', true);
};

const belowMinimum: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.fresh);
  if (op === undefined || plan.nodeParams.stakeMinimumUpokt <= 1n || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, plan.nodeParams.stakeMinimumUpokt - 1n, plan.chains(), op.address), 'StakeNode', kind, 'pos:111', true);
};

const unaffordable: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.fresh);
  if (op === undefined || !plan.claim(op.address)) return;
  const value = plan.balance(op.address) + UNAFFORDABLE_MARGIN_UPOKT;
  if (value < plan.nodeParams.stakeMinimumUpokt) return;
  plan.add(op, stakeNode(op, value, plan.chains(), op.address), 'StakeNode', kind, 'pos:112', true);
};

const tooManyChains: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.fresh);
  const count = Number(plan.nodeParams.maximumChains) + 1;
  if (op === undefined || count > 200 || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), numberedChains(count), op.address), 'StakeNode', kind, 'pos:120', true);
};

const noOutput: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.fresh);
  if (op === undefined || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), plan.chains(), null), 'StakeNode', kind, 'pos:123', true);
};

const urlTooLong: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.fresh);
  if (op === undefined || !plan.claim(op.address)) return;
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), plan.chains(), op.address, `https://${'n'.repeat(250)}.example.com:443`), 'StakeNode', kind, 'pos:118', true);
};

/** The output address tries to clear the output (pos:125). */
const nullOutputByOutput: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.hasOwnedOtherOutput);
  if (op === undefined) return;
  const v = plan.validator(op)!;
  const output = plan.ownerOf(v.outputAddress)!;
  if (!plan.claim(op.address, output.address)) return;
  plan.add(output, stakeNode(op, v.tokensUpokt, v.chains, null), 'StakeNode', kind, 'pos:125', true);
};

const unstakeUnknown: NodeCase = (plan, kind) => {
  const { spares, outputs } = plan.roles;
  const signer = plan.pick(spares.length > 0 ? spares : outputs, ACCEPT_ANY);
  if (signer === undefined || !plan.claim(signer.address)) return;
  const unknown = plan.ctx.newKey(`staking-unknown-node-${plan.txs.length}`);
  plan.add(signer, { kind: 'BeginUnstakeNode', validatorAddress: unknown.address, signerAddress: signer.address }, 'BeginUnstakeNode', kind, 'pos:101', true);
};

/** BeginUnstake naming as signer a key that is neither operator nor output (pos:125). */
const unstakeWrongSigner: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, (k) => plan.validator(k) !== undefined);
  const stranger = plan.pick(plan.roles.apps, (k) => plan.validator(op ?? k)?.outputAddress !== k.address);
  if (op === undefined || stranger === undefined || !plan.claim(op.address, stranger.address)) return;
  plan.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: stranger.address }, 'BeginUnstakeNode', kind, 'pos:125', true);
};

const unstakeUnstaking: NodeCase = (plan, kind) => {
  const op = plan.pick(plan.roles.operators, plan.unstaking);
  if (op === undefined || !plan.claim(op.address)) return;
  plan.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: op.address }, 'BeginUnstakeNode', kind, 'pos:110', true);
};

/**
 * Stateless failures (ValidateBasic, so no fee) and a tx no acceptable signer signed: any
 * operator, staked or not. Each picks its operator first, as its draws always have.
 */
const anyOperator =
  (propose: (plan: BlockPlan, kind: NodeKind, op: SimKey) => void): NodeCase =>
  (plan, kind) => {
    const op = plan.pick(plan.roles.operators, ACCEPT_ANY);
    if (op === undefined || !plan.claim(op.address)) return;
    propose(plan, kind, op);
  };

const badUrl = anyOperator((plan, kind, op) => {
  const url = (): string => plan.ctx.prng.pick(['ftp://x.y:1', 'https://nodot:443', 'https://a.b', 'https://a.b:70000']);
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), plan.chains(), op.address, url()), 'StakeNode', kind, 'pos:118', false);
});

const badChain = anyOperator((plan, kind, op) => {
  const chain = (): string => plan.ctx.prng.pick(['', 'abc', '000001', 'zz']);
  plan.add(op, stakeNode(op, plan.nodeStakeValue(), ['0001', chain()], op.address), 'StakeNode', kind, 'pos:119', false);
});

const zeroValue = anyOperator((plan, kind, op) => {
  plan.add(op, stakeNode(op, 0n, plan.chains(), op.address), 'StakeNode', kind, 'pos:102', false);
});

/** Signed by an app key that is neither operator, output nor current output: no signer matches (sdk:4). */
const foreignSigner = anyOperator((plan, kind, op) => {
  const stranger = plan.pick(plan.roles.apps, (k) => plan.validator(op)?.outputAddress !== k.address);
  if (stranger === undefined) return;
  plan.add(stranger, stakeNode(op, plan.nodeStakeValue(), plan.chains(), op.address), 'StakeNode', kind, 'sdk:4', false);
});

/** Every node kind's case. */
export const NODE_CASES: Readonly<Record<NodeKind, NodeCase>> = {
  'node/stake': stake,
  'node/stake-by-output': stake,
  'node/edit-raise': editRaise,
  'node/edit-output': editOutput,
  'node/begin-unstake': beginUnstake,
  'node/output-by-operator': outputByOperator,
  'node/delegators-by-output': delegatorsByOutput,
  'node/edit-lower': editLower,
  'node/edit-same-bin': editSameBin,
  'node/edit-waiting': editWaiting,
  'node/stake-unstaking': stakeUnstaking,
  'node/below-minimum': belowMinimum,
  'node/unaffordable': unaffordable,
  'node/too-many-chains': tooManyChains,
  'node/no-output': noOutput,
  'node/url-too-long': urlTooLong,
  'node/null-output-by-output': nullOutputByOutput,
  'node/unstake-unknown': unstakeUnknown,
  'node/unstake-wrong-signer': unstakeWrongSigner,
  'node/unstake-unstaking': unstakeUnstaking,
  'node/bad-url': badUrl,
  'node/bad-chain': badChain,
  'node/zero-value': zeroValue,
  'node/foreign-signer': foreignSigner,
};
