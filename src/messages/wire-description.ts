/**
 * What pocket-core's DeliverTx writes about a decoded tx's message — msg.Type(),
 * msg.GetSigners()[0] and msg.GetRecipient() (baseapp/baseapp.go:808-818) — read from the WIRE
 * message, because DeliverTx writes them whenever the tx decodes: also when ValidateBasic failed
 * and we have no typed `Message` (signersOf in ./signers.ts needs one). The tx indexer lists the
 * tx under that signer and recipient (types/indexer.go:93-103), so the query API's accounttxs
 * depends on them.
 *
 * Go computes these from the fields as sent, valid or not, so this does too and never throws:
 * an address is whatever bytes came (any length; lowercase hex, as sdk.Address prints), a public
 * key gives the address of the key Go decodes from it (crypto/keys.go:80-99), and a value Go
 * leaves nil or empty is null. Not reproduced: a relay proof's servicer key that is an amino
 * multisig key (Go gives that key's address; here null) — no such proof can pass ValidateBasic.
 */
import { unreachable } from '../core/assert.js';
import { hexToBytes } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { addressOfKeyBytes } from '../crypto/address.js';
import { MESSAGE_TYPES } from '../wire/type-urls.js';
import type { WireLeaf, WireMessage } from '../wire/types.js';

export interface MessageDescription {
  /** msg.Type(), e.g. "send", "dao_tranfer" (sic). */
  readonly messageType: string;
  /** msg.GetSigners()[0]; null when Go's is nil or empty. */
  readonly signer: Address | null;
  /** msg.GetRecipient(); null when Go's is nil or empty. */
  readonly recipient: Address | null;
}

export function describeWireMessage(msg: WireMessage): MessageDescription {
  return { messageType: MESSAGE_TYPES[msg.kind].msgType, signer: firstSigner(msg), recipient: recipient(msg) };
}

/** GetSigners()[0] of each message (x/<module>/types/msg*.go, lines as of RC-0.12.0). */
function firstSigner(msg: WireMessage): Address | null {
  switch (msg.kind) {
    case 'Send': // [FromAddress] x/nodes/types/msg.go:107-109
    case 'Claim': // [FromAddress] x/pocketcore/types/msgs.go:82-84
    case 'ParamChange': // [FromAddress] x/gov/types/msg.go:40-42
    case 'DAOTransfer': // [FromAddress] x/gov/types/msg.go:91-93
      return sentAddress(msg.fromAddress);
    case 'StakeNode': // [PublicKey.Address(), Output] x/nodes/types/msg.go:202-204
    case 'StakeApp': // [PubKey.Address()] x/apps/types/msg.go:32-34
      return keyAddress(msg.publicKey);
    case 'BeginUnstakeNode': // [Signer, Address] x/nodes/types/msg.go:29-31
    case 'UnjailNode': // [Signer, ValidatorAddr] x/nodes/types/msg.go:68-70
      return sentAddress(msg.signerAddress);
    case 'BeginUnstakeApp': // [Address] x/apps/types/msg.go:171-173
    case 'UnjailApp': // [AppAddr] x/apps/types/msg.go:217-219
      return sentAddress(msg.applicationAddress);
    case 'Proof': // [Leaf.GetSigner()] x/pocketcore/types/msgs.go:198-200
      return leafSigner(msg.leaf);
    case 'Upgrade': // [Address] x/gov/types/msg.go:144-146
      return sentAddress(msg.address);
    default:
      return unreachable(msg, 'wire message');
  }
}

/**
 * GetRecipient(): MsgSend's ToAddress (x/nodes/types/msg.go:111-113); nil for every other
 * message — MsgDAOTransfer included, though it names a recipient (x/gov/types/msg.go:96-98).
 */
function recipient(msg: WireMessage): Address | null {
  return msg.kind === 'Send' ? sentAddress(msg.toAddress) : null;
}

/**
 * Proof.GetSigner(): a relay proof's servicer key's address, nil when crypto.NewPublicKey refuses
 * the key (x/pocketcore/types/proof.go:231-237); a proof without a leaf is an empty RelayProof
 * (proof.go:37-47), whose "" key is refused; a challenge proof's ReporterAddress (proof.go:458-460).
 */
function leafSigner(leaf: WireLeaf): Address | null {
  if (leaf.kind === 'relay') return keyAddress(leaf.proof.servicerPublicKey);
  if (leaf.kind === 'challenge') return sentAddress(leaf.proof.reporterAddress);
  return null;
}

/** An address field as sent: its bytes in lowercase hex (the wire holds them so), null when empty. */
function sentAddress(hex: string): Address | null {
  return hex === '' ? null : (hex.toLowerCase() as Address);
}

/** The address of the key in a hex field (Go's hex.DecodeString takes either case), null when Go cannot decode it. */
function keyAddress(hex: string): Address | null {
  const bytes = hexToBytes(hex);
  return bytes === undefined ? null : (addressOfKeyBytes(bytes) ?? null);
}
