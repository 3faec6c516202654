#!/bin/sh
':' //; case " $NODE_OPTIONS " in *" --max-semi-space-size"*) exec node "$0" "$@" ;; esac; exec node --max-semi-space-size=128 "$0" "$@"
/**
 * The `pokt-ledger` command's launcher (package.json "bin"): a file that is both a POSIX shell
 * script and an ES module.
 *
 * Why: V8 sizes its young generation once, when node starts (a flag on node's command line or in
 * NODE_OPTIONS; nothing inside the process can change it later), and the ledger's hot paths —
 * replay, ingest, the mainnet-shaped block — allocate short-lived objects (decoded txs, sign
 * documents, hex keys) fast enough that node's default 16 MB semi-space scavenges so often that
 * it promotes objects which would have died a moment later. With 64 MB (measured on the 2-core
 * machine of bench/results, alternated runs): a trusted replay of 200k sends ~37k → ~47k tx/s,
 * signed sends with verification 0.86 → 0.94 of their two-core limit, the mainnet-shaped block
 * (--quick) ~29 → ~25 ms. 128 MB since 2026-12-05: a full-size mainnet-shaped block allocates
 * ~91 MB on the main thread, so with 64 MB it was scavenged once or twice mid-block, each time
 * copying the block's ~10 MB of live decoded txs; 128 MB took it from ~433 to ~404 ms (3
 * alternated processes × 6 blocks). The cost is memory: the young generation may grow to
 * 3 × 128 MB (README, Set-up).
 *
 * How: the kernel runs this file with /bin/sh. For sh the line above is `:` (a no-op) followed
 * by `exec node …`, which replaces the shell with node running this same file (one process:
 * signals and the exit code are node's own); an operator's own --max-semi-space-size in
 * NODE_OPTIONS wins. For node, line 1 is a hashbang and the line above is a string followed by
 * a comment; what runs is the import below, resolved from this file's real path (npm links
 * bins by symlink).
 * `node dist/src/cli/main.js …` runs the same command with node's default young generation.
 */
await import('../dist/src/cli/main.js');
