-- Blocks by their hash (the ledger's /v1/query/hash, which tells what a 64-hex names): pocket-core
-- finds blocks only by height, and without this a search by hash would scan every block row.
CREATE INDEX blocks_by_hash ON blocks (hash);
