import type { PoolClient } from 'pg';
import type { EventStore } from '@ij/event-store';
import { policyholderOfStream, policyholdersTouched, projectEvents } from '../model/project-events';
import type { RebuildProgress, RebuildResult } from '../read-model-store.port';
import { toDocument, writeDocuments, type PolicyholderRecord } from './postgres-read-model-rows';

const REBUILD_PAGE_SIZE = 2_000;

/**
 * The rebuild when the log is elsewhere (EventStoreDB), inside the caller's transaction (checkpoint locked,
 * models emptied): the log read in global order through the port up to its head, page by page, each page
 * folded exactly as the projector folds it (the same function, so rebuilt = incremental). The total is not
 * known in advance: progress reports it as what has been read so far. Returns the head as the checkpoint.
 */
export async function rebuildFromLog(client: PoolClient, s: string, log: EventStore, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
  const head = await log.headPosition();
  let position = 0n;
  let eventsFolded = 0;
  while (position < head) {
    const page = (await log.readAll({ fromPosition: position, limit: REBUILD_PAGE_SIZE })).filter((event) => event.position <= head);
    if (page.length === 0) break;
    const ids = policyholdersTouched(page);
    const { rows } = await client.query<PolicyholderRecord>(
      `SELECT policyholder_id, state_json, last_position FROM ${s}.rm_policyholders WHERE policyholder_id = ANY($1::text[])`,
      [ids],
    );
    await writeDocuments(client, s, projectEvents(page, new Map(rows.map((row) => [row.policyholder_id, toDocument(row)]))));
    eventsFolded += page.filter((event) => policyholderOfStream(event.streamId) !== undefined).length;
    position = page[page.length - 1].position;
    onProgress?.({ processed: eventsFolded, total: eventsFolded });
  }
  const { rows } = await client.query<{ policyholders: number; stoppages: number }>(
    `SELECT (SELECT COUNT(*) FROM ${s}.rm_policyholders)::int AS policyholders, (SELECT COUNT(*) FROM ${s}.rm_stoppages)::int AS stoppages`,
  );
  return { checkpoint: head, eventsFolded, policyholders: rows[0].policyholders, stoppages: rows[0].stoppages };
}
