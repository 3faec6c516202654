import { StakeStatus } from '../nodes/index.js';
const counts = (app) => (app !== undefined && app.status === StakeStatus.Staked && !app.jailed ? 1 : 0);
export class StakedApplicationCount {
    total = 0;
    constructor(applications) {
        for (const app of applications.unorderedValues())
            this.total += counts(app);
        applications.onChange((_key, previous, next) => {
            this.total += counts(next) - counts(previous);
        });
    }
    get count() {
        return this.total;
    }
}
//# sourceMappingURL=staked-count.js.map