/**
 * policy keeps no tables of its own: the application burn reads and changes the apps' stakes
 * (through its events, ./evolve.ts), and the calculators (./queries.ts) read nothing from the
 * ledger. This is the state it reads.
 */
import type { ReadonlyTable } from '../../state/table.js';
import type { Application } from '../apps/index.js';

export interface ApplicationBurnView {
  readonly apps: { readonly applications: ReadonlyTable<Application> };
}
