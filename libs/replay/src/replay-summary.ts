import { Money, sum } from '@ij/money';
import type { ReplayRow } from './replay-row';

/** The figures of GET /v1/replays/{id} (api.md): over rows with deltaCents ≠ 0. */
export interface ReplaySummary {
  /** Rows with deltaCents ≠ 0. */
  affected: number;
  /** Sum of the positive deltas. */
  underpaidCents: number;
  /** Sum of the negative deltas, as a positive number. */
  overpaidCents: number;
  /** Rows a Regularize would settle (settlementCents ≠ 0), affected or not: what `--apply` issues. */
  settlements: number;
}

export function summarize(rows: Iterable<ReplayRow>): ReplaySummary {
  const underpaid: Money[] = [];
  const overpaid: Money[] = [];
  let affected = 0;
  let settlements = 0;
  for (const row of rows) {
    if (row.settlementCents !== 0) settlements++;
    if (row.deltaCents === 0) continue;
    affected++;
    const delta = Money.fromCents(row.deltaCents);
    if (delta.isPositive()) underpaid.push(delta);
    else overpaid.push(delta.negate());
  }
  return { affected, underpaidCents: sum(underpaid).toCents(), overpaidCents: sum(overpaid).toCents(), settlements };
}
