-- Stepped signing-info rows (src/projection/projectors/signing-infos.ts): a row also says how
-- index_offset and jailed_blocks_counter move per block after its height, so a validator of the
-- commit needs a row only when its record departs from that (a miss, a window reset, a jail),
-- not one per block. As of H (height <= H < the next row of the address):
--   index_offset          = index_offset          + index_offset_step  * (H - height)
--   jailed_blocks_counter = jailed_blocks_counter + jailed_blocks_step * (H - height)
ALTER TABLE signing_infos ADD COLUMN index_offset_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signing_infos ADD COLUMN jailed_blocks_step INTEGER NOT NULL DEFAULT 0;
