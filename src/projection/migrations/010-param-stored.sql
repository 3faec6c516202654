-- Whether pocket-core's store holds a parameter after the row's height (1) or not (0): a
-- feature-gated key (BlockByteSize, RelaysToTokensMultiplierMap, the four PIP-22 params) is
-- unstored while its feature has been off since genesis, or after an upgrade switched it on at a
-- past height with no hook (modules/gov/state.ts unstoredParamsTable). pocket-core's allparams
-- lists exactly the stored keys (x/gov/keeper/subspace.go:71-80), a gated key stored and then
-- switched off included; projection/queries.ts allParamsOf reads this column for it. Every
-- other key is always stored. The column is the projector's (projectors/params.ts), so a
-- database of an older schema is rebuilt from genesis (schema.ts), never filled with a guess.
ALTER TABLE params ADD COLUMN stored INTEGER NOT NULL DEFAULT 1 CHECK (stored IN (0, 1));
