package bigdec

// ApproxRootCycles replays pocket-core's ApproxRoot loop (decimal.go:365-405) without changing
// its arithmetic, and reports whether a guess repeats while the loop would continue, i.e. whether
// Go's own loop never ends (the next guess depends on the current guess only). Exact: it
// remembers every guess. Used instead of calling ApproxRoot directly on such inputs, which would hang.
// Returns (cycles, panicked).
func (d BigDec) ApproxRootCycles(root uint64) (cycles bool, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
		}
	}()
	if d.IsNegative() {
		return d.MulInt64(-1).ApproxRootCycles(root)
	}
	if root == 1 || d.IsZero() || d.Equal(OneDec()) || root == 0 {
		return false, false
	}
	rootInt := NewIntFromUint64(root)
	guess, delta := OneDec(), OneDec()
	seen := map[string]bool{}
	for delta.Abs().GT(SmallestDec()) {
		prev := guess.Power(root - 1)
		if prev.IsZero() {
			prev = SmallestDec()
		}
		delta = d.Quo(prev)
		delta = delta.Sub(guess)
		delta = delta.QuoInt(rootInt)
		guess = guess.Add(delta)
		key := guess.i.String()
		if delta.Abs().GT(SmallestDec()) {
			if seen[key] {
				return true, false
			}
			seen[key] = true
		}
	}
	return false, false
}
