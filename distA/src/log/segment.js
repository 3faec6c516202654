/** In-memory view of one segment file, and the errors that name a damaged spot in it. */
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
export const lastHeightOf = (segment) => segment.firstHeight + segment.count - 1;
/** The error for damage found in a segment where a torn tail is not an explanation. */
export function damageError(dir, file, damage, sealed, acknowledgedHeight = -1) {
    const path = join(dir, file);
    if (damage.problem === 'height_mismatch') {
        const found = damage.header?.height ?? -1;
        return new BlockLogError('log_height_sequence_broken', `${path} offset ${damage.offset}: record has height ${found}, expected ${damage.expectedHeight} (${found < damage.expectedHeight ? 'duplicate or out of order' : 'gap'})`, { file: path, offset: damage.offset, expected: damage.expectedHeight, found });
    }
    const why = sealed && damage.intactAfter === null
        ? 'sealed segment ends with a damaged or partial record'
        : damage.intactAfter === null && damage.expectedHeight <= acknowledgedHeight
            ? `the head record says height ${acknowledgedHeight} was acknowledged, so this is not a torn write`
            : 'intact records follow it';
    const claimed = damage.header !== null && damage.header.height !== damage.expectedHeight ? ` (its header claims height ${damage.header.height})` : '';
    return new BlockLogError('log_record_corrupt', `${path} offset ${damage.offset}: record of height ${damage.expectedHeight} is damaged (${damage.problem}); ${why}${claimed}`, {
        height: damage.expectedHeight,
        file: path,
        offset: damage.offset,
        problem: damage.problem,
        headerHeight: damage.header?.height ?? null,
        intactAfter: damage.intactAfter,
        acknowledgedHeight: acknowledgedHeight >= 0 ? acknowledgedHeight : null,
    });
}
//# sourceMappingURL=segment.js.map