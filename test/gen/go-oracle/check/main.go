// Cross-checks pokt-ledger's golden vectors (test/vectors/{bigdec,pip22,max-relays}.json) against
// pocket-core's own BigDec code, built by ../run.sh from a pocket-core checkout. Each case's input
// is evaluated with pocket-core's types/decimal.go (and, for pip22 / max-relays, a transcription
// of the keeper formulas in other.go) and compared with the case's output.
// Usage: check <vector file> <bigdec|pip22|max-relays>; exits 1 on an unexpected mismatch.
// A case whose description says "accepted by Go" is a documented divergence (our parser is
// stricter) and is reported but tolerated.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"oracle/bigdec"
)

type vectorFile struct {
	Cases []struct {
		Description string                     `json:"description"`
		Input       map[string]json.RawMessage `json:"input"`
		Output      map[string]json.RawMessage `json:"output"`
	} `json:"cases"`
}

func str(m map[string]json.RawMessage, k string) string {
	var s string
	if err := json.Unmarshal(m[k], &s); err != nil {
		panic(fmt.Sprintf("field %s: %v", k, err))
	}
	return s
}

func dec(s string) bigdec.BigDec {
	d, err := bigdec.NewDecFromStr(s)
	if err != nil {
		panic("bad operand " + s)
	}
	return d
}

func classify(r interface{}) string {
	msg := fmt.Sprint(r)
	switch {
	case strings.Contains(msg, "division by zero"):
		return "panic_division_by_zero"
	case strings.Contains(msg, "BigInt overflow"):
		return "panic_overflow"
	case strings.Contains(msg, "out of bound"):
		return "panic_integer_range"
	}
	return "panic_other:" + msg
}

// run evaluates f, mapping a panic to an error kind.
func run(f func() string) (result string, errKind string) {
	defer func() {
		if r := recover(); r != nil {
			result, errKind = "", classify(r)
		}
	}()
	return f(), ""
}

func evalBigDec(in map[string]json.RawMessage) (string, string) {
	op := str(in, "op")
	switch op {
	case "fromString":
		d, err := bigdec.NewDecFromStr(str(in, "text"))
		if err != nil {
			return "", "rejected"
		}
		return d.String(), ""
	case "add", "sub", "mul", "mulTruncate", "quo", "quoTruncate", "quoRoundUp":
		a, b := dec(str(in, "a")), dec(str(in, "b"))
		return run(func() string {
			switch op {
			case "add":
				return a.Add(b).String()
			case "sub":
				return a.Sub(b).String()
			case "mul":
				return a.Mul(b).String()
			case "mulTruncate":
				return a.MulTruncate(b).String()
			case "quo":
				return a.Quo(b).String()
			case "quoTruncate":
				return a.QuoTruncate(b).String()
			}
			return a.QuoRoundUp(b).String()
		})
	case "quoInt64", "mulInt64":
		a := dec(str(in, "a"))
		i, err := strconv.ParseInt(str(in, "i"), 10, 64)
		if err != nil {
			panic(err)
		}
		return run(func() string {
			if op == "quoInt64" {
				return a.QuoInt64(i).String()
			}
			return a.MulInt64(i).String()
		})
	case "roundInt":
		a := dec(str(in, "a"))
		return run(func() string { return a.RoundInt().String() })
	case "truncateInt":
		a := dec(str(in, "a"))
		return run(func() string { return a.TruncateInt().String() })
	case "power":
		a := dec(str(in, "a"))
		k, err := strconv.ParseUint(str(in, "k"), 10, 64)
		if err != nil {
			panic(err)
		}
		return run(func() string { return a.Power(k).String() })
	case "approxRoot":
		a := dec(str(in, "a"))
		n, _ := strconv.ParseUint(str(in, "n"), 10, 64)
		if cycles, _ := a.ApproxRootCycles(n); cycles {
			return "", "never_terminates"
		}
		root, err := a.ApproxRoot(n)
		if err != nil {
			return "", "approx_root_error"
		}
		return root.String(), ""
	case "fracPow":
		a, p := dec(str(in, "a")), dec(str(in, "p"))
		den, _ := strconv.ParseInt(str(in, "denominator"), 10, 64)
		if !p.IsZero() {
			if cycles, _ := a.ApproxRootCycles(uint64(den)); cycles {
				return "", "never_terminates"
			}
		}
		return run(func() string { return a.FracPow(p, den).String() })
	}
	panic("unknown op " + op)
}

func main() {
	path := os.Args[1]
	raw, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var file vectorFile
	if err := json.Unmarshal(raw, &file); err != nil {
		panic(err)
	}
	kind := os.Args[2]
	mismatches, expected := 0, 0
	for _, c := range file.Cases {
		var got map[string]string
		switch kind {
		case "bigdec":
			result, errKind := evalBigDec(c.Input)
			if errKind != "" {
				got = map[string]string{"error": errKind}
			} else {
				got = map[string]string{"result": result}
			}
		default:
			got = evalOther(kind, c.Input)
		}
		want := map[string]string{}
		for k, v := range c.Output {
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				s = string(v)
			}
			want[k] = s
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			if strings.Contains(c.Description, "accepted by Go") {
				expected++
				fmt.Printf("documented divergence: %s\n  ours: %v\n  go:   %v\n", c.Description, want, got)
				continue
			}
			mismatches++
			fmt.Printf("MISMATCH %s\n  ours: %v\n  go:   %v\n", c.Description, want, got)
		}
	}
	fmt.Printf("%s: %d cases, %d documented divergences, %d mismatches\n", path, len(file.Cases), expected, mismatches)
	if mismatches > 0 {
		os.Exit(1)
	}
}
