/**
 * nodes: validators with history (version rows). Field changes come from the events alone:
 * NodeStakeEdited carries the added amount, NodeSlashed the tokens after, ReplayAttackDetected
 * the burn, NodeUnstakingStarted the unstaking time.
 */
import { StakeStatus, type Validator } from '../../modules/nodes/index.js';
import { bool, defineProjector, jsonText, type SqlParams, type Write } from '../projector.js';
import { updateSql, versionSql, versionThen } from '../version-rows.js';

const COLUMNS = ['deleted', 'public_key', 'jailed', 'status', 'chains_json', 'service_url', 'tokens_upokt', 'unstaking_time_ns', 'output_address', 'reward_delegators_json'];
const UNSTAKING = StakeStatus.Unstaking;

type S = 'insert' | 'version' | 'edit' | 'jail' | 'unstaking' | 'remove' | 'setTokens' | 'burn';
type W = Write<S>;

const at = (address: string, height: number): { address: string; height: number } => ({ address, height });
const change = (address: string, height: number, statement: S, params: SqlParams = {}): W[] => versionThen(address, height, statement, params);

export const nodesProjector = defineProjector({
  name: 'nodes',
  table: 'nodes',
  statements: {
    insert: `INSERT OR REPLACE INTO nodes (address, height, ${COLUMNS.join(', ')}) VALUES (@address, @height, 0, @public_key, @jailed, @status, @chains_json, @service_url, @tokens_upokt, @unstaking_time_ns, @output_address, @reward_delegators_json)`,
    version: versionSql('nodes', 'address', COLUMNS),
    edit: updateSql('nodes', 'address', 'tokens_upokt = tokens_upokt + @added, chains_json = @chains_json, service_url = @service_url, output_address = @output_address, reward_delegators_json = @reward_delegators_json'),
    jail: updateSql('nodes', 'address', 'jailed = @jailed'),
    unstaking: updateSql('nodes', 'address', `status = ${UNSTAKING}, unstaking_time_ns = @unstaking_time_ns`),
    remove: updateSql('nodes', 'address', 'deleted = 1'),
    setTokens: updateSql('nodes', 'address', 'tokens_upokt = @tokens_upokt'),
    burn: updateSql('nodes', 'address', 'tokens_upokt = tokens_upokt - @burned'),
  },
  handlers: {
    NodeStaked: ({ height, event: e }) => [
      insertRow(height, {
        address: e.address,
        publicKey: e.publicKey,
        jailed: false,
        status: StakeStatus.Staked,
        chains: e.chains,
        serviceUrl: e.serviceUrl,
        tokensUpokt: e.amountUpokt,
        unstakingTimeNs: null,
        outputAddress: e.outputAddress,
        rewardDelegators: e.rewardDelegators,
      }),
    ],
    NodeStakeEdited: ({ height, event: e }) =>
      change(e.address, height, 'edit', {
        added: e.addedUpokt,
        chains_json: jsonText(e.chains),
        service_url: e.serviceUrl,
        output_address: e.outputAddress,
        reward_delegators_json: e.rewardDelegators === null ? null : jsonText(e.rewardDelegators),
      }),
    NodeForceUnstakeQueued: ({ height, event: e }) => (e.jails ? change(e.address, height, 'jail', { jailed: 1 }) : []),
    NodeUnstakingStarted: ({ height, event: e }) => change(e.address, height, 'unstaking', { unstaking_time_ns: e.unstakingTimeNs }),
    NodeUnstaked: ({ height, event: e }) => change(e.address, height, 'remove'),
    NodeSlashed: ({ height, event: e }) => change(e.address, height, 'setTokens', { tokens_upokt: e.tokensAfterUpokt }),
    NodeJailed: ({ height, event: e }) => change(e.address, height, 'jail', { jailed: bool(true) }),
    NodeUnjailed: ({ height, event: e }) => change(e.address, height, 'jail', { jailed: bool(false) }),
    ReplayAttackDetected: ({ height, event: e }) => (e.burn.burnedUpokt > 0n ? change(e.burn.servicer, height, 'burn', { burned: e.burn.burnedUpokt }) : []),
  },
  genesis: (state) => [...state.nodes.validators.sortedEntries()].map(([, v]) => insertRow(0, v)),
});

function insertRow(height: number, v: Validator): W {
  return [
    'insert',
    {
      ...at(v.address, height),
      public_key: v.publicKey,
      jailed: bool(v.jailed),
      status: v.status,
      chains_json: jsonText(v.chains),
      service_url: v.serviceUrl,
      tokens_upokt: v.tokensUpokt,
      unstaking_time_ns: v.unstakingTimeNs,
      output_address: v.outputAddress,
      reward_delegators_json: v.rewardDelegators === null ? null : jsonText(v.rewardDelegators),
    },
  ];
}
