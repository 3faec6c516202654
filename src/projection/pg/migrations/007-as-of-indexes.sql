-- Indexes for whole lists "as of a height" (as src/projection/migrations/007-as-of-indexes.sql):
-- a list is built from a cached lower height plus the version rows written in between, by height.
CREATE INDEX nodes_by_height ON nodes (height);
CREATE INDEX apps_by_height ON apps (height);
