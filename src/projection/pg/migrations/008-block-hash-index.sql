-- Blocks by their hash (as src/projection/migrations/008-block-hash-index.sql): /v1/query/hash.
CREATE INDEX blocks_by_hash ON blocks (hash);
