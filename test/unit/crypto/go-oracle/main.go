// Go oracle for the ed25519 acceptance rule: runs every edge case through Go's own
// crypto/ed25519.Verify (what pocket-core calls via tendermint's PubKeyEd25519.VerifyBytes)
// and writes verdicts.json, which test/unit/crypto/ed25519-edge.test.ts holds `verify` to.
//
// Regenerate (from the repository root, any Go ≥ 1.17 — crypto/ed25519 has used
// filippo.io/edwards25519 with the same Verify since then):
//
//	npx tsc -p tsconfig.json --outDir .tmp/build && \
//	node .tmp/build/test/unit/crypto/go-oracle/dump-edge-cases.js | \
//	GO111MODULE=off go run test/unit/crypto/go-oracle/main.go > test/unit/crypto/go-oracle/verdicts.json
//
// input_sha256 = sha256(publicKeyHex + "|" + messageHex + "|" + signatureHex) ties each verdict
// to the exact bytes; verdict is "true", "false" or "panic" (Go panics on a public key that
// is not 32 bytes; pocket-core's keys are [32]byte so it never gets there).
package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"runtime"
)

type edgeCase struct {
	Name      string `json:"name"`
	PublicKey string `json:"publicKey"`
	Message   string `json:"message"`
	Signature string `json:"signature"`
}

type verdict struct {
	Name        string `json:"name"`
	InputSha256 string `json:"input_sha256"`
	Verdict     string `json:"verdict"`
}

type output struct {
	Go     string    `json:"go"`
	Source string    `json:"source"`
	Cases  []verdict `json:"cases"`
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func verify(publicKey, message, signature []byte) (result string) {
	defer func() {
		if recover() != nil {
			result = "panic"
		}
	}()
	if ed25519.Verify(ed25519.PublicKey(publicKey), message, signature) {
		return "true"
	}
	return "false"
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<24), 1<<24)
	out := output{Go: runtime.Version(), Source: "crypto/ed25519.Verify", Cases: []verdict{}}
	for scanner.Scan() {
		var c edgeCase
		if err := json.Unmarshal(scanner.Bytes(), &c); err != nil {
			panic(err)
		}
		digest := sha256.Sum256([]byte(c.PublicKey + "|" + c.Message + "|" + c.Signature))
		out.Cases = append(out.Cases, verdict{
			Name:        c.Name,
			InputSha256: hex.EncodeToString(digest[:]),
			Verdict:     verify(mustHex(c.PublicKey), mustHex(c.Message), mustHex(c.Signature)),
		})
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(out); err != nil {
		panic(err)
	}
}
