import { signerAddress } from './independent/shadow.js';
/** Every recorded slash of the block whose cause the raw block does not show, as a mismatch. */
export function checkSlashCauses(block, slashes, report, tally) {
    for (const slash of slashes) {
        const cause = slashCause(block, slash.address, slash.reason);
        if (cause !== undefined)
            tally.mismatch(report, { height: block.header.height, account: slash.address, line: `slash/${slash.reason}:cause`, expected: cause, recorded: 'slashed' });
    }
}
/**
 * What the raw block must show for a recorded slash to be possible (PROTOCOL §6.5, §6.6): a
 * downtime slash needs the node's vote in this block's last commit to be missing (the window's
 * last miss); a double-sign slash needs evidence naming the node's key in this header. Returns
 * what is missing, or undefined. (Whether the window's count was crossed is not re-derived.)
 */
function slashCause(block, address, reason) {
    if (reason === 'downtime') {
        const vote = block.header.lastCommit.find((v) => v.address === address);
        return vote !== undefined && !vote.signed ? undefined : 'a missed vote in the last commit';
    }
    const named = block.header.evidence.some((e) => signerAddress(e.publicKey) === address);
    return named ? undefined : 'double-sign evidence naming the node in the header';
}
//# sourceMappingURL=slash-causes.js.map