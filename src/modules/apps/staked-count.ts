/**
 * How many applications are in pocket-core's staking set (Staked and not jailed; SetApplication,
 * x/apps/keeper/application.go:43-48) — what MaxApplications limits (getStakedApplicationsCount,
 * x/apps/keeper/appStaked.go:64-71).
 *
 * A derived counter, NOT state: it follows `application/applications` writes (reverts and
 * snapshot loads included), so it always equals a count over the table, without the O(n) scan
 * pocket-core does on every new stake.
 */
import type { Table } from '../../state/table.js';
import { StakeStatus } from '../nodes/index.js';
import type { Application } from './state.js';

export interface StakedAppCountView {
  readonly count: number;
}

const counts = (app: Application | undefined): number => (app !== undefined && app.status === StakeStatus.Staked && !app.jailed ? 1 : 0);

export class StakedApplicationCount implements StakedAppCountView {
  private total = 0;

  constructor(applications: Table<Application>) {
    for (const app of applications.unorderedValues()) this.total += counts(app);
    applications.onChange((_key, previous, next) => {
      this.total += counts(next) - counts(previous);
    });
  }

  get count(): number {
    return this.total;
  }
}
