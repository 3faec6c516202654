/**
 * signing_infos: validators' downtime records with history. SigningInfosUpdated carries whole
 * records. Three node events change them by a rule of the evolvers, restated here:
 *   - NodeStaked creates a record (start = height, jailed_until = Unix 0) only if there is none
 *     (valStateChanges.go:312-321);
 *   - NodeStakeEdited and NodeUnjailed reset the counters (ResetSigningInfo), creating a record
 *     with jailed_until = Go zero time if there is none;
 *   - NodeUnstaked deletes it.
 */
import type { SigningInfo } from '../../modules/slashing/index.js';
import { defineProjector } from '../projector.js';
import { positions, SIGNING_INFO_COLUMNS, SIGNING_INFOS, type Row } from '../tables.js';
import { VersionedRows } from '../version-rows.js';

const I = positions(SIGNING_INFO_COLUMNS);

function infoRow(height: number, info: SigningInfo): Row {
  return [info.address, height, 0, info.startHeight, info.indexOffset, info.jailedUntilNs, info.missedBlocksCounter, info.jailedBlocksCounter];
}

const live = (row: Row | undefined): boolean => row !== undefined && Number(row[I.deleted]) === 0;

export const signingInfosProjector = defineProjector(() => {
  const rows = new VersionedRows(SIGNING_INFOS);
  const createIfAbsent = (address: string, height: number, jailedUntilNs: bigint | null): void => {
    if (!live(rows.peek(address))) rows.put([address, height, 0, height, 0, jailedUntilNs, 0, 0]);
  };
  const resetOrCreate = (address: string, height: number): void => {
    const row = rows.at(address, height);
    if (live(row)) {
      row![I.index_offset] = 0;
      row![I.missed_blocks_counter] = 0;
      row![I.jailed_blocks_counter] = 0;
    }
    createIfAbsent(address, height, null);
  };
  return {
    name: 'signing_infos',
    tables: [SIGNING_INFOS],
    handlers: {
      SigningInfosUpdated: ({ height, event }) => {
        for (const info of event.infos) rows.put(infoRow(height, info));
      },
      NodeStaked: ({ height, event }) => createIfAbsent(event.address, height, 0n),
      NodeStakeEdited: ({ height, event }) => resetOrCreate(event.address, height),
      NodeUnjailed: ({ height, event }) => resetOrCreate(event.address, height),
      NodeUnstaked: ({ height, event }) => {
        const row = rows.at(event.address, height);
        if (row !== undefined) row[I.deleted] = 1;
      },
    },
    genesis: (state) => {
      for (const [, info] of state.slashing.signingInfos.sortedEntries()) rows.put(infoRow(0, info));
    },
    flush: (sink) => rows.flush(sink),
    resume: (_table, resumed) => rows.resume(resumed),
  };
});
