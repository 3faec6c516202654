/**
 * apps: applications with history (version rows). AppTransferred copies the record to the new
 * key (status Staked, as TransferApplication does) and deletes the old one.
 */
import type { Application } from '../../modules/apps/index.js';
import { StakeStatus } from '../../modules/nodes/index.js';
import { bool, defineProjector, jsonText, type SqlParams, type Write } from '../projector.js';
import { updateSql, versionSql, versionThen } from '../version-rows.js';

const COLUMNS = ['deleted', 'public_key', 'jailed', 'status', 'chains_json', 'staked_upokt', 'max_relays', 'unstaking_time_ns'];

type S = 'insert' | 'version' | 'edit' | 'transferTo' | 'remove' | 'unstaking' | 'unjail' | 'setStake';
type W = Write<S>;

const at = (address: string, height: number): { address: string; height: number } => ({ address, height });
const change = (address: string, height: number, statement: S, params: SqlParams = {}): W[] => versionThen(address, height, statement, params);

function insertRow(height: number, app: Application): W {
  return [
    'insert',
    {
      ...at(app.address, height),
      public_key: app.publicKey,
      jailed: bool(app.jailed),
      status: app.status,
      chains_json: jsonText(app.chains),
      staked_upokt: app.stakedTokensUpokt,
      max_relays: app.maxRelays,
      unstaking_time_ns: app.unstakingTimeNs,
    },
  ];
}

export const appsProjector = defineProjector({
  name: 'apps',
  table: 'apps',
  statements: {
    insert: `INSERT OR REPLACE INTO apps (address, height, ${COLUMNS.join(', ')}) VALUES (@address, @height, 0, @public_key, @jailed, @status, @chains_json, @staked_upokt, @max_relays, @unstaking_time_ns)`,
    version: versionSql('apps', 'address', COLUMNS),
    edit: updateSql('apps', 'address', 'staked_upokt = @staked_upokt, chains_json = @chains_json, max_relays = @max_relays'),
    transferTo: `INSERT OR REPLACE INTO apps (address, height, ${COLUMNS.join(', ')}) SELECT @to, @height, 0, @to_public_key, jailed, ${StakeStatus.Staked}, chains_json, staked_upokt, max_relays, unstaking_time_ns FROM apps WHERE address = @from AND height <= @height ORDER BY height DESC LIMIT 1`,
    remove: updateSql('apps', 'address', 'deleted = 1'),
    unstaking: updateSql('apps', 'address', `status = ${StakeStatus.Unstaking}, unstaking_time_ns = @unstaking_time_ns`),
    unjail: updateSql('apps', 'address', 'jailed = 0'),
    setStake: updateSql('apps', 'address', 'staked_upokt = @staked_upokt'),
  },
  handlers: {
    AppStaked: ({ height, event: e }) => [
      insertRow(height, { address: e.address, publicKey: e.publicKey, jailed: false, status: StakeStatus.Staked, chains: e.chains, stakedTokensUpokt: e.amountUpokt, maxRelays: e.maxRelays, unstakingTimeNs: null }),
    ],
    AppStakeEdited: ({ height, event: e }) => change(e.address, height, 'edit', { staked_upokt: e.tokensUpokt, chains_json: jsonText(e.chains), max_relays: e.maxRelays }),
    AppTransferred: ({ height, event: e }) => [['transferTo', { from: e.from, to: e.to, to_public_key: e.toPublicKey, height }], ...change(e.from, height, 'remove')],
    AppUnstakingStarted: ({ height, event: e }) => change(e.address, height, 'unstaking', { unstaking_time_ns: e.unstakingTimeNs }),
    AppUnstaked: ({ height, event: e }) => change(e.address, height, 'remove'),
    AppUnjailed: ({ height, event: e }) => change(e.address, height, 'unjail'),
    ApplicationStakeBurned: ({ height, event: e }) => change(e.address, height, 'setStake', { staked_upokt: e.stakeAfterUpokt }),
  },
  genesis: (state) => [...state.apps.applications.sortedEntries()].map(([, app]) => insertRow(0, app)),
});
