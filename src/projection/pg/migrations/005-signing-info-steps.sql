-- Stepped signing-info rows (as src/projection/migrations/005-signing-info-steps.sql): as of H,
-- index_offset + index_offset_step * (H - height), jailed_blocks_counter + jailed_blocks_step * (H - height).
ALTER TABLE signing_infos ADD COLUMN index_offset_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE signing_infos ADD COLUMN jailed_blocks_step BIGINT NOT NULL DEFAULT 0;
