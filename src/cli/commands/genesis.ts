/**
 * `pokt-ledger genesis inspect [file] [--json]` — import a genesis file and summarise it.
 */
import type { Command } from 'commander';
import { bundledMainnetGenesisPath } from '../../core/paths.js';
import { GenesisError, loadGenesisState } from '../../genesis/load.js';
import { summarizeGenesis, type GenesisSummary } from '../../genesis/summary.js';
import { CliError, printJson, writeStdout } from '../output.js';

const POKT = 1_000_000n;

function pokt(upokt: string): string {
  const value = BigInt(upokt);
  const whole = (value / POKT).toLocaleString('en-US');
  const fraction = (value % POKT).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} POKT` : `${whole}.${fraction} POKT`;
}

function printHuman(file: string, s: GenesisSummary): void {
  const lines = [
    `genesis     ${file}`,
    `chain id    ${s.chain_id}`,
    // An exported state looked like a genesis at 0 (QA of 2026-12-06): say where it stands.
    ...(s.height === 0 ? [] : [`height      ${s.height} (an exported state: a chain from it continues at ${s.height + 1})`]),
    `accounts    ${s.accounts}`,
    `validators  ${s.validators} (${s.jailed_validators} jailed)`,
    `apps        ${s.applications}`,
    `liquid      ${pokt(s.liquid_upokt)}`,
    `node stake  ${pokt(s.node_staked_upokt)}`,
    `app stake   ${pokt(s.app_staked_upokt)}`,
    `DAO         ${pokt(s.dao_upokt)}`,
    `supply      ${pokt(s.total_supply_upokt)} (${s.total_supply_upokt} uPOKT)${s.supply_balanced ? '' : '  ← NOT balanced'}`,
    `state root  ${s.state_root}`,
  ];
  if (s.params_defaulted.length > 0) lines.push(`defaulted   ${s.params_defaulted.join(', ')}`);
  writeStdout(lines.join('\n') + '\n');
}

export function inspectGenesis(file: string, json: boolean): void {
  try {
    const { doc, state } = loadGenesisState(file);
    const summary = summarizeGenesis(state, doc);
    if (json) printJson(summary);
    else printHuman(file, summary);
  } catch (error) {
    if (error instanceof GenesisError) throw new CliError(error.code, error.message, error.problems);
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new CliError('file_not_found', `no such file: ${file}`);
    throw error;
  }
}

export function registerGenesisCommands(program: Command): void {
  const genesis = program.command('genesis').description('pocket-core genesis files');
  genesis
    .command('inspect')
    .description('import a genesis file and print its summary (supply, accounts, validators, …)')
    .argument('[file]', 'genesis JSON (default: the bundled Pocket mainnet genesis)')
    .option('--json', 'one JSON object on stdout')
    .action((file: string | undefined, options: { json?: boolean }) => inspectGenesis(file ?? bundledMainnetGenesisPath(), options.json === true));
}
