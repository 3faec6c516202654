// Transcriptions of pocket-core's PIP-22 reward/burn formulas (x/nodes/keeper/reward.go:27-51,
// slash.go:16-40, valStateChanges.go:224-233) and of CalculateAppRelays / MaxPossibleRelays
// (x/apps/keeper/application.go:145-166, x/pocketcore/types/session.go:290-294), written over
// big.Int and pocket's BigDec so the vectors can be checked against pocket's own decimal code.
package main

import (
	"encoding/json"
	"math"
	"math/big"

	"oracle/bigdec"
)

func bi(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad int " + s)
	}
	return v
}

func minBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) == 1 {
		return new(big.Int).Set(b)
	}
	return new(big.Int).Set(a)
}

func params(in map[string]json.RawMessage) (F, C *big.Int, W, E bigdec.BigDec) {
	var p struct {
		F string `json:"floorMultiplierUpokt"`
		C string `json:"weightCeilingUpokt"`
		W string `json:"weightMultiplier"`
		E string `json:"exponent"`
	}
	if err := json.Unmarshal(in["params"], &p); err != nil {
		panic(err)
	}
	return bi(p.F), bi(p.C), dec(p.W), dec(p.E)
}

// weight mirrors reward.go:42-48: bin.ToDec().FracPow(E, 100).Quo(W)
func weight(bin *big.Int, W, E bigdec.BigDec) bigdec.BigDec {
	return bigdec.NewDecFromBigInt(bin).FracPow(E, 100).Quo(W)
}

func evalOther(kind string, in map[string]json.RawMessage) map[string]string {
	switch kind {
	case "pip22":
		F, C, W, E := params(in)
		switch str(in, "kind") {
		case "weightForBin":
			return map[string]string{"weight": weight(bi(str(in, "bin")), W, E).String()}
		case "stake":
			stake := bi(str(in, "stakeUpokt"))
			relays, M, challenges := bi(str(in, "relays")), bi(str(in, "multiplierUpoktPerRelay")), bi(str(in, "challenges"))
			// reward.go:32-50
			floored := minBig(new(big.Int).Sub(stake, new(big.Int).Mod(stake, F)), new(big.Int).Sub(C, new(big.Int).Mod(C, F)))
			bin := new(big.Int).Quo(floored, F)
			w := weight(bin, W, E)
			coins := bigdec.NewDecFromBigInt(M).Mul(bigdec.NewDecFromBigInt(relays)).Mul(w).TruncateInt()
			// slash.go:29-35
			bFloored := minBig(new(big.Int).Sub(stake, new(big.Int).Mod(stake, F)), new(big.Int).Sub(C, new(big.Int).Mod(stake, F)))
			bBin := new(big.Int).Quo(bFloored, F)
			bw := weight(bBin, W, E)
			bCoins := bigdec.NewDecFromBigInt(M).Mul(bigdec.NewDecFromBigInt(challenges)).Mul(bw).TruncateInt()
			return map[string]string{
				"flooredStakeUpokt": floored.String(), "bin": bin.String(), "weight": w.String(),
				"rewardCoinsUpokt": coins.String(), "challengeBurnFlooredStakeUpokt": bFloored.String(),
				"challengeBurnBin": bBin.String(), "challengeBurnCoinsUpokt": bCoins.String(),
			}
		case "editStake":
			amount, cur := bi(str(in, "newValueUpokt")), bi(str(in, "currentTokensUpokt"))
			ok := "true"
			if amount.Cmp(C) < 0 {
				flooredNew := new(big.Int).Sub(amount, new(big.Int).Mod(amount, F))
				if flooredNew.Cmp(cur) <= 0 {
					ok = "false"
				}
			}
			return map[string]string{"reachesHigherBin": ok}
		}
	case "max-relays":
		// application.go:145-166
		var participationOn bool
		_ = json.Unmarshal(in["participationRateOn"], &participationOn)
		var numChains int64
		_ = json.Unmarshal(in["numChains"], &numChains)
		stakingAdjustment := bigdec.NewDecFromBigInt(bi(str(in, "stabilityAdjustment")))
		participationRate := bigdec.NewDec(1)
		baseRate := bi(str(in, "baseRelaysPerPokt"))
		if participationOn {
			staked := new(big.Int).Add(bi(str(in, "appsStakedPoolUpokt")), bi(str(in, "nodesStakedPoolUpokt")))
			participationRate = bigdec.NewDecFromBigInt(staked).Quo(bigdec.NewDecFromBigInt(bi(str(in, "totalSupplyUpokt"))))
		}
		basePercentage := bigdec.NewDecFromBigInt(baseRate).Quo(bigdec.NewDec(100))
		baselineThroughput := basePercentage.Mul(bigdec.NewDecFromBigInt(bi(str(in, "stakeUpokt"))).Quo(bigdec.NewDec(1000000)))
		result := participationRate.Mul(baselineThroughput).Add(stakingAdjustment).TruncateInt().BigInt()
		maxRelays := new(big.Int).SetUint64(math.MaxUint64)
		if result.Cmp(maxRelays) >= 0 {
			result = maxRelays
		}
		// session.go:290-294
		snc := bi(str(in, "sessionNodeCount")).Int64()
		possible := bigdec.NewDecFromBigInt(result).Quo(bigdec.NewDec(numChains)).Quo(bigdec.NewDec(snc)).RoundInt()
		return map[string]string{"maxRelays": result.String(), "maxPossibleRelays": possible.String()}
	}
	panic("unknown kind " + kind)
}
