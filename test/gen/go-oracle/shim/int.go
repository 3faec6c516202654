// The few pieces of pocket-core's BigInt (types/int.go) that decimal.go needs, so that
// decimal.go can be compiled on its own; plus raw access for the checker.
package bigdec

import "math/big"

const maxBitLen = 255

type BigInt struct{ i *big.Int }

func NewInt(n int64) BigInt { return BigInt{big.NewInt(n)} }
func NewIntFromUint64(n uint64) BigInt {
	b := big.NewInt(0)
	b.SetUint64(n)
	return BigInt{b}
}
func NewIntFromBigInt(i *big.Int) BigInt {
	if i.BitLen() > maxBitLen {
		panic("NewIntFromBigInt() out of bound")
	}
	return BigInt{i}
}
func (i BigInt) ToDec() BigDec   { return NewDecFromInt(i) }
func (i BigInt) BigInt() *big.Int { return new(big.Int).Set(i.i) }
func (i BigInt) String() string   { return i.i.String() }
func Raw(d BigDec) *big.Int       { return d.i }
func FromRaw(i *big.Int) BigDec   { return BigDec{i} }
