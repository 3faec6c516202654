"""The ledger rules the oracle checks, written from PROTOCOL.md (§3.2-3.3 sessions, §5.2 PIP-22,
§1.1 edit-stake bins, §4.8 challenge burn, §7 MaxRelays) and the pocket-core Go it cites — not from
the TypeScript under test. Amounts are Python ints (uPOKT); Decs are go_dec scaled ints.
"""
import hashlib
import json

import go_dec as dec

PIP22_EXPONENT_DENOMINATOR = 100  # x/nodes/keeper/params.go:17
MAX_UINT64 = 2 ** 64 - 1


def euclid_mod(a, m):
    """sdk.BigInt.Mod: Euclidean, never negative (types/int.go)."""
    if m == 0:
        raise dec.DivByZero()
    return a % abs(m)


# --- PIP-22 (reward.go:27-51, slash.go:16-40, valStateChanges.go:224-233) ---------------

def floored_stake(stake, floor, ceiling):
    return min(stake - euclid_mod(stake, floor), ceiling - euclid_mod(ceiling, floor))


def bin_of(stake, floor, ceiling):
    return dec.quo_trunc(floored_stake(stake, floor, ceiling), floor)


def weight_of_bin(b, exponent, weight_multiplier):
    return dec.quo(dec.frac_pow(dec.from_int(b), exponent, PIP22_EXPONENT_DENOMINATOR), weight_multiplier)


def coins(multiplier, count, weight):
    """trunc((Dec(M) · Dec(count)) · weight), each · rounding half-even."""
    return dec.truncate_int(dec.mul(dec.mul(dec.from_int(multiplier), dec.from_int(count)), weight))


def burn_floored_stake(stake, floor, ceiling):
    """BurnForChallenge's floor, with its bug: the ceiling term subtracts STAKE mod F."""
    remainder = euclid_mod(stake, floor)
    return min(stake - remainder, ceiling - remainder)


def burn_bin(stake, floor, ceiling):
    return dec.quo_trunc(burn_floored_stake(stake, floor, ceiling), floor)


def edit_stake_reaches_higher_bin(amount, current_tokens, floor, ceiling):
    """ValidateEditStake under RSCAL&VEDIT: below C, floor(amount) must exceed the current stake."""
    if amount < ceiling:
        if amount - euclid_mod(amount, floor) <= current_tokens:
            return False
    return True


# --- MaxRelays (application.go:145-166; session.go:290-294) ----------------------------

def calculate_app_relays(stake, base_relays_per_pokt, stability_adjustment, participation_on, apps_pool, nodes_pool, total_supply):
    participation = dec.from_int(1)
    if participation_on:
        participation = dec.quo(dec.from_int(apps_pool + nodes_pool), dec.from_int(total_supply))
    base_percentage = dec.quo(dec.from_int(base_relays_per_pokt), dec.from_int(100))
    baseline = dec.mul(base_percentage, dec.quo(dec.from_int(stake), dec.from_int(1000000)))
    result = dec.truncate_int(dec.add(dec.mul(participation, baseline), dec.from_int(stability_adjustment)))
    return MAX_UINT64 if result >= MAX_UINT64 else result


def max_possible_relays(max_relays, num_chains, session_node_count):
    return dec.round_int(dec.quo(dec.quo(dec.from_int(max_relays), dec.from_int(num_chains)), dec.from_int(session_node_count)))


# --- Sessions (session.go:111-282; crypto.go:126-137) ----------------------------------

def sha3(data):
    return hashlib.sha3_256(data).digest()


def go_json(pairs):
    """Go encoding/json of a struct: declared field order, no spaces."""
    return '{' + ','.join(json.dumps(k) + ':' + (json.dumps(v) if isinstance(v, str) else str(v)) for k, v in pairs) + '}'


def header_hash(app_public_key, chain, session_height):
    return sha3(go_json([('app_public_key', app_public_key), ('chain', chain), ('session_height', session_height)]).encode()).hex()


def session_key(app_public_key, chain, block_hash):
    return sha3(go_json([('app_pub_key', app_public_key), ('chain', chain), ('blockchain', block_hash)]).encode())


class InsufficientNodes(Exception):
    pass


def session_nodes(key, candidates, count, chain, max_chains, lookup):
    """NewSessionNodes. `lookup(address)` → None (missing) or {'jailed', 'chains'}.

    pocket-core remembers examined ADDRESSES (map m) and stops when len(m) reaches len(list). A
    list naming an address twice never reaches that in Go (an endless loop); the ledger's
    documented choice is to stop once every list position has been drawn, which is the same
    moment for lists without copies. Returns (nodes, draws)."""
    total = len(candidates)
    if total < count:
        raise InsufficientNodes()
    examined, positions, nodes, draws = set(), set(), [], 0
    while True:
        if len(positions) >= total:
            raise InsufficientNodes()
        index = int.from_bytes(key[:8], 'big') % total
        key = sha3(key)
        draws += 1
        positions.add(index)
        address = candidates[index]
        if address in examined:
            continue
        examined.add(address)
        node = lookup(address)
        if node is None or len(node['chains']) > max_chains or node['jailed'] or chain not in node['chains'] or address in nodes:
            continue
        nodes.append(address)
        if len(nodes) == count:
            return nodes, draws
