import { Money } from '@ij/money';
import { initialState, settle, stoppageAccount, type PolicyholderState, type StoppageRegularized } from '@ij/ledger';
import { getRulesVersion } from '@ij/rules';
import type { AuditFailure } from './audit-report';

/** The figures of a regularization an auditor reproduces (ij-rules §5, §6). */
const REPRODUCED_FIELDS = [
  'entitlementCents',
  'paidBeforeCents',
  'overpaymentOutstandingBeforeCents',
  'deltaCents',
  'outcome',
  'paymentCents',
  'overpaymentAssessedCents',
  'overpaymentCancelledCents',
] as const;

type ReproducedFigures = Pick<StoppageRegularized['data'], (typeof REPRODUCED_FIELDS)[number]>;

/**
 * Recomputes a recorded regularization from the state folded from the events before it, with the rules
 * version it recorded, and returns what differs (undefined when it is reproduced to the cent).
 */
export function reproduceRegularization(
  state: PolicyholderState = initialState(),
  { data }: StoppageRegularized,
  where: { streamId: string; revision: number },
): Omit<AuditFailure, 'streamId' | 'revision'> | undefined {
  const rules = getRulesVersion(data.rulesVersion);
  if (!rules) {
    return { kind: 'UNKNOWN_RULES_VERSION', actual: data.rulesVersion, detail: `regularization ${data.regularizationId} recorded rules version ${data.rulesVersion}, which this build does not release` };
  }
  if (!state.stoppages.has(data.stoppageId)) {
    return { kind: 'REGULARIZATION_MISMATCH', detail: `stoppage ${data.stoppageId} was not opened on ${where.streamId} before revision ${where.revision}` };
  }
  // Version 2 records the kind it was computed under: it must be the stoppage's kind at that point.
  const kindThen = state.stoppages.get(data.stoppageId)?.kind;
  if (data.kind !== undefined && data.kind !== kindThen) {
    return { kind: 'REGULARIZATION_MISMATCH', expected: { kind: kindThen }, actual: { kind: data.kind }, detail: `regularization ${data.regularizationId} recorded kind ${data.kind}, but stoppage ${data.stoppageId} was ${kindThen} at that point` };
  }
  const account = stoppageAccount(state, data.stoppageId, rules, data.through);
  if (account.entitlement.status !== 'COMPUTED') {
    return {
      kind: 'REGULARIZATION_MISMATCH',
      actual: pick(data),
      detail: `rules ${rules.version} cannot compute stoppage ${data.stoppageId} through ${data.through} from the events before it (${account.entitlement.status})`,
    };
  }
  const expected: ReproducedFigures = {
    entitlementCents: account.entitlementCents,
    paidBeforeCents: account.paidCents,
    overpaymentOutstandingBeforeCents: account.overpaymentOutstandingCents,
    ...settle(Money.fromCents(account.entitlementCents), Money.fromCents(account.paidCents), Money.fromCents(account.overpaymentOutstandingCents)),
  };
  const differing = REPRODUCED_FIELDS.filter((field) => expected[field] !== data[field]);
  if (differing.length === 0) return undefined;
  return {
    kind: 'REGULARIZATION_MISMATCH',
    expected: Object.fromEntries(differing.map((field) => [field, expected[field]])),
    actual: Object.fromEntries(differing.map((field) => [field, data[field]])),
    detail: `regularization ${data.regularizationId} of stoppage ${data.stoppageId} through ${data.through} under ${rules.version} is not reproduced: ${differing.join(', ')} differ`,
  };
}

function pick(data: StoppageRegularized['data']): ReproducedFigures {
  return Object.fromEntries(REPRODUCED_FIELDS.map((field) => [field, data[field]])) as ReproducedFigures;
}
