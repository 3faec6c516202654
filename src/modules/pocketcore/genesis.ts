/**
 * pocketcore's genesis slice: its parameters (pocketcore/*, set through gov's parameter table,
 * modules/gov/genesis.ts) and pocket-core's `claims` list, which a chain starting at height 0
 * holds empty — genesis/parse.ts refuses a non-empty one (exported state is not supported). So
 * every pocketcore table starts empty, and the session candidates are built from the validators
 * the nodes module's genesis stakes (./session-candidates.ts).
 */
export type PocketcoreGenesis = Record<string, never>;
