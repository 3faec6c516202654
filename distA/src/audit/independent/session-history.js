export class SessionHistory {
    genesisHeight;
    starts = new Map();
    endings = new Map();
    hashes = new Map();
    floorHeight = 0;
    /** @param genesisHeight 0, or an imported state's height: nothing below genesisHeight + 1 is known. */
    constructor(genesisHeight) {
        this.genesisHeight = genesisHeight;
    }
    get floor() {
        return this.floorHeight;
    }
    /** Block h's header names the hash of block h − 1. */
    recordPreviousHash(height, prevBlockHash) {
        if (height - 1 > this.genesisHeight)
            this.hashes.set(height - 1, prevBlockHash.toLowerCase());
    }
    blockHash(height) {
        return this.hashes.get(height);
    }
    at(sessionHeight) {
        return this.starts.get(sessionHeight);
    }
    /** The end of block h: the end-of-session node view for sessions ending here, then a snapshot when h starts a session. */
    endBlock(height, params, shadow) {
        const ending = this.endings.get(height);
        if (ending !== undefined) {
            const atEnd = new Map([...shadow.nodes].map(([address, node]) => [address, { jailed: node.jailed, chains: node.chains }]));
            for (const start of ending)
                start.atEnd = atEnd;
            this.endings.delete(height);
        }
        if (height % params.blocksPerSession !== 1 % params.blocksPerSession)
            return;
        const start = { height, params, validators: new Set(shadow.nodes.keys()), chainIndex: chainIndex(shadow), apps: new Map(shadow.apps), atEnd: undefined, sessions: new Map() };
        this.starts.set(height, start);
        const end = height + params.blocksPerSession - 1;
        if (end === height)
            start.atEnd = new Map([...shadow.nodes].map(([address, node]) => [address, { jailed: node.jailed, chains: node.chains }]));
        else
            this.endings.set(end, [...(this.endings.get(end) ?? []), start]);
    }
    /** The floor after block h (file header); returns the new floor. */
    advanceFloor(height, claimSubmissionWindow, blocksPerSession, oldestLiveClaim) {
        let candidate = Math.min(height + 1 - Number((claimSubmissionWindow + 1n) * blocksPerSession), height - 1);
        if (oldestLiveClaim !== undefined)
            candidate = Math.min(candidate, oldestLiveClaim);
        const floor = Math.max(this.floorHeight, candidate, 0);
        if (floor === this.floorHeight)
            return floor;
        this.floorHeight = floor;
        for (const h of this.starts.keys())
            if (h < floor)
                this.starts.delete(h);
        for (const h of this.hashes.keys())
            if (h < floor)
                this.hashes.delete(h);
        return floor;
    }
}
/** chain → the staked nodes listing it (each once), ascending by address. */
function chainIndex(shadow) {
    const index = new Map();
    for (const [address, node] of shadow.nodes) {
        if (node.unstakingAtNs !== null)
            continue;
        for (const chain of new Set(node.chains)) {
            let list = index.get(chain);
            if (list === undefined)
                index.set(chain, (list = []));
            list.push(address);
        }
    }
    for (const list of index.values())
        list.sort();
    return index;
}
//# sourceMappingURL=session-history.js.map