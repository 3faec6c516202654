// Package exported: the ValidatorI methods NewSessionNodes calls (not pocket-core code).
package exported

import sdk "oracle/sdk"

type ValidatorI interface {
	GetChains() []string
	IsJailed() bool
	GetAddress() sdk.Address
}
