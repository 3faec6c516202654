/** Paths to test data, independent of where the compiled test file sits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';

export const repoRoot = (): string => packageRoot();
export const fixturePath = (name: string): string => join(packageRoot(), 'test', 'fixtures', name);
export const vectorPath = (name: string): string => join(packageRoot(), 'test', 'vectors', name);
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');
export const readVectors = <T>(name: string): T => JSON.parse(readFileSync(vectorPath(name), 'utf8')) as T;
