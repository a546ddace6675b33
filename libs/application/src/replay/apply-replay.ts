import { createHash } from 'node:crypto';
import { canonicalJson } from '@ij/event-store';
import { isDomainError, type StoppageRegularized } from '@ij/ledger';
import { sumCents } from '@ij/money';
import { regularizationKeyOf, type ReplayRow } from '@ij/replay';
import type { Actor } from '../auth/api-keys';
import { derivedId, eventData } from '../commands/derived-id';
import type { CommandContext } from '../infrastructure/command-context';
import type { PolicyholderLedger } from '../infrastructure/policyholder-ledger';

/** Regularizations in flight at once (commands on one stream still run one after the other). */
const APPLY_CONCURRENCY = 8;

export interface ApplyReport {
  /** Regularizations issued (or found already issued by an earlier apply of this replay). */
  regularized: number;
  paidCents: number;
  assessedCents: number;
  byOutcome: Record<StoppageRegularized['data']['outcome'], number>;
  /** Stoppages the ledger refused to regularize (a domain error: e.g. through after today). */
  refused: Array<{ stoppageId: string; code: string; detail: string }>;
}

/**
 * `replay --apply`: one Regularize through the replay's date per row a Regularize would settle
 * (settlementCents ≠ 0, which includes every affected row), on the same command path as the API. The
 * idempotency key is derived from the replay id and the stoppage, so applying the same replay again, or
 * resuming after a crash, finds the regularizations already recorded instead of paying twice.
 */
export async function applyReplay(
  ledger: PolicyholderLedger,
  replay: { replayId: string; through: string },
  rows: readonly ReplayRow[],
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
): Promise<ApplyReport> {
  const settlements = rows.filter((row) => row.settlementCents !== 0);
  const report: ApplyReport = { regularized: 0, paidCents: 0, assessedCents: 0, byOutcome: { PAID: 0, OVERPAYMENT_ASSESSED: 0, NOTHING_DUE: 0 }, refused: [] };
  const regularizations: Array<StoppageRegularized['data']> = [];
  let next = 0;
  let done = 0;
  const work = async () => {
    while (next < settlements.length) {
      const row = settlements[next++];
      try {
        const regularization = await regularize(ledger, replay, row.stoppageId, actor);
        regularizations.push(regularization);
        report.byOutcome[regularization.outcome]++;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        report.refused.push({ stoppageId: row.stoppageId, code: error.code, detail: error.message });
      }
      onProgress?.(++done, settlements.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(APPLY_CONCURRENCY, settlements.length) }, work));
  return {
    ...report,
    regularized: regularizations.length,
    paidCents: sumCents(regularizations.map((regularization) => regularization.paymentCents)),
    assessedCents: sumCents(regularizations.map((regularization) => regularization.overpaymentAssessedCents)),
  };
}

async function regularize(ledger: PolicyholderLedger, replay: { replayId: string; through: string }, stoppageId: string, actor: Actor) {
  const request = { replayId: replay.replayId, stoppageId, through: replay.through };
  const context: CommandContext = {
    actor,
    idempotencyKey: regularizationKeyOf(replay.replayId, stoppageId),
    requestHash: createHash('sha256').update(`replay-apply\n${canonicalJson(request)}`).digest('hex'),
    correlationId: `replay-${replay.replayId}`,
    causationId: `replay-${replay.replayId}-${stoppageId}`,
  };
  const command = { type: 'Regularize' as const, stoppageId, regularizationId: derivedId(context, 'regularization'), through: replay.through };
  const { events } = await ledger.decideOnStoppage(command, context);
  return eventData<StoppageRegularized['data']>(events, 'StoppageRegularized');
}
