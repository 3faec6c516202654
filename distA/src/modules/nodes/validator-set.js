import { consensusPower } from './state.js';
export function compareByPowerThenAddress(a, b) {
    if (a.power !== b.power)
        return a.power > b.power ? -1 : 1;
    return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
export function computeValidatorSet(validators, maxValidators) {
    const members = [];
    for (const validator of validators) {
        const power = consensusPower(validator);
        if (power > 0n)
            members.push({ address: validator.address, power });
    }
    members.sort(compareByPowerThenAddress);
    const limit = maxValidators < BigInt(members.length) ? Number(maxValidators) : members.length;
    return members.slice(0, limit);
}
//# sourceMappingURL=validator-set.js.map