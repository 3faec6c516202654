import { registerAuditCommand } from './audit.js';
import { registerCalcCommands } from './calc.js';
import { registerChainCommands } from './chain.js';
import { registerExportAnalyticsCommand } from './export-analytics.js';
import { registerGenesisCommands } from './genesis.js';
import { registerHistoryCommands } from './history.js';
import { registerKeysCommands } from './keys.js';
import { registerNodeCommand } from './node.js';
import { registerProjectCommand } from './project.js';
import { registerReplayCommand } from './replay.js';
import { registerServeCommand } from './serve.js';
import { registerSessionCommand } from './session.js';
import { registerSimulateCommand } from './simulate.js';
import { registerQueryCommands } from './query.js';
import { registerStartCommand } from './start.js';
import { registerTxCommands } from './tx.js';
export function registerCommands(program) {
    registerStartCommand(program);
    registerGenesisCommands(program);
    registerChainCommands(program);
    registerReplayCommand(program);
    registerHistoryCommands(program);
    registerSimulateCommand(program);
    registerProjectCommand(program);
    registerAuditCommand(program);
    registerExportAnalyticsCommand(program);
    registerNodeCommand(program);
    registerServeCommand(program);
    registerKeysCommands(program);
    registerTxCommands(program);
    registerCalcCommands(program);
    registerQueryCommands(program);
    registerSessionCommand(program);
}
//# sourceMappingURL=index.js.map