-- Indexes for whole lists "as of a height" (src/projection/as-of-lists.ts): the list at a height
-- is built from a cached list at a lower height plus the version rows written in between, read by
-- height; the (address, height) primary key would make that read a scan of every version row.
CREATE INDEX nodes_by_height ON nodes (height);
CREATE INDEX apps_by_height ON apps (height);
