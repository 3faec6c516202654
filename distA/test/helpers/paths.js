/** Paths to test data, independent of where the compiled test file sits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
export const repoRoot = () => packageRoot();
export const fixturePath = (name) => join(packageRoot(), 'test', 'fixtures', name);
export const vectorPath = (name) => join(packageRoot(), 'test', 'vectors', name);
export const readFixture = (name) => readFileSync(fixturePath(name), 'utf8');
export const readVectors = (name) => JSON.parse(readFileSync(vectorPath(name), 'utf8'));
//# sourceMappingURL=paths.js.map