/**
 * signing_infos: validators' downtime records with history. SigningInfosUpdated carries whole
 * records. Three node events change them by a rule of the evolvers, restated here in SQL:
 *   - NodeStaked creates a record (start = height, jailed_until = Unix 0) only if there is none
 *     (valStateChanges.go:312-321);
 *   - NodeStakeEdited and NodeUnjailed reset the counters (ResetSigningInfo), creating a record
 *     with jailed_until = Go zero time if there is none;
 *   - NodeUnstaked deletes it.
 */
import type { SigningInfo } from '../../modules/slashing/index.js';
import { defineProjector, type Write } from '../projector.js';
import { updateSql, versionSql, versionThen } from '../version-rows.js';

const COLUMNS = ['deleted', 'start_height', 'index_offset', 'jailed_until_ns', 'missed_blocks_counter', 'jailed_blocks_counter'];
type S = 'put' | 'createIfAbsent' | 'version' | 'reset' | 'remove';
type W = Write<S>;

const LIVE_NOW = `EXISTS (SELECT 1 FROM signing_infos s WHERE s.address = @address AND s.deleted = 0
  AND s.height = (SELECT max(height) FROM signing_infos WHERE address = @address))`;

function resetOrCreate(address: string, height: number): W[] {
  return [...versionThen(address, height, 'reset', {}), ['createIfAbsent', { address, height, jailed_until_ns: null }]];
}

export const signingInfosProjector = defineProjector({
  name: 'signing_infos',
  table: 'signing_infos',
  statements: {
    put: `INSERT OR REPLACE INTO signing_infos (address, height, ${COLUMNS.join(', ')}) VALUES (@address, @height, 0, @start_height, @index_offset, @jailed_until_ns, @missed_blocks_counter, @jailed_blocks_counter)`,
    createIfAbsent: `INSERT OR REPLACE INTO signing_infos (address, height, ${COLUMNS.join(', ')}) SELECT @address, @height, 0, @height, 0, @jailed_until_ns, 0, 0 WHERE NOT ${LIVE_NOW}`,
    version: versionSql('signing_infos', 'address', COLUMNS),
    reset: updateSql('signing_infos', 'address', 'index_offset = 0, missed_blocks_counter = 0, jailed_blocks_counter = 0') + ' AND deleted = 0',
    remove: updateSql('signing_infos', 'address', 'deleted = 1'),
  },
  handlers: {
    SigningInfosUpdated: ({ height, event }) => event.infos.map((info) => putRow(height, info)),
    NodeStaked: ({ height, event }) => [['createIfAbsent', { address: event.address, height, jailed_until_ns: 0n }]],
    NodeStakeEdited: ({ height, event }) => resetOrCreate(event.address, height),
    NodeUnjailed: ({ height, event }) => resetOrCreate(event.address, height),
    NodeUnstaked: ({ height, event }) => versionThen(event.address, height, 'remove', {}),
  },
  genesis: (state) => [...state.slashing.signingInfos.sortedEntries()].map(([, info]) => putRow(0, info)),
});

function putRow(height: number, info: SigningInfo): W {
  return [
    'put',
    {
      address: info.address,
      height,
      start_height: info.startHeight,
      index_offset: info.indexOffset,
      jailed_until_ns: info.jailedUntilNs,
      missed_blocks_counter: info.missedBlocksCounter,
      jailed_blocks_counter: info.jailedBlocksCounter,
    },
  ];
}
