// Re-evaluates test/vectors/msi.json or sessions.json with pocket-core's own code (cut into
// package types by run.sh) and reports every case whose output differs.
package main

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strconv"

	"oracle/exported"
	sdk "oracle/sdk"
	"oracle/types"
)

type node struct {
	Hash  string `json:"hash"`
	Lower string `json:"lower"`
	Upper string `json:"upper"`
}

type file struct {
	Cases []struct {
		Description string          `json:"description"`
		Input       json.RawMessage `json:"input"`
		Output      json.RawMessage `json:"output"`
	} `json:"cases"`
}

func fail(format string, args ...interface{}) { fmt.Printf("MISMATCH "+format+"\n", args...) }

func toNode(h types.HashRange) node {
	return node{hex.EncodeToString(h.Hash), strconv.FormatUint(h.Range.Lower, 10), strconv.FormatUint(h.Range.Upper, 10)}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func mustInt(s string) int64 {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(err)
	}
	return v
}

type template struct {
	RequestHash        string `json:"requestHash"`
	SessionBlockHeight string `json:"sessionBlockHeight"`
	ServicerPublicKey  string `json:"servicerPublicKey"`
	Blockchain         string `json:"blockchain"`
	Aat                struct {
		Version         string `json:"version"`
		AppPublicKey    string `json:"appPublicKey"`
		ClientPublicKey string `json:"clientPublicKey"`
		Signature       string `json:"signature"`
	} `json:"aat"`
}

func relayProof(t template, entropy int64) types.RelayProof {
	return types.RelayProof{
		RequestHash: t.RequestHash, Entropy: entropy, SessionBlockHeight: mustInt(t.SessionBlockHeight),
		ServicerPubKey: t.ServicerPublicKey, Blockchain: t.Blockchain,
		Token: types.AAT{Version: t.Aat.Version, ApplicationPublicKey: t.Aat.AppPublicKey, ClientPublicKey: t.Aat.ClientPublicKey, ApplicationSignature: t.Aat.Signature},
	}
}

func checkTree(desc string, in, out json.RawMessage) bool {
	var input struct {
		Template       template        `json:"template"`
		Entropies      json.RawMessage `json:"entropies"`
		IndexedParents bool            `json:"indexedParents"`
		ProveIndices   []int           `json:"proveIndices"`
	}
	var expect struct {
		Levels       int      `json:"levels"`
		Root         node     `json:"root"`
		SortedUppers []string `json:"sortedUppers"`
		Order        []int    `json:"order"`
		Proofs       []struct {
			Index         int    `json:"index"`
			InputPosition int    `json:"inputPosition"`
			Target        node   `json:"target"`
			Siblings      []node `json:"siblings"`
		} `json:"proofs"`
	}
	must(json.Unmarshal(in, &input))
	must(json.Unmarshal(out, &expect))
	var entropies []int64
	var list []string
	if json.Unmarshal(input.Entropies, &list) == nil {
		for _, e := range list {
			entropies = append(entropies, mustInt(e))
		}
	} else {
		var span struct {
			First string `json:"first"`
			Count int    `json:"count"`
		}
		must(json.Unmarshal(input.Entropies, &span))
		for i := 0; i < span.Count; i++ {
			entropies = append(entropies, mustInt(span.First)+int64(i))
		}
	}
	height := int64(1)
	if input.IndexedParents {
		height = 40001
	}
	build := func() []types.Proof {
		ps := make([]types.Proof, len(entropies))
		for i, e := range entropies {
			ps[i] = relayProof(input.Template, e)
		}
		return ps
	}
	ok := true
	leaves := types.SortedLeaves(build())
	if expect.SortedUppers != nil {
		for i, l := range leaves {
			if strconv.FormatUint(l.Range.Upper, 10) != expect.SortedUppers[i] {
				fail("%s: sorted upper %d is %d, vector says %s", desc, i, l.Range.Upper, expect.SortedUppers[i])
				ok = false
			}
		}
	}
	root, sorted := types.GenerateRoot(height, build())
	if toNode(root) != expect.Root {
		fail("%s: root %+v, vector says %+v", desc, toNode(root), expect.Root)
		ok = false
	}
	if expect.Order != nil {
		original := build()
		for i, p := range sorted {
			if !bytes.Equal(p.Bytes(), original[expect.Order[i]].Bytes()) {
				fail("%s: sorted leaf %d is not input %d", desc, i, expect.Order[i])
				ok = false
			}
		}
	}
	for _, want := range expect.Proofs {
		mp, leaf := types.GenerateProofs(height, build(), want.Index)
		if toNode(mp.Target) != want.Target || len(mp.HashRanges) != len(want.Siblings) {
			fail("%s: proof %d target/levels differ", desc, want.Index)
			ok = false
			continue
		}
		for i, s := range mp.HashRanges {
			if toNode(s) != want.Siblings[i] {
				fail("%s: proof %d sibling %d %+v, vector says %+v", desc, want.Index, i, toNode(s), want.Siblings[i])
				ok = false
			}
		}
		if valid, replay := mp.Validate(height, root, leaf, expect.Levels); !valid || replay {
			fail("%s: proof %d does not validate (replay %v)", desc, want.Index, replay)
			ok = false
		}
	}
	return ok
}

func checkSignatures(desc string, in, out json.RawMessage) bool {
	var input struct {
		Relay struct {
			RequestHash        string `json:"requestHash"`
			SessionBlockHeight string `json:"sessionBlockHeight"`
			ServicerPublicKey  string `json:"servicerPublicKey"`
			Blockchain         string `json:"blockchain"`
			Entropy            string `json:"entropy"`
		} `json:"relay"`
	}
	var expect struct {
		AppPublicKey    string `json:"appPublicKey"`
		ClientPublicKey string `json:"clientPublicKey"`
		AatHash         string `json:"aatHash"`
		AatSignature    string `json:"aatSignature"`
		LeafBytes       string `json:"leafBytes"`
		LeafHash        string `json:"leafHash"`
		ClientSignature string `json:"clientSignature"`
	}
	must(json.Unmarshal(in, &input))
	must(json.Unmarshal(out, &expect))
	aat := types.AAT{Version: "0.0.1", ApplicationPublicKey: expect.AppPublicKey, ClientPublicKey: expect.ClientPublicKey, ApplicationSignature: expect.AatSignature}
	rp := types.RelayProof{RequestHash: input.Relay.RequestHash, Entropy: mustInt(input.Relay.Entropy), SessionBlockHeight: mustInt(input.Relay.SessionBlockHeight), ServicerPubKey: input.Relay.ServicerPublicKey, Blockchain: input.Relay.Blockchain, Token: aat, Signature: expect.ClientSignature}
	ok := true
	if aat.HashString() != expect.AatHash {
		fail("%s: AAT hash %s, vector says %s", desc, aat.HashString(), expect.AatHash)
		ok = false
	}
	if string(rp.Bytes()) != expect.LeafBytes {
		fail("%s: leaf bytes %s", desc, rp.Bytes())
		ok = false
	}
	leafHash := types.Hash(rp.Bytes())
	if hex.EncodeToString(leafHash) != expect.LeafHash {
		fail("%s: leaf hash differs", desc)
		ok = false
	}
	if !ed25519.Verify(mustHex(expect.AppPublicKey), aat.Hash(), mustHex(expect.AatSignature)) {
		fail("%s: the app signature does not verify over the AAT hash", desc)
		ok = false
	}
	if !ed25519.Verify(mustHex(expect.ClientPublicKey), leafHash, mustHex(expect.ClientSignature)) {
		fail("%s: the client signature does not verify over the leaf hash", desc)
		ok = false
	}
	return ok
}

func checkProofIndex(desc string, in, out json.RawMessage) bool {
	var input struct {
		SeedBlockHash string `json:"seedBlockHash"`
		HeaderHash    string `json:"headerHash"`
		TotalProofs   string `json:"totalProofs"`
	}
	var expect struct {
		Seed  string `json:"seed"`
		Index string `json:"index"`
	}
	must(json.Unmarshal(in, &input))
	must(json.Unmarshal(out, &expect))
	seed := types.ProofSeed(input.SeedBlockHash, input.HeaderHash)
	index := types.PseudorandomSelection(sdk.NewInt(mustInt(input.TotalProofs)), seed).Int64()
	if hex.EncodeToString(seed) != expect.Seed || strconv.FormatInt(index, 10) != expect.Index {
		fail("%s: seed %x index %d, vector says %s %s", desc, seed, index, expect.Seed, expect.Index)
		return false
	}
	return true
}

type validator struct {
	address sdk.Address
	chains  []string
	jailed  bool
}

func (v validator) GetChains() []string      { return v.chains }
func (v validator) IsJailed() bool           { return v.jailed }
func (v validator) GetAddress() sdk.Address { return v.address }

type keeper struct {
	candidates []sdk.Address
	byAddress  map[string]exported.ValidatorI
	maxChains  int64
}

func (k keeper) GetValidatorsByChain(sdk.Ctx, string) ([]sdk.Address, int) { return k.candidates, len(k.candidates) }
func (k keeper) Validator(_ sdk.Ctx, a sdk.Address) exported.ValidatorI  { return k.byAddress[a.String()] }
func (k keeper) MaxChains(sdk.Ctx) int64                                 { return k.maxChains }

func checkSession(desc string, in, out json.RawMessage) bool {
	var input struct {
		AppPublicKey     string `json:"appPublicKey"`
		Chain            string `json:"chain"`
		SessionHeight    int64  `json:"sessionHeight"`
		BlockHash        string `json:"blockHash"`
		SessionNodeCount int    `json:"sessionNodeCount"`
		MaxChains        string `json:"maxChains"`
		Candidates       []string `json:"candidates"`
		EndState         map[string]struct {
			Missing bool     `json:"missing"`
			Jailed  bool     `json:"jailed"`
			Chains  []string `json:"chains"`
		} `json:"endState"`
	}
	var expect struct {
		HeaderHash string   `json:"headerHash"`
		Key        string   `json:"key"`
		Nodes      []string `json:"nodes"`
		Error      string   `json:"error"`
	}
	must(json.Unmarshal(in, &input))
	must(json.Unmarshal(out, &expect))
	header := types.SessionHeader{ApplicationPubKey: input.AppPublicKey, Chain: input.Chain, SessionBlockHeight: input.SessionHeight}
	key := types.SessionKeyOf(input.AppPublicKey, input.Chain, input.BlockHash)
	k := keeper{byAddress: map[string]exported.ValidatorI{}, maxChains: mustInt(input.MaxChains)}
	for i, c := range input.Candidates {
		address := sdk.Address(mustHex(c))
		k.candidates = append(k.candidates, address)
		state, special := input.EndState[strconv.Itoa(i)]
		if special && state.Missing {
			continue
		}
		chains := []string{input.Chain}
		if special && state.Chains != nil {
			chains = state.Chains
		}
		k.byAddress[address.String()] = validator{address, chains, special && state.Jailed}
	}
	ok := true
	if header.HashString() != expect.HeaderHash || hex.EncodeToString(key) != expect.Key {
		fail("%s: header hash / key differ", desc)
		ok = false
	}
	ctx := types.HeightCtx(input.SessionHeight)
	nodes, err := types.NewSessionNodes(ctx, ctx, k, input.Chain, key, input.SessionNodeCount)
	if err != nil {
		if expect.Error != "pocketcore:17" {
			fail("%s: pocket-core says %v, vector says %v %s", desc, err, expect.Nodes, expect.Error)
			ok = false
		}
		return ok
	}
	if expect.Error != "" || len(nodes) != len(expect.Nodes) {
		fail("%s: pocket-core selects %d nodes, vector says %v %s", desc, len(nodes), expect.Nodes, expect.Error)
		return false
	}
	for i, n := range nodes {
		if n.String() != expect.Nodes[i] {
			fail("%s: node %d is %s, vector says %s", desc, i, n, expect.Nodes[i])
			ok = false
		}
	}
	return ok
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	must(err)
	var f file
	must(json.Unmarshal(raw, &f))
	agree, differ := 0, 0
	for _, c := range f.Cases {
		var kind struct {
			Kind string `json:"kind"`
		}
		_ = json.Unmarshal(c.Input, &kind)
		var ok bool
		switch {
		case os.Args[2] == "sessions":
			ok = checkSession(c.Description, c.Input, c.Output)
		case kind.Kind == "tree":
			ok = checkTree(c.Description, c.Input, c.Output)
		case kind.Kind == "signatures":
			ok = checkSignatures(c.Description, c.Input, c.Output)
		case kind.Kind == "proofIndex":
			ok = checkProofIndex(c.Description, c.Input, c.Output)
		default:
			fail("%s: unknown kind %q", c.Description, kind.Kind)
		}
		if ok {
			agree++
		} else {
			differ++
		}
	}
	_ = big.NewInt
	fmt.Printf("%s: %d cases agree with pocket-core, %d differ\n", os.Args[2], agree, differ)
	if differ > 0 {
		os.Exit(1)
	}
}
