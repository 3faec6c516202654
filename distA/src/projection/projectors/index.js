import { TABLES } from '../tables.js';
import { appsProjector } from './apps.js';
import { balancesProjector } from './balances.js';
import { blocksProjector } from './blocks.js';
import { claimProofRejectionsProjector } from './claim-proof-rejections.js';
import { claimsProjector } from './claims.js';
import { daoMovesProjector } from './dao-moves.js';
import { nodesProjector } from './nodes.js';
import { paramsProjector } from './params.js';
import { rapSheetProjector } from './rap-sheet.js';
import { rewardLinesProjector } from './reward-lines.js';
import { signingInfosProjector } from './signing-infos.js';
import { supplyProjector } from './supply.js';
import { txsProjector } from './txs.js';
import { validatorSetsProjector } from './validator-sets.js';
export const PROJECTORS = [
    blocksProjector,
    txsProjector,
    balancesProjector,
    nodesProjector,
    appsProjector,
    paramsProjector,
    signingInfosProjector,
    supplyProjector,
    claimsProjector,
    claimProofRejectionsProjector,
    rewardLinesProjector,
    rapSheetProjector,
    daoMovesProjector,
    validatorSetsProjector,
];
/** The projection's tables (the checkpoint's included), for dumps and counts. */
export const PROJECTION_TABLE_NAMES = [...TABLES.map((t) => t.name), 'projection_checkpoint'];
//# sourceMappingURL=index.js.map