import { inactiveFeatures, PARAM_FEATURE } from '../modules/gov/index.js';
import { paginate, RPC_DEFAULT_PER_PAGE } from '../modules/nodes/index.js';
import { claimAnswer } from '../modules/pocketcore/index.js';
import { formatOptionalTime } from '../core/time.js';
import { parseParamValue } from '../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';
import { SIGNING_INFO_AS_OF_COLUMNS } from './projectors/signing-infos.js';
import { asOfSql } from './version-rows.js';
import { amountOf, amountText } from './amounts.js';
const num = (value) => Number(value);
const str = (value) => String(value);
const optionalNs = (value) => (value === null ? null : value);
export function nodeJsonOf(row) {
    return {
        address: row.address,
        public_key: row.public_key,
        jailed: row.jailed === 1n,
        status: num(row.status),
        chains: JSON.parse(row.chains_json),
        service_url: row.service_url,
        tokens: amountText(row.tokens_upokt),
        unstaking_time: formatOptionalTime(optionalNs(row.unstaking_time_ns)),
        output_address: row.output_address ?? '',
        reward_delegators: row.reward_delegators_json === null ? null : JSON.parse(row.reward_delegators_json),
    };
}
export function appJsonOf(row) {
    return {
        address: row.address,
        public_key: row.public_key,
        jailed: row.jailed === 1n,
        chains: JSON.parse(row.chains_json),
        max_relays: str(row.max_relays),
        status: num(row.status),
        staked_tokens: amountText(row.staked_upokt),
        unstaking_time: formatOptionalTime(optionalNs(row.unstaking_time_ns)),
    };
}
const GROUP = { application: 'app_params', pos: 'node_params', pocketcore: 'pocket_params', gov: 'gov_params', auth: 'auth_params' };
/** Read-only queries over a projection database (prepared once). */
export class ProjectionQueries {
    statements;
    constructor(db) {
        this.statements = {
            node: db.prepare(`${asOfSql('nodes', 'address', '*')} AND t.address = @address`),
            nodes: db.prepare(`${asOfSql('nodes', 'address', '*')} ORDER BY t.address`),
            app: db.prepare(`${asOfSql('apps', 'address', '*')} AND t.address = @address`),
            apps: db.prepare(`${asOfSql('apps', 'address', '*')} ORDER BY t.address`),
            // The version rows of (@from, @to], oldest first (the <table>_by_height index, migration 007).
            nodeChanges: db.prepare('SELECT * FROM nodes WHERE height > @from AND height <= @to ORDER BY height'),
            appChanges: db.prepare('SELECT * FROM apps WHERE height > @from AND height <= @to ORDER BY height'),
            signingInfo: db.prepare(`${asOfSql('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS)} AND t.address = @address`),
            signingInfos: db.prepare(`${asOfSql('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS)} ORDER BY t.address`),
            balance: db.prepare('SELECT balance_upokt FROM balances WHERE address = @address AND height <= @height ORDER BY height DESC LIMIT 1'),
            supply: db.prepare('SELECT * FROM supply WHERE height = @height'),
            params: db.prepare('SELECT p.param_key, p.param_value FROM params p WHERE p.height = (SELECT max(height) FROM params WHERE param_key = p.param_key AND height <= @height) ORDER BY p.param_key'),
            claims: db.prepare(`SELECT claim_json FROM claims WHERE submitted_height <= @height AND (settled_height IS NULL OR settled_height > @height) AND (@servicer IS NULL OR servicer = @servicer) ORDER BY claim_key`),
            claim: db.prepare(`SELECT claim_json FROM claims WHERE servicer = @servicer AND app_public_key = @app AND chain = @chain AND session_height = @session AND evidence_type = @evidence
          AND submitted_height <= @height AND (settled_height IS NULL OR settled_height > @height) ORDER BY submitted_height DESC LIMIT 1`),
            validatorSet: db.prepare('SELECT members_json FROM validator_sets WHERE height <= @height ORDER BY height DESC LIMIT 1'),
            checkpoint: db.prepare('SELECT height FROM projection_checkpoint WHERE id = 1'),
        };
    }
    /** The projected height (undefined before genesis was projected). */
    height() {
        const row = this.statements.checkpoint.get();
        return row === undefined ? undefined : Number(row.height);
    }
    node(address, height) {
        const row = this.statements.node.get({ address: address.toLowerCase(), height });
        return row === undefined ? undefined : nodeJsonOf(row);
    }
    /** As modules/nodes/queries.ts queryNodes (filters, pocket-core's pagination). */
    nodes(height, options = {}) {
        const selected = this.statements.nodes.all({ height }).map(nodeJsonOf).filter((node) => {
            if (options.jailedStatus === 1 && !node.jailed)
                return false;
            if (options.jailedStatus === 2 && node.jailed)
                return false;
            if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== node.status)
                return false;
            return options.blockchain === undefined || options.blockchain === '' || node.chains.includes(options.blockchain.toUpperCase());
        });
        return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, RPC_DEFAULT_PER_PAGE);
    }
    /** The node version rows written in (from, to], oldest first: a deletion is `value: undefined` (as-of-lists.ts). */
    nodeChanges(from, to) {
        return this.statements.nodeChanges.all({ from, to }).map((row) => ({ key: row.address, value: row.deleted === 1n ? undefined : nodeJsonOf(row) }));
    }
    /** As nodeChanges, for apps. */
    appChanges(from, to) {
        return this.statements.appChanges.all({ from, to }).map((row) => ({ key: row.address, value: row.deleted === 1n ? undefined : appJsonOf(row) }));
    }
    app(address, height) {
        const row = this.statements.app.get({ address: address.toLowerCase(), height });
        return row === undefined ? undefined : appJsonOf(row);
    }
    apps(height, options = {}) {
        const selected = this.statements.apps.all({ height }).map(appJsonOf).filter((app) => {
            if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== app.status)
                return false;
            return options.blockchain === undefined || options.blockchain === '' || app.chains.includes(options.blockchain.toUpperCase());
        });
        return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, RPC_DEFAULT_PER_PAGE);
    }
    balance(address, height) {
        const row = this.statements.balance.get({ address: address.toLowerCase(), height });
        return row === undefined ? 0n : amountOf(row.balance_upokt);
    }
    supply(height) {
        const row = this.statements.supply.get({ height });
        return row === undefined ? undefined : supplyJsonOf(row);
    }
    signingInfo(address, height) {
        const row = this.statements.signingInfo.get({ address: address.toLowerCase(), height });
        return row === undefined ? undefined : signingInfoOf(row);
    }
    /** Every signing info at `height`, by address. */
    signingInfos(height) {
        return this.statements.signingInfos.all({ height }).map(signingInfoOf);
    }
    /** The live claim of (servicer, session header, evidence type) at `height` (pocket's GetClaim). */
    claim(key, height) {
        const params = { servicer: key.servicer.toLowerCase(), app: key.appPublicKey.toLowerCase(), chain: key.chain, session: key.sessionHeight, evidence: key.evidenceType, height };
        const row = this.statements.claim.get(params);
        return row === undefined ? undefined : claimAnswer(claimRecordOf(row.claim_json));
    }
    /** The validator set after block `height` (members with their power, as the state holds it). */
    validatorSet(height) {
        const row = this.statements.validatorSet.get({ height });
        return row === undefined ? [] : validatorSetOf(row.members_json);
    }
    /** As modules/gov/queries.ts allParams: feature-gated keys left out while their feature is off. */
    allParams(height) {
        return allParamsOf(this.statements.params.all({ height }), height);
    }
    /** As modules/pocketcore/queries.ts nodeClaims: live claims at `height` (of one servicer or all), by key. */
    claims(height, servicer) {
        const rows = this.statements.claims.all({ height, servicer: servicer?.toLowerCase() ?? null });
        return rows.map((row) => claimAnswer(claimRecordOf(row.claim_json)));
    }
}
/** Pocket's supply answer from a `supply` row (the DAO counts as staked). */
export function supplyJsonOf(row) {
    const [node, app, dao, total] = [row.node_staked_upokt, row.app_staked_upokt, row.dao_upokt, row.total_upokt].map(amountOf);
    const staked = node + app + dao;
    return {
        node_staked: node.toString(),
        app_staked: app.toString(),
        dao: dao.toString(),
        total_staked: staked.toString(),
        total_unstaked: (total - staked).toString(),
        total: total.toString(),
    };
}
/** allparams from every parameter's row as of `height` (by key): feature-gated keys left out while their feature is off. */
export function allParamsOf(rows, height) {
    const upgrade = rows.find((row) => row.param_key === 'gov/upgrade');
    const inactive = upgrade === undefined ? new Set() : inactiveFeatures(upgradeOf(upgrade.param_value), height);
    const result = { app_params: [], node_params: [], pocket_params: [], gov_params: [], auth_params: [] };
    for (const row of rows) {
        const spec = PARAM_SPECS_BY_KEY.get(row.param_key);
        if (spec === undefined)
            continue;
        const feature = PARAM_FEATURE[spec.key];
        if (feature !== undefined && inactive.has(feature))
            continue;
        result[GROUP[spec.subspace]].push({ param_key: row.param_key, param_value: row.param_value });
    }
    return result;
}
/** The validator set's members from a `validator_sets` row's JSON. */
export function validatorSetOf(membersJson) {
    return JSON.parse(membersJson).map((m) => ({ address: m.address, power: BigInt(m.power) }));
}
export function signingInfoOf(row) {
    return {
        address: row.address,
        startHeight: num(row.start_height),
        indexOffset: num(row.index_offset),
        jailedUntilNs: optionalNs(row.jailed_until_ns),
        missedBlocksCounter: num(row.missed_blocks_counter),
        jailedBlocksCounter: num(row.jailed_blocks_counter),
    };
}
function upgradeOf(text) {
    const parsed = parseParamValue('upgrade', JSON.parse(text).value);
    if (!parsed.ok)
        throw new Error(`gov/upgrade in the projection does not parse: ${parsed.error}`);
    return parsed.value;
}
export function claimRecordOf(json) {
    const raw = JSON.parse(json);
    return { ...raw, merkleRoot: { hashHex: raw.merkleRoot.hashHex, lower: BigInt(raw.merkleRoot.lower), upper: BigInt(raw.merkleRoot.upper) }, totalProofs: BigInt(raw.totalProofs) };
}
//# sourceMappingURL=queries.js.map