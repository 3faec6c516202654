#!/usr/bin/env python3
"""Independent oracle for the ledger's numeric and session rules (python3 standard library only).

    python3 test/oracle/oracle.py [--out DIR]      (default DIR: test/oracle/verdicts)

For BigDec, PIP-22, MaxRelays and session selection it takes every case INPUT of the change
detectors under test/vectors/ (whose outputs the TypeScript produced — ignored here) plus cases
of its own aimed at boundaries, computes each output with go_dec.py / rules.py (written from
PROTOCOL.md and pocket-core's Go, never from the TypeScript), and writes one verdict file per
rule: {title, oracle, inputs, cases: [{description, input, output}]}. The uvu test
test/unit/oracle/python-oracle.test.ts holds the TypeScript to every verdict and, when python3
is on the machine, checks that the committed verdicts equal a fresh run. `npm run vectors`
runs this after the change detectors. Output is deterministic (no clock, no randomness).
"""
import hashlib
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the committed sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import go_dec as dec  # noqa: E402
import rules  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, '..', 'vectors')
GIGA = 10 ** 9


def read_inputs(name):
    with open(os.path.join(VECTORS, name), encoding='utf-8') as f:
        return [(c['description'], c['input']) for c in json.load(f)['cases']]


# --- BigDec ----------------------------------------------------------------------------

ERROR_KINDS = [
    (dec.Rejected, 'rejected'),
    (dec.Overflow, 'panic_overflow'),
    (dec.DivByZero, 'panic_division_by_zero'),
    (dec.IntRange, 'panic_integer_range'),
    (dec.ApproxRootError, 'approx_root_error'),
    (dec.NeverEnds, 'never_terminates'),
]

BINARY = {
    'add': dec.add, 'sub': dec.sub, 'mul': dec.mul, 'mulTruncate': dec.mul_truncate,
    'quo': dec.quo, 'quoTruncate': dec.quo_truncate, 'quoRoundUp': dec.quo_round_up,
}


def bigdec_compute(c):
    op = c['op']
    if op == 'fromString':
        return dec.to_str(dec.from_str(c['text']))
    a = dec.from_str(c['a'])
    if op in BINARY:
        return dec.to_str(BINARY[op](a, dec.from_str(c['b'])))
    if op == 'quoInt64':
        return dec.to_str(dec.quo_int(a, int(c['i'])))
    if op == 'mulInt64':
        return dec.to_str(dec.mul_int64(a, int(c['i'])))
    if op == 'roundInt':
        return str(dec.round_int(a))
    if op == 'truncateInt':
        return str(dec.truncate_int(a))
    if op == 'power':
        return dec.to_str(dec.power(a, int(c['k'])))
    if op == 'approxRoot':
        return dec.to_str(dec.approx_root(a, int(c['n'])))
    if op == 'fracPow':
        return dec.to_str(dec.frac_pow(a, dec.from_str(c['p']), int(c['denominator'])))
    raise ValueError('unknown bigdec op ' + op)


def bigdec_output(c):
    try:
        return {'result': bigdec_compute(c)}
    except tuple(kind for kind, _ in ERROR_KINDS) as error:
        return {'error': next(name for kind, name in ERROR_KINDS if isinstance(error, kind))}


# --- PIP-22 ----------------------------------------------------------------------------

def pip22_output(c):
    p = c['params']
    floor, ceiling = int(p['floorMultiplierUpokt']), int(p['weightCeilingUpokt'])
    exponent, w = dec.from_str(p['exponent']), dec.from_str(p['weightMultiplier'])
    if c['kind'] == 'weightForBin':
        return {'weight': dec.to_str(rules.weight_of_bin(int(c['bin']), exponent, w))}
    if c['kind'] == 'editStake':
        return {'reachesHigherBin': rules.edit_stake_reaches_higher_bin(int(c['newValueUpokt']), int(c['currentTokensUpokt']), floor, ceiling)}
    stake, m = int(c['stakeUpokt']), int(c['multiplierUpoktPerRelay'])
    weight = rules.weight_of_bin(rules.bin_of(stake, floor, ceiling), exponent, w)
    burn_weight = rules.weight_of_bin(rules.burn_bin(stake, floor, ceiling), exponent, w)
    return {
        'flooredStakeUpokt': str(rules.floored_stake(stake, floor, ceiling)),
        'bin': str(rules.bin_of(stake, floor, ceiling)),
        'weight': dec.to_str(weight),
        'rewardCoinsUpokt': str(rules.coins(m, int(c['relays']), weight)),
        'challengeBurnFlooredStakeUpokt': str(rules.burn_floored_stake(stake, floor, ceiling)),
        'challengeBurnBin': str(rules.burn_bin(stake, floor, ceiling)),
        'challengeBurnCoinsUpokt': str(rules.coins(m, int(c['challenges']), burn_weight)),
    }


def pip22_params(floor_giga, ceiling_giga, w='1', e='1'):
    return {'floorMultiplierUpokt': str(floor_giga * GIGA), 'weightCeilingUpokt': str(ceiling_giga * GIGA), 'weightMultiplier': w, 'exponent': e}


def pip22_boundary_cases():
    """Every bin edge and the ceiling, ±1 uPOKT: where a `<` for `<=` would show."""
    cases = []
    for ceiling in (60, 50):
        params = pip22_params(15, ceiling)
        edges = sorted({k * 15 * GIGA + d for k in range(0, 6) for d in (-1, 0, 1)} | {ceiling * GIGA + d for d in (-1, 0, 1)})
        for stake in (s for s in edges if s > 0):
            cases.append((f'oracle: stake {stake} at a bin edge, F=15e9, C={ceiling}e9', {
                'kind': 'stake', 'stakeUpokt': str(stake), 'relays': '10000', 'multiplierUpoktPerRelay': '1000', 'challenges': '3', 'params': params}))
        currents = [30 * GIGA - 1, 30 * GIGA, 31 * GIGA, 45 * GIGA, ceiling * GIGA - 1, ceiling * GIGA, 61 * GIGA]
        for current in currents:
            for new in sorted({current} | {e for e in edges if e >= current}):
                cases.append((f'oracle: edit stake {current} → {new}, F=15e9, C={ceiling}e9', {
                    'kind': 'editStake', 'newValueUpokt': str(new), 'currentTokensUpokt': str(current), 'params': params}))
    return cases


# --- MaxRelays -------------------------------------------------------------------------

def max_relays_output(c):
    max_relays = rules.calculate_app_relays(
        int(c['stakeUpokt']), int(c['baseRelaysPerPokt']), int(c['stabilityAdjustment']), c['participationRateOn'],
        int(c['appsStakedPoolUpokt']), int(c['nodesStakedPoolUpokt']), int(c['totalSupplyUpokt']))
    return {'maxRelays': str(max_relays), 'maxPossibleRelays': str(rules.max_possible_relays(max_relays, c['numChains'], int(c['sessionNodeCount'])))}


# --- Sessions --------------------------------------------------------------------------

def session_output(c):
    chain = c['chain']
    states = {}
    for i, address in enumerate(c['candidates']):
        states[address] = c['endState'].get(str(i), {})  # copies of an address carry one state

    def lookup(address):
        state = states.get(address)
        if state is None or state.get('missing'):
            return None
        return {'jailed': bool(state.get('jailed')), 'chains': state.get('chains', [chain])}

    key = rules.session_key(c['appPublicKey'], chain, c['blockHash'])
    common = {'headerHash': rules.header_hash(c['appPublicKey'], chain, c['sessionHeight']), 'key': key.hex()}
    try:
        nodes, draws = rules.session_nodes(key, c['candidates'], c['sessionNodeCount'], chain, int(c['maxChains']), lookup)
    except rules.InsufficientNodes:
        return {**common, 'error': 'pocketcore:17'}
    return {**common, 'nodes': nodes, 'draws': draws}


def label_hash(label):
    return hashlib.sha256(label.encode()).hexdigest()


def session_repeat_cases():
    """Candidate lists that name addresses twice (pocket-core's index cannot; the walk must cope)."""
    def case(label, distinct, copies, count, end_state=None):
        addresses = sorted(label_hash(f'{label}/node/{i}')[:40] for i in range(distinct))
        listed = sorted(addresses + [addresses[i] for i in copies])
        return (f'oracle: {len(listed)} listings of {distinct} addresses, count {count}', {
            'appPublicKey': label_hash(f'{label}/app'), 'chain': '0021', 'sessionHeight': 10001,
            'blockHash': label_hash(f'{label}/block'), 'sessionNodeCount': count, 'maxChains': '15',
            'candidates': listed, 'endState': end_state or {}})
    return [
        case('repeat-a', 3, [0, 2], 3),
        case('repeat-b', 10, list(range(10)), 5),
        case('repeat-c', 10, list(range(10)), 10),
        case('repeat-d', 2, [0, 1], 3),
        case('repeat-e', 1, [0], 2),
        case('repeat-f', 6, [1, 1, 4], 4),
    ]


# --- driver ----------------------------------------------------------------------------

RULES = [
    ('bigdec.json', 'pocket-core BigDec (types/decimal.go)', 'bigdec.change-detector.json', bigdec_output, list),
    ('pip22.json', 'PIP-22 bins, weights, rewards, challenge burn, edit-stake bins', 'pip22.change-detector.json', pip22_output, lambda own: own + pip22_boundary_cases()),
    ('max-relays.json', 'Application MaxRelays and MaxPossibleRelays', 'max-relays.change-detector.json', max_relays_output, list),
    ('sessions.json', 'Session node selection (NewSessionNodes)', 'sessions.change-detector.json', session_output, lambda own: own + session_repeat_cases()),
]


def main():
    out = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else os.path.join(HERE, 'verdicts')
    os.makedirs(out, exist_ok=True)
    for file, title, inputs, output_of, with_own_cases in RULES:
        cases = [{'description': d, 'input': i, 'output': output_of(i)} for d, i in with_own_cases(read_inputs(inputs))]
        doc = {
            'title': f'{title}: verdicts of the independent python oracle',
            'oracle': 'test/oracle/oracle.py (go_dec.py, rules.py); never edit by hand',
            'inputs': f'test/vectors/{inputs} (inputs only) + cases described "oracle: …"',
            'cases': cases,
        }
        with open(os.path.join(out, file), 'w', encoding='utf-8') as f:
            f.write(json.dumps(doc, indent=2, ensure_ascii=False) + '\n')
        print(f'{file}: {len(cases)} verdicts')


main()
