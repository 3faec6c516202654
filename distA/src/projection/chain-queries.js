import { amountOf } from './amounts.js';
export const num = (value) => Number(value);
export const numOrNull = (value) => (value === null ? null : Number(value));
export function txOf(row) {
    return {
        height: num(row.height),
        index: num(row.tx_index),
        hash: row.hash,
        signer: row.signer,
        recipient: row.recipient,
        messageType: row.message_type,
        messageJson: row.message_json,
        memo: row.memo,
        entropy: row.entropy,
        code: num(row.code),
        codespace: row.codespace,
        log: row.log,
        raw: row.raw,
    };
}
export function blockOf(row, totalTxs) {
    return {
        height: num(row.height),
        hash: row.hash,
        chainId: row.chain_id,
        timeNs: row.time_ns,
        proposer: row.proposer,
        previousHash: row.previous_hash,
        txRoot: row.tx_root,
        appHash: row.app_hash,
        stateRoot: row.state_root,
        txCount: num(row.tx_count),
        txBytes: num(row.tx_bytes),
        totalTxs,
        lastCommitJson: row.last_commit_json,
        evidenceJson: row.evidence_json,
    };
}
export const accountOf = (row) => ({ address: row.address, publicKey: row.public_key ?? null, balanceUpokt: amountOf(row.balance_upokt) });
const offsetOf = (page) => ({ limit: page.perPage, offset: (page.page - 1) * page.perPage });
/** Tx statements per column (signer / recipient) and order: SQLite cannot bind a column or ORDER BY. */
function accountTxSql(column, order) {
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    return `SELECT * FROM txs WHERE ${column} = @address AND height <= @height AND (@only IS NULL OR height = @only) ORDER BY height ${direction}, tx_index ${direction} LIMIT @limit OFFSET @offset`;
}
export class ChainQueries {
    s;
    constructor(db) {
        const prepare = (sql) => db.prepare(sql);
        this.s = {
            block: prepare('SELECT * FROM blocks WHERE height = @height'),
            totalTxs: prepare('SELECT coalesce(sum(tx_count), 0) AS n FROM blocks WHERE height <= @height'),
            blockTxs: { asc: prepare('SELECT * FROM txs WHERE height = @height ORDER BY tx_index ASC LIMIT @limit OFFSET @offset'), desc: prepare('SELECT * FROM txs WHERE height = @height ORDER BY tx_index DESC LIMIT @limit OFFSET @offset') },
            blockTxCount: prepare('SELECT count(*) AS n FROM txs WHERE height = @height'),
            tx: prepare('SELECT * FROM txs WHERE hash = @hash AND height <= @height ORDER BY height LIMIT 1'),
            sent: { asc: prepare(accountTxSql('signer', 'asc')), desc: prepare(accountTxSql('signer', 'desc')) },
            received: { asc: prepare(accountTxSql('recipient', 'asc')), desc: prepare(accountTxSql('recipient', 'desc')) },
            sentCount: prepare('SELECT count(*) AS n FROM txs WHERE signer = @address AND height <= @height AND (@only IS NULL OR height = @only)'),
            receivedCount: prepare('SELECT count(*) AS n FROM txs WHERE recipient = @address AND height <= @height AND (@only IS NULL OR height = @only)'),
            account: prepare('SELECT b.address, b.balance_upokt, a.public_key FROM balances b LEFT JOIN accounts a ON a.address = b.address WHERE b.address = @address AND b.height <= @height ORDER BY b.height DESC LIMIT 1'),
            accounts: prepare(`SELECT b.address, b.balance_upokt, a.public_key FROM balances b LEFT JOIN accounts a ON a.address = b.address
         WHERE b.height = (SELECT max(height) FROM balances WHERE address = b.address AND height <= @height) ORDER BY b.address LIMIT @limit OFFSET @offset`),
            accountCount: prepare('SELECT count(DISTINCT address) AS n FROM balances WHERE height <= @height'),
        };
    }
    block(height) {
        const row = this.s.block.get({ height });
        if (row === undefined)
            return undefined;
        return blockOf(row, num(this.s.totalTxs.get({ height }).n));
    }
    blockTxs(height, order, page) {
        const items = this.s.blockTxs[order].all({ height, ...offsetOf(page) }).map(txOf);
        return { items, total: num(this.s.blockTxCount.get({ height }).n) };
    }
    tx(hash, height) {
        const row = this.s.tx.get({ hash, height });
        return row === undefined ? undefined : txOf(row);
    }
    accountTxs(filter, height, page) {
        const params = { address: filter.address, height, only: filter.onlyHeight ?? null };
        const list = filter.received ? this.s.received : this.s.sent;
        const count = filter.received ? this.s.receivedCount : this.s.sentCount;
        const items = list[filter.order].all({ ...params, ...offsetOf(page) }).map(txOf);
        return { items, total: num(count.get(params).n) };
    }
    /** The account at `height`: it exists once it has a balance row (the bank creates it on its first credit). */
    account(address, height) {
        const row = this.s.account.get({ address, height });
        return row === undefined ? undefined : accountOf(row);
    }
    accounts(height, page) {
        const items = this.s.accounts.all({ height, ...offsetOf(page) }).map(accountOf);
        return { items, total: num(this.s.accountCount.get({ height }).n) };
    }
}
//# sourceMappingURL=chain-queries.js.map