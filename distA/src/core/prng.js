/**
 * Seeded pseudo-random numbers for the simulator, tests and benchmarks — never for consensus
 * (the reducer derives its randomness by hashing block data).
 *
 * xoshiro256** (Blackman & Vigna), state seeded with splitmix64 from a u64 seed, all in bigint
 * arithmetic masked to 64 bits so the sequence is identical on every machine.
 * DEV_NOTE: same seed ⇒ same sequence; print the seed of every randomized run.
 */
const MASK64 = (1n << 64n) - 1n;
function rotl(x, k) {
    return ((x << k) | (x >> (64n - k))) & MASK64;
}
export class Prng {
    seed;
    s0;
    s1;
    s2;
    s3;
    constructor(seed) {
        this.seed = seed;
        let x = BigInt(seed) & MASK64;
        const next = () => {
            x = (x + 0x9e3779b97f4a7c15n) & MASK64;
            let z = x;
            z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
            z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
            return z ^ (z >> 31n);
        };
        this.s0 = next();
        this.s1 = next();
        this.s2 = next();
        this.s3 = next();
    }
    /** Next raw 64-bit value. */
    nextU64() {
        const result = (rotl((this.s1 * 5n) & MASK64, 7n) * 9n) & MASK64;
        const t = (this.s1 << 17n) & MASK64;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 45n);
        return result;
    }
    /** Uniform integer in [0, n) for 0 < n ≤ 2^53 (rejection sampling: no modulo bias). */
    int(n) {
        if (!Number.isSafeInteger(n) || n <= 0)
            throw new RangeError(`Prng.int: bad bound ${n}`);
        const bound = BigInt(n);
        const limit = MASK64 + 1n - ((MASK64 + 1n) % bound);
        for (;;) {
            const value = this.nextU64();
            if (value < limit)
                return Number(value % bound);
        }
    }
    /** Uniform bigint in [0, n). */
    bigint(n) {
        if (n <= 0n)
            throw new RangeError('Prng.bigint: bound must be positive');
        let bits = 0n;
        let width = 0n;
        while ((1n << width) < n)
            width += 64n;
        for (;;) {
            bits = 0n;
            for (let w = 0n; w < width; w += 64n)
                bits = (bits << 64n) | this.nextU64();
            const limit = (1n << width) - ((1n << width) % n);
            if (bits < limit)
                return bits % n;
        }
    }
    /** Float in [0, 1) with 53 random bits — for workload shaping only, never for money. */
    float() {
        return Number(this.nextU64() >> 11n) / 2 ** 53;
    }
    chance(probability) {
        return this.float() < probability;
    }
    pick(items) {
        if (items.length === 0)
            throw new RangeError('Prng.pick: empty list');
        return items[this.int(items.length)];
    }
    bytes(length) {
        const out = new Uint8Array(length);
        for (let i = 0; i < length; i += 8) {
            let value = this.nextU64();
            for (let j = i; j < Math.min(i + 8, length); j++) {
                out[j] = Number(value & 0xffn);
                value >>= 8n;
            }
        }
        return out;
    }
    /** An independent stream derived from this one (for per-actor generators). */
    fork() {
        return new Prng(this.nextU64());
    }
}
//# sourceMappingURL=prng.js.map