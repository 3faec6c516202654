/**
 * The simulator's keys and signing.
 *
 * Keys are derived, never drawn: seed = SHA-256("pokt-ledger sim key|<sim seed>|<role>|<index>"),
 * so the same simulation seed names the same accounts in every run and a continued run finds
 * the keys its genesis funded. Roles separate the key sets (each workload gets its own accounts
 * — "w:<workload>" — so two workloads never race for one balance; validators and apps have
 * theirs).
 *
 * Signing keeps the imported private KeyObject per key (createSigner, ~2× faster than
 * wire/sign.ts `buildAndSignTx`, which imports the seed on every call) and builds exactly the
 * bytes `buildAndSignTx` builds: same sign document, same encoder.
 */
import { bytesToHex } from '../core/hex.js';
import type { Prng } from '../core/prng.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import { addressFromPublicKey } from '../crypto/address.js';
import { createSigner, publicKeyFromSeed } from '../crypto/ed25519.js';
import { sha256 } from '../crypto/hash.js';
import { encodeTx, signBytes, UPOKT_DENOM, type UnsignedTx, type WireCoin, type WireMessage, type WireTx } from '../wire/index.js';
import type { SimKey } from './workload.js';

export function deriveSimKey(simSeed: bigint, role: string, index: number): SimKey {
  const seed = sha256(`pokt-ledger sim key|${simSeed}|${role}|${index}`);
  const publicKey = publicKeyFromSeed(seed);
  return { seed, publicKey: bytesToHex(publicKey) as PublicKeyHex, address: addressFromPublicKey(publicKey) };
}

export function deriveSimKeys(simSeed: bigint, role: string, count: number): SimKey[] {
  return Array.from({ length: count }, (_, index) => deriveSimKey(simSeed, role, index));
}

export interface SignInput {
  readonly chainId: string;
  readonly msg: WireMessage;
  /** 0 = no fee coin at all. */
  readonly feeUpokt: bigint;
  readonly memo: string;
  readonly entropy: bigint;
}

/** Signs with cached private keys (one import per key for the life of the signer). */
export class SimSigner {
  private readonly signers = new Map<string, (message: Uint8Array) => Uint8Array>();

  signatureOf(key: SimKey, message: Uint8Array): Uint8Array {
    const address = key.address as string;
    let signer = this.signers.get(address);
    if (signer === undefined) {
      signer = createSigner(key.seed);
      this.signers.set(address, signer);
    }
    return signer(message);
  }

  /**
   * The signed tx (as wire/sign.ts buildAndSignTx would encode it). `signWith` makes the
   * signature with another key while the tx still carries `key`'s public key (a forged tx).
   */
  signTx(key: SimKey, input: SignInput, signWith: SimKey = key): { tx: WireTx; bytes: Uint8Array } {
    const fee: WireCoin[] = input.feeUpokt === 0n ? [] : [{ denom: UPOKT_DENOM, amount: input.feeUpokt.toString() }];
    const unsigned: UnsignedTx = { msg: input.msg, fee, memo: input.memo, entropy: input.entropy };
    const signature = this.signatureOf(signWith, signBytes(input.chainId, unsigned));
    const tx: WireTx = { ...unsigned, signature: { publicKey: key.publicKey, signature: bytesToHex(signature) } };
    return { tx, bytes: encodeTx(tx) };
  }
}

/** A non-negative int64 entropy from the seeded stream (pocket's clients use rand.Int63). */
export function drawEntropy(prng: Prng): bigint {
  return prng.nextU64() >> 1n;
}

export type { Address };
