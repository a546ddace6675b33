import { foldEvents, type PolicyholderEvent, type PolicyholderState, type StoppageRegularized } from '@ij/ledger';
import type { MonthlySalary, StoppageKind } from '@ij/rules';

/** Small named builders of policyholder histories for the replay's tests (fixed data, no clock). */
export const THROUGH = '2025-04-10';

/** 3 × 4 000 €: the sickness salary cap binds on every month, so the daily IJ is the published maximum. */
export const SALARIES_4000: MonthlySalary[] = ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, grossCents: 400_000 }));

export interface StoppageSpec {
  stoppageId: string;
  kind?: StoppageKind;
  startDate: string;
  endDate: string;
  salaries?: MonthlySalary[];
  advancesCents?: number[];
  accidentDate?: string;
}

export function stoppageEvents(policyholderId: string, spec: StoppageSpec): PolicyholderEvent[] {
  const { stoppageId } = spec;
  const events: PolicyholderEvent[] = [
    {
      type: 'StoppageOpened',
      schemaVersion: 2,
      data: {
        stoppageId, policyholderId, kind: spec.kind ?? 'SICKNESS', startDate: spec.startDate, endDate: spec.endDate, openedOn: spec.startDate,
        ...(spec.accidentDate ? { accidentDate: spec.accidentDate } : {}),
      },
    },
  ];
  (spec.advancesCents ?? []).forEach((amountCents, index) =>
    events.push({ type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId, advanceId: `${stoppageId}-advance-${index}`, amountCents, reason: 'certificate pending', issuedOn: spec.startDate } }),
  );
  if (spec.salaries) events.push({ type: 'SalaryCertificateRecorded', schemaVersion: 1, data: { stoppageId, salaries: spec.salaries, recordedOn: spec.startDate } });
  return events;
}

export function regularized(data: Partial<StoppageRegularized['data']> & Pick<StoppageRegularized['data'], 'stoppageId' | 'through' | 'rulesVersion' | 'entitlementCents' | 'paidBeforeCents'>): StoppageRegularized {
  return {
    type: 'StoppageRegularized',
    schemaVersion: 2,
    data: {
      regularizationId: `${data.stoppageId}-regularization`,
      overpaymentOutstandingBeforeCents: 0,
      deltaCents: 0,
      outcome: 'NOTHING_DUE',
      paymentCents: 0,
      overpaymentAssessedCents: 0,
      overpaymentCancelledCents: 0,
      regularizedOn: data.through,
      ...data,
    },
  };
}

export function stateOf(events: PolicyholderEvent[]): PolicyholderState {
  return foldEvents(events);
}

/** The straddling case of issue #8: sickness from 2025-03-20 through 2025-04-10, 3 × 4 000 €. */
export function straddlingSickness(policyholderId: string, stoppageId: string, advancesCents: number[] = []): PolicyholderEvent[] {
  return stoppageEvents(policyholderId, { stoppageId, startDate: '2025-03-20', endDate: '2025-04-10', salaries: SALARIES_4000, advancesCents });
}

/** A population mixing the straddling case, stoppages the rules change does not touch, and missing certificates. */
export function populationEvents(size: number): Array<{ policyholderId: string; events: PolicyholderEvent[] }> {
  return Array.from({ length: size }, (_, index) => {
    const policyholderId = `ph-${String(index).padStart(4, '0')}`;
    const stoppageId = `st-${String(index).padStart(4, '0')}`;
    const advances = index % 2 === 0 ? [30_000] : [];
    const events =
      index % 4 === 0
        ? straddlingSickness(policyholderId, stoppageId, advances)
        : index % 4 === 1
          ? stoppageEvents(policyholderId, { stoppageId, startDate: '2025-04-14', endDate: '2025-05-02', salaries: ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, grossCents: 250_000 })), advancesCents: advances })
          : index % 4 === 2
            ? stoppageEvents(policyholderId, { stoppageId, startDate: '2025-03-03', endDate: '2025-03-25', advancesCents: advances })
            : [...straddlingSickness(policyholderId, stoppageId), ...stoppageEvents(policyholderId, { stoppageId: `${stoppageId}-b`, startDate: '2025-05-05', endDate: '2025-05-20', advancesCents: [10_000] })];
    return { policyholderId, events };
  });
}

export function population(size: number): Array<{ policyholderId: string; state: PolicyholderState }> {
  return populationEvents(size).map(({ policyholderId, events }) => ({ policyholderId, state: stateOf(events) }));
}
