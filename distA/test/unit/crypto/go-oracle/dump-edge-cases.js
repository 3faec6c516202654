/**
 * Prints the ed25519 edge-case battery (test/helpers/ed25519-edge-cases.ts) as JSON lines for
 * the Go oracle (main.go beside this file). Not a test; see main.go for the regeneration
 * command.
 */
import { bytesToHex } from '../../../../src/core/hex.js';
import { buildEdgeCases } from '../../../helpers/ed25519-edge-cases.js';
for (const c of buildEdgeCases()) {
    process.stdout.write(JSON.stringify({
        name: c.name,
        publicKey: bytesToHex(c.publicKey),
        message: bytesToHex(c.message),
        signature: bytesToHex(c.signature),
    }) + '\n');
}
//# sourceMappingURL=dump-edge-cases.js.map