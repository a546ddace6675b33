import { Money, sum } from '@ij/money';
import { PAYMENT_RUN_EVENT_TYPES, type ExportedTotals, type PaymentRunCompleted, type PaymentRunCompletedV1Data, type PaymentRunEvent } from '../payment-runs/payment-run-events';
import type { BankAccountRecorded, BankAccountRecordedV1 } from './payment-events';
import { POLICYHOLDER_EVENT_TYPES, type PolicyholderEvent } from './policyholder-events';
import type { RulesVersionActivated } from './rules-events';
import type { StoppageIdReserved } from './stoppage-id-events';

export type AnyLedgerEvent = PolicyholderEvent | RulesVersionActivated | StoppageIdReserved | PaymentRunEvent;

/** A Set: every stored event is looked up here once per read, a million times in a rebuild. */
const KNOWN_TYPES: ReadonlySet<string> = new Set([...POLICYHOLDER_EVENT_TYPES, 'RulesVersionActivated', 'StoppageIdReserved', ...PAYMENT_RUN_EVENT_TYPES]);

/** The current schema version of each type whose shape changed; every other type is at version 1. */
const CURRENT_VERSIONS: Readonly<Record<string, number>> = { BankAccountRecorded: 2, PaymentRunCompleted: 2, StoppageOpened: 2, StoppageRegularized: 2 };

/** A stored event the code cannot read: a bug or a newer writer, never a domain refusal. */
export class UnsupportedEventSchema extends Error {
  readonly code = 'unsupported-event-schema';
  constructor(readonly type: string, readonly schemaVersion: number) {
    super(`No reader for event ${type} schema version ${schemaVersion}`);
    this.name = 'UnsupportedEventSchema';
  }
}

/**
 * Turns a stored envelope into the current shape of its event. A type whose shape changed has an
 * upcaster from each earlier version here, and an earlier version keeps its meaning.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): AnyLedgerEvent {
  const current = CURRENT_VERSIONS[type] ?? 1;
  if (!KNOWN_TYPES.has(type) || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) throw new UnsupportedEventSchema(type, schemaVersion);
  if (schemaVersion === current) return { type, schemaVersion, data } as AnyLedgerEvent;
  // StoppageOpened 1 → 2 adds the optional `employerId` (none was recorded then); StoppageRegularized 1 → 2
  // adds the `kind` it was computed under (a version 1 event is read without it: the kind is the stoppage's
  // as folded up to the event, see evolve). Neither needs its data changed.
  if (type === 'StoppageOpened' || type === 'StoppageRegularized') return { type, schemaVersion: current, data } as AnyLedgerEvent;
  if (type === 'BankAccountRecorded') return bankAccountRecordedV2((data as BankAccountRecordedV1['data']));
  return paymentRunCompletedV2(data as PaymentRunCompletedV1Data);
}

/** An account recorded before #21 was usable at once: it does not wait for a confirmation. */
function bankAccountRecordedV2(data: BankAccountRecordedV1['data']): BankAccountRecorded {
  return { type: 'BankAccountRecorded', schemaVersion: 2, data: { ...data, recordedBy: 'unknown', awaitsConfirmation: false } };
}

/** A release-13 run held its payments: its bank file stays those payments, with the figures read from them. */
function paymentRunCompletedV2(data: PaymentRunCompletedV1Data): PaymentRunCompleted {
  const { payments, skipped, ...figures } = data;
  const carried = payments.filter((payment) => payment.netCents > 0 && payment.creditorAccount !== undefined);
  const totalOf = (list: typeof carried) => ({ count: list.length, netCents: sum(list.map((payment) => Money.fromCents(payment.netCents))).toCents() });
  const exported: ExportedTotals = {
    ...totalOf(carried),
    byPayee: { POLICYHOLDER: totalOf(carried.filter((payment) => payment.payee === 'POLICYHOLDER')), EMPLOYER: totalOf(carried.filter((payment) => payment.payee === 'EMPLOYER')) },
  };
  return {
    type: 'PaymentRunCompleted',
    schemaVersion: 2,
    data: { ...figures, reordered: 0, exported, skipped: skipped.map((item) => ({ ...item, reason: item.reason as PaymentRunCompleted['data']['skipped'][number]['reason'] })), legacyPayments: payments },
  };
}

/** The current shape of events a command recorded (or found on a repeat), typed by their `type`. */
export function upcastAll(events: ReadonlyArray<{ type: string; schemaVersion: number; data: unknown }>): AnyLedgerEvent[] {
  return events.map((event) => upcast(event.type, event.schemaVersion, event.data));
}
