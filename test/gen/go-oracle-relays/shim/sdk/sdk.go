// Package sdk: the few pocket-core types/ names the cut relay code uses (not pocket-core code).
package sdk

import (
	"bytes"
	"encoding/hex"
	"math/big"
)

type BigInt struct{ i *big.Int }

func NewInt(n int64) BigInt                { return BigInt{big.NewInt(n)} }
func NewIntFromBigInt(i *big.Int) BigInt   { return BigInt{new(big.Int).Set(i)} }
func (b BigInt) Mod(m BigInt) BigInt        { return BigInt{new(big.Int).Mod(b.i, m.i)} }
func (b BigInt) Int64() int64               { return b.i.Int64() }

// Address is a byte slice shown as lower-case hex, like pocket-core's types.Address.
type Address []byte

func (a Address) String() string        { return hex.EncodeToString(a) }
func (a Address) Equals(b Address) bool { return bytes.Equal(a, b) }

type Ctx interface{ BlockHeight() int64 }

type Error interface{ Error() string }
