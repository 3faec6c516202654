export class ClaimIndex {
    claims;
    built = false;
    byExpiration = new Map();
    sessionCounts = new Map();
    constructor(claims) {
        this.claims = claims;
        claims.onChange((key, previous, next) => {
            if (!this.built)
                return;
            if (previous !== undefined)
                this.remove(key, previous);
            if (next !== undefined)
                this.add(key, next);
        });
    }
    add(key, claim) {
        let keys = this.byExpiration.get(claim.expirationHeight);
        if (keys === undefined)
            this.byExpiration.set(claim.expirationHeight, (keys = new Set()));
        keys.add(key);
        const sessionHeight = claim.header.sessionHeight;
        this.sessionCounts.set(sessionHeight, (this.sessionCounts.get(sessionHeight) ?? 0) + 1);
    }
    remove(key, claim) {
        const keys = this.byExpiration.get(claim.expirationHeight);
        keys?.delete(key);
        if (keys !== undefined && keys.size === 0)
            this.byExpiration.delete(claim.expirationHeight);
        const sessionHeight = claim.header.sessionHeight;
        const count = (this.sessionCounts.get(sessionHeight) ?? 0) - 1;
        if (count <= 0)
            this.sessionCounts.delete(sessionHeight);
        else
            this.sessionCounts.set(sessionHeight, count);
    }
    ensureBuilt() {
        if (this.built)
            return;
        for (const [key, claim] of this.claims.sortedEntries())
            this.add(key, claim);
        this.built = true;
    }
    /** Keys of claims with expiration_height ≤ height, sorted (DeleteExpiredClaims, claim.go:374-389). */
    expiredAt(height) {
        this.ensureBuilt();
        const keys = [];
        for (const [expiration, set] of this.byExpiration)
            if (expiration <= height)
                keys.push(...set);
        return keys.sort();
    }
    /** The oldest session height any live claim belongs to, or undefined without claims. */
    oldestSessionHeight() {
        this.ensureBuilt();
        let oldest;
        for (const sessionHeight of this.sessionCounts.keys())
            if (oldest === undefined || sessionHeight < oldest)
                oldest = sessionHeight;
        return oldest;
    }
}
//# sourceMappingURL=claim-index.js.map