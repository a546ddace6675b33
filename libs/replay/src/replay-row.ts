import { Money } from '@ij/money';
import {
  entitlementCentsOf,
  paymentTotals,
  stateEntitlementCents,
  type PolicyholderState,
} from '@ij/ledger';
import type { RulesVersion, StoppageEntitlementCents, StoppageKind } from '@ij/rules';

/**
 * One stoppage seen under two rules versions (api.md, "Replay figures"):
 * deltaCents = replayedCents − currentCents is the effect of the rules change alone;
 * settlementCents = replayedCents − paidCents is what a Regularize under the replayed version would pay
 * (positive) or assess (negative).
 */
export interface ReplayRow {
  policyholderId: string;
  stoppageId: string;
  kind: StoppageKind;
  /** Entitlement through `through` under the active rules version (0 when it cannot be computed). */
  currentCents: number;
  /** The same under the replayed version. */
  replayedCents: number;
  /** advances + regularization payments − recoveries. */
  paidCents: number;
  deltaCents: number;
  /**
   * replayedCents − paidCents; 0 when there is nothing a Regularize could settle: the replayed version
   * cannot compute the entitlement (missing salary certificate, no parameters) or the stoppage starts after `through`.
   */
  settlementCents: number;
  /** The replayed entitlement's status: COMPUTED, MISSING_SALARY_CERTIFICATE or NO_PARAMETERS_FOR_DATE. */
  entitlementStatus: StoppageEntitlementCents['status'];
}

export interface ReplayVersions {
  /** The active version: what the ledger computes today. */
  current: RulesVersion;
  /** The version being replayed. */
  replayed: RulesVersion;
}

/** Every stoppage of one policyholder under both versions, in opening order. Pure: no I/O, no clock. */
export function replayPolicyholder(policyholderId: string, state: PolicyholderState, versions: ReplayVersions, through: string): ReplayRow[] {
  if (state.stoppages.size === 0) return [];
  // Only the cents matter here: the fast path skips day lines and explanations (same cents, property-tested in libs/rules).
  const current = byStoppage(stateEntitlementCents(versions.current, state, through));
  const replayed = versions.replayed === versions.current ? current : byStoppage(stateEntitlementCents(versions.replayed, state, through));
  const rows: ReplayRow[] = [];
  for (const stoppage of state.stoppages.values()) {
    const currentEntitlement = required(current, stoppage.stoppageId);
    const replayedEntitlement = required(replayed, stoppage.stoppageId);
    const currentAmount = Money.fromCents(entitlementCentsOf(currentEntitlement));
    const replayedAmount = Money.fromCents(entitlementCentsOf(replayedEntitlement));
    const paid = paymentTotals(stoppage).paid;
    const settleable = replayedEntitlement.status === 'COMPUTED' && stoppage.startDate <= through;
    rows.push({
      policyholderId,
      stoppageId: stoppage.stoppageId,
      kind: stoppage.kind,
      currentCents: currentAmount.toCents(),
      replayedCents: replayedAmount.toCents(),
      paidCents: paid.toCents(),
      deltaCents: replayedAmount.minus(currentAmount).toCents(),
      settlementCents: settleable ? replayedAmount.minus(paid).toCents() : 0,
      entitlementStatus: replayedEntitlement.status,
    });
  }
  return rows;
}

/** A row worth keeping: the rules change moves it, or a Regularize would settle something. */
export function isNoteworthy(row: ReplayRow): boolean {
  return row.deltaCents !== 0 || row.settlementCents !== 0;
}

/** The order of every diff: by policyholder, then stoppage (code-unit order, as COLLATE "C"). */
export function compareRows(left: ReplayRow, right: ReplayRow): number {
  if (left.policyholderId !== right.policyholderId) return left.policyholderId < right.policyholderId ? -1 : 1;
  if (left.stoppageId !== right.stoppageId) return left.stoppageId < right.stoppageId ? -1 : 1;
  return 0;
}

function byStoppage(entitlements: StoppageEntitlementCents[]): Map<string, StoppageEntitlementCents> {
  return new Map(entitlements.map((entitlement) => [entitlement.stoppageId, entitlement]));
}

/** The rules engine answers for every stoppage it was given; a missing answer is a bug, not a refusal. */
function required(entitlements: Map<string, StoppageEntitlementCents>, stoppageId: string): StoppageEntitlementCents {
  const entitlement = entitlements.get(stoppageId);
  if (!entitlement) throw new Error(`The rules engine returned no entitlement for stoppage ${stoppageId}`);
  return entitlement;
}
