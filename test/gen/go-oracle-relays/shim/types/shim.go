// The names the cut code expects from the rest of x/pocketcore/types (not pocket-core code).
package types

import (
	"crypto"
	"encoding/json"
	"errors"

	_ "golang.org/x/crypto/sha3"

	"oracle/exported"
	sdk "oracle/sdk"
)

var Hasher = crypto.SHA3_256

const ModuleName = "pocketcore"

type codec struct{}

// The ledger runs every feature from genesis; the codec upgrade is mainnet's hard-coded 30024.
func (codec) IsAfterCodecUpgrade(height int64) bool          { return height >= 30024 }
func (codec) IsAfterEnforceMaxChainsUpgrade(height int64) bool { return true }

var ModuleCdc codec

type Proof interface{ Bytes() []byte }

type PosKeeper interface {
	GetValidatorsByChain(ctx sdk.Ctx, chain string) ([]sdk.Address, int)
	Validator(ctx sdk.Ctx, addr sdk.Address) exported.ValidatorI
	MaxChains(ctx sdk.Ctx) int64
}

var ErrInsufficientNodes = errors.New("insufficient nodes")

func NewInsufficientNodesError(string) sdk.Error { return ErrInsufficientNodes }

type heightCtx struct{ h int64 }

func (c heightCtx) BlockHeight() int64 { return c.h }

// HeightCtx is a context at a height (all the cut code asks of one).
func HeightCtx(h int64) sdk.Ctx { return heightCtx{h} }

// SortedLeaves exposes sortAndStructure (merkle.go) to the checker.
func SortedLeaves(ps []Proof) []HashRange {
	d, _ := sortAndStructure(ps)
	return d
}

// SessionKeyOf: NewSessionKey's marshal-and-hash, without its input validation (transcribed).
func SessionKeyOf(appPubKey, chain, blockHash string) []byte {
	seed, err := json.Marshal(sessionKey{AppPublicKey: appPubKey, NonNativeChain: chain, BlockHash: blockHash})
	if err != nil {
		panic(err)
	}
	return Hash(seed)
}

// ProofSeed: getPseudorandomIndex's marshal-and-hash (keeper/proof.go:226-240, transcribed).
func ProofSeed(blockHash, headerHash string) []byte {
	r, err := json.Marshal(pseudorandomGenerator{blockHash, headerHash})
	if err != nil {
		panic(err)
	}
	return Hash(r)
}
