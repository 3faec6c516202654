-- Whether pocket-core's store holds a parameter after the row's height (1) or not (0), as SQLite's
-- migrations/010-param-stored.sql explains: allparams lists a feature-gated key while its
-- feature is off only if it is stored (x/gov/keeper/subspace.go:71-80).
ALTER TABLE params ADD COLUMN stored BIGINT NOT NULL DEFAULT 1 CHECK (stored IN (0, 1));
