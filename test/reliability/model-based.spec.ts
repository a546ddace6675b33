import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { startTestLedger, TEST_TODAY, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Model-based test: random sequences of every command run against the real API, next to a tiny model of
 * one sickness stoppage written independently from the rules engine (one daily IJ of 32.87 €, 3 days of
 * carence — ij-rules §3–5). After each step the balance, the backlog reason and the length of the history
 * the API reports must agree with the model; after each sequence the audit is clean.
 * Late facts (api.md "Late facts") are in the sequences: a corrected certificate (2 100 € a month), an early
 * end after full payment, a requalification as an occupational disease and back, and an annulment.
 *
 * Regularizations through earlier dates than the settled one are refused (a settlement never goes backwards,
 * issue 21); overlapping payment runs through two dates settle as one regularization through the later date.
 */
const START = '2025-06-10';
const END = '2025-06-29';
const DAILY_IJ_CENTS = 3_287; // 3 × 2 000 € / 91.25 = 65.75 €, × 50 % truncated (ij-rules §3)
const MAXIMUM_DAILY_CENTS = 4_147; // published sickness maximum for a start in 2025-04-01 … 2026-01-31
const CARENCE_DAYS = 3;
const OCCUPATIONAL_MAXIMUM_DAILY_CENTS = 31_425; // published 2025 occupational maximum, day 29 onwards (the advance ceiling)
/** The daily IJ by monthly gross and kind, worked out by hand (ij-rules §3). */
const DAILY_IJ: Record<number, Record<ModelKind, number>> = {
  // sickness: 6 000 / 91.25 = 65.75 → 32.87; occupational: 2 000 / 30.42 = 65.746… → 65.75, 60 % = 39.45
  200_000: { SICKNESS: DAILY_IJ_CENTS, OCCUPATIONAL_DISEASE: 3_945 },
  // sickness: 6 300 / 91.25 = 69.041… → 69.04, 50 % = 34.52; occupational: 2 100 / 30.42 = 69.033… → 69.03, 60 % = 41.418 → 41.41
  210_000: { SICKNESS: 3_452, OCCUPATIONAL_DISEASE: 4_141 },
};
/** Occupational days 1–28 are at 60 %: the model keeps an occupational stoppage within them. */
const OCCUPATIONAL_LOWER_DAYS = 28;
type ModelKind = 'SICKNESS' | 'OCCUPATIONAL_DISEASE';

const epochDay = (date: string) => LocalDate.parse(date).toEpochDay();

interface Model {
  endDate: string;
  lastDay?: string;
  kind: ModelKind;
  /** The months of the latest certificate (0 before any), and its monthly gross. */
  certificateMonths: 0 | 1 | 3;
  grossCents: number;
  annulled: boolean;
  closed: boolean;
  advancesCents: number;
  paymentsCents: number;
  recoveredCents: number;
  assessedCents: number;
  cancelledCents: number;
  /** Advances issued since the last regularization. */
  pendingAdvances: number;
  /** The latest `through` a regularization recorded. */
  settledThrough?: string;
  events: number;
  /** Transfers ordered: one per advance, one per regularization that pays. */
  transfers: number;
}

interface Real {
  ledger: TestLedger;
  stoppageId: string;
  policyholderId: string;
}

const effectiveEnd = (model: Model) => model.lastDay ?? model.endDate;
/** Both dates read within the stoppage's current last day (a late early end does not make a settlement go backwards). */
function movesSettlementBack(model: Model, through: string): boolean {
  if (model.settledThrough === undefined) return false;
  const within = (date: string) => (date < effectiveEnd(model) ? date : effectiveEnd(model));
  return within(through) < within(model.settledThrough);
}
const paidCents = (model: Model) => model.advancesCents + model.paymentsCents - model.recoveredCents;
const outstandingCents = (model: Model) => Math.max(0, model.assessedCents - model.cancelledCents - model.recoveredCents);

/** Sickness needs March–May, occupational May only (the last month before the stoppage). */
const certified = (model: Model) => (model.kind === 'SICKNESS' ? model.certificateMonths === 3 : model.certificateMonths > 0);
const stoppageDays = (model: Model, end = effectiveEnd(model)) => epochDay(end) - epochDay(START) + 1;

function entitlementCents(model: Model, through: string): number {
  if (model.annulled || !certified(model)) return 0;
  const last = Math.min(epochDay(through), epochDay(effectiveEnd(model)));
  const carence = model.kind === 'SICKNESS' ? CARENCE_DAYS : 0;
  const payableDays = Math.max(0, last - (epochDay(START) + carence) + 1);
  return payableDays * DAILY_IJ[model.grossCents][model.kind];
}

function expectedBacklogReason(model: Model): string | undefined {
  if (!model.annulled && !certified(model)) return 'MISSING_SALARY_CERTIFICATE';
  if (model.pendingAdvances > 0) return 'ADVANCE_NOT_REGULARIZED';
  const balance = entitlementCents(model, TEST_TODAY) - paidCents(model);
  if (balance > 0) return 'UNDERPAID';
  if (balance < 0) return 'OVERPAID';
  return undefined;
}

async function send(real: Real, path: string, body: unknown) {
  return real.ledger.command('clerk', `/v1/stoppages/${real.stoppageId}${path}`, body);
}

async function checkAgreement(model: Model, real: Real): Promise<void> {
  const balance = await real.ledger.get('auditor', `/v1/policyholders/${real.policyholderId}/balance?through=${TEST_TODAY}`);
  expect(balance.status).toBe(200);
  const expectedEntitlement = entitlementCents(model, TEST_TODAY);
  expect(balance.body).toMatchObject({
    entitlementCents: expectedEntitlement,
    paidCents: paidCents(model),
    balanceCents: expectedEntitlement - paidCents(model),
    overpaymentOutstandingCents: outstandingCents(model),
  });
  const history = await real.ledger.get('auditor', `/v1/policyholders/${real.policyholderId}/history`);
  expect(history.body).toHaveLength(model.events);
  const backlog = await real.ledger.get('auditor', `/v1/reports/regularization-backlog?through=${TEST_TODAY}`);
  const row = backlog.body.rows.find((candidate: { stoppageId: string }) => candidate.stoppageId === real.stoppageId);
  expect(row?.reason).toBe(expectedBacklogReason(model));
  // Money that moves (#17): every advance and every payment is one transfer of the same gross, ORDERED until a
  // payment run, and the ledger's reconciliation of allowances paid against transfers stays at 0.
  const transfers = await real.ledger.get('auditor', `/v1/policyholders/${real.policyholderId}/transfers?limit=1000`);
  const items = (transfers.body.items ?? []) as Array<{ grossCents: number; csgCents: number; crdsCents: number; netCents: number; status: string }>;
  expect(items.reduce((total, transfer) => total + transfer.grossCents, 0)).toBe(model.advancesCents + model.paymentsCents);
  expect(items.length).toBe(model.transfers);
  for (const transfer of items) expect(transfer.csgCents + transfer.crdsCents + transfer.netCents).toBe(transfer.grossCents);
  const disbursements = await real.ledger.get('auditor', `/v1/reports/disbursements?through=${TEST_TODAY}`);
  expect(disbursements.body.unreconciledCents).toBe(0);
}

type LedgerCommand = fc.AsyncCommand<Model, Real>;

class IssueAdvance implements LedgerCommand {
  constructor(readonly amountCents: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const days = stoppageDays(model);
    const maximumDaily = model.kind === 'SICKNESS' ? MAXIMUM_DAILY_CENTS : OCCUPATIONAL_MAXIMUM_DAILY_CENTS;
    const refused = model.annulled || model.closed || paidCents(model) + this.amountCents > maximumDaily * days;
    const response = await send(real, '/advances', { amountCents: this.amountCents, reason: 'model' });
    expect(response.status).toBe(refused ? 409 : 201);
    if (!refused) {
      model.advancesCents += this.amountCents;
      model.pendingAdvances++;
      // The advance and its transfer (#17).
      model.events += 2;
      model.transfers++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `IssueAdvance(${this.amountCents})`;
}

/** The months the current kind needs; a second one is a corrected certificate that replaces the first. */
class RecordCertificate implements LedgerCommand {
  constructor(readonly grossCents: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const months = model.kind === 'SICKNESS' ? ['2025-03', '2025-04', '2025-05'] : ['2025-05'];
    const response = await send(real, '/salary-certificate', { salaries: months.map((month) => ({ month, grossCents: this.grossCents })) });
    expect(response.status).toBe(model.annulled ? 409 : 200);
    if (!model.annulled) {
      model.certificateMonths = months.length as 1 | 3;
      model.grossCents = this.grossCents;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `RecordCertificate(${this.grossCents})`;
}

/** Sickness ↔ occupational disease (no accident day); kept within occupational days 1–28. */
class Requalify implements LedgerCommand {
  constructor(readonly kind: ModelKind) {}
  check = (model: Readonly<Model>) => this.kind === 'SICKNESS' || stoppageDays(model as Model) <= OCCUPATIONAL_LOWER_DAYS;
  async run(model: Model, real: Real) {
    const refused = model.annulled || model.kind === this.kind;
    const response = await send(real, '/requalification', { kind: this.kind, recognizedOn: '2025-09-15' });
    expect(response.status).toBe(refused ? 409 : 200);
    if (!refused) {
      expect(response.body).toEqual({ stoppageId: real.stoppageId, previousKind: model.kind, kind: this.kind });
      model.kind = this.kind;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `Requalify(${this.kind})`;
}

/** By a supervisor: nothing is due any more. */
class Annul implements LedgerCommand {
  check = () => true;
  async run(model: Model, real: Real) {
    const response = await real.ledger.command('supervisor', `/v1/stoppages/${real.stoppageId}/annulment`, { reason: 'model' });
    expect(response.status).toBe(model.annulled ? 409 : 200);
    if (!model.annulled) {
      model.annulled = true;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => 'Annul';
}

class Regularize implements LedgerCommand {
  constructor(readonly through: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const response = await send(real, '/regularizations', { through: this.through });
    if (!model.annulled && !certified(model)) {
      expect(response.status).toBe(409);
    } else if (movesSettlementBack(model, this.through)) {
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/regularization-before-settled-date$/u);
    } else {
      const { payment, assessed, cancelled, entitlement } = settlement(model, this.through);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        entitlementCents: entitlement,
        paidBeforeCents: paidCents(model),
        deltaCents: entitlement - paidCents(model),
        outcome: payment > 0 ? 'PAID' : assessed > 0 ? 'OVERPAYMENT_ASSESSED' : 'NOTHING_DUE',
      });
      applySettlement(model, this.through, { payment, assessed, cancelled });
      // A regularization that pays is followed by the payment to the policyholder (#12) and its transfer (#17).
      model.events += payment > 0 ? 3 : 1;
      if (payment > 0) model.transfers++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `Regularize(${this.through})`;
}

/** What a regularization through `through` settles (ij-rules §5: U = E − P + O). */
function settlement(model: Model, through: string) {
  const entitlement = entitlementCents(model, through);
  const unsettled = entitlement - paidCents(model) + outstandingCents(model);
  const cancelled = unsettled > 0 ? Math.min(outstandingCents(model), unsettled) : 0;
  const payment = unsettled > 0 ? unsettled - cancelled : 0;
  const assessed = unsettled < 0 ? -unsettled : 0;
  return { entitlement, payment, assessed, cancelled };
}

function applySettlement(model: Model, through: string, { payment, assessed, cancelled }: { payment: number; assessed: number; cancelled: number }) {
  model.paymentsCents += payment;
  model.assessedCents += assessed;
  model.cancelledCents += cancelled;
  model.pendingAdvances = 0;
  if (model.settledThrough === undefined || through > model.settledThrough) model.settledThrough = through;
  if (through >= effectiveEnd(model)) model.closed = true;
}

/** Payment runs already done in this ledger: a run's id derives from its date, so running it again does nothing. */
const doneRuns = new Set<string>();

/**
 * Two payment runs through different dates started at once (issue 21: overlapping runs booked fictitious
 * overpayments). Each settles only a stoppage with a certificate, a bank account and an amount to pay, and
 * skips one its date would settle backwards. Whatever their order, the money is that of one regularization
 * through the later date, and no overpayment is assessed. How many regularizations they record depends on
 * which reaches the stoppage first (the later one alone, or the earlier then the later, maybe a NOTHING_DUE
 * one), so the model reads that count from the history after checking each new event is a payment.
 */
class OverlappingPaymentRuns implements LedgerCommand {
  constructor(readonly first: string, readonly second: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const active = [this.first, this.second].filter((date) => !doneRuns.has(date));
    const historyBefore = await real.ledger.get('auditor', `/v1/policyholders/${real.policyholderId}/history`);
    const runs = await Promise.all(active.map((through) => real.ledger.command('supervisor', '/v1/payment-runs', { through })));
    for (const run of runs) {
      expect(run.status).toBe(202);
      await finishedRun(real.ledger, run.body.runId);
    }
    active.forEach((date) => doneRuns.add(date));
    const later = active.reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
    if (later !== undefined && certified(model) && !model.annulled && !movesSettlementBack(model, later)) {
      const outcome = settlement(model, later);
      if (outcome.payment > 0) applySettlement(model, later, outcome);
    }
    const historyAfter = await real.ledger.get('auditor', `/v1/policyholders/${real.policyholderId}/history`);
    const added = (historyAfter.body as Array<{ type: string; data: { outcome?: string } }>).slice(historyBefore.body.length);
    for (const event of added) {
      // A run's payment is ordered as a transfer and exported into its bank file (#17).
      expect(['StoppageRegularized', 'PaymentOrdered', 'TransferOrdered', 'TransferExported']).toContain(event.type);
      if (event.type === 'TransferOrdered') model.transfers++;
      if (event.type === 'StoppageRegularized') expect(['PAID', 'NOTHING_DUE']).toContain(event.data.outcome);
    }
    model.events += added.length;
    await checkAgreement(model, real);
  }
  toString = () => `OverlappingPaymentRuns(${this.first}, ${this.second})`;
}

async function finishedRun(ledger: TestLedger, runId: string) {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const response = await ledger.get('supervisor', `/v1/payment-runs/${runId}`);
    if (response.body.status !== 'running') {
      expect(response.body.status).toBe('done');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`payment run ${runId} did not finish`);
}

class Extend implements LedgerCommand {
  constructor(readonly newEndDate: string) {}
  check = (model: Readonly<Model>) => model.kind === 'SICKNESS' || stoppageDays(model as Model, this.newEndDate) <= OCCUPATIONAL_LOWER_DAYS;
  async run(model: Model, real: Real) {
    const refused = model.annulled || model.closed || model.lastDay !== undefined || this.newEndDate <= model.endDate;
    const response = await send(real, '/extensions', { newEndDate: this.newEndDate });
    expect(response.status).toBe(refused ? 409 : 200);
    if (!refused) {
      model.endDate = this.newEndDate;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `Extend(${this.newEndDate})`;
}

class EndEarly implements LedgerCommand {
  constructor(readonly lastDay: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    // Accepted after the stoppage was settled through its end: it reopens it (late fact).
    const refused = model.annulled || this.lastDay < START || this.lastDay >= effectiveEnd(model);
    const response = await send(real, '/early-end', { lastDay: this.lastDay });
    expect(response.status).toBe(refused ? 409 : 200);
    if (!refused) {
      model.lastDay = this.lastDay;
      model.closed = false;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `EndEarly(${this.lastDay})`;
}

class RecordRecovery implements LedgerCommand {
  constructor(readonly amountCents: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const refused = this.amountCents > outstandingCents(model);
    const response = await send(real, '/recoveries', { amountCents: this.amountCents });
    expect(response.status).toBe(refused ? 409 : 201);
    if (!refused) {
      model.recoveredCents += this.amountCents;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `RecordRecovery(${this.amountCents})`;
}

const commands = [
  fc.integer({ min: 1, max: 120_000 }).map((amount) => new IssueAdvance(amount)),
  fc.constantFrom(200_000, 200_000, 210_000).map((gross) => new RecordCertificate(gross)),
  fc.constantFrom<ModelKind>('OCCUPATIONAL_DISEASE', 'SICKNESS').map((kind) => new Requalify(kind)),
  fc.constant(new Annul()),
  fc.constantFrom('2025-06-12', '2025-06-15', '2025-06-25', '2025-06-29', '2025-07-20', '2025-08-31').map((through) => new Regularize(through)),
  fc.constantFrom('2025-06-29', '2025-07-05', '2025-07-20', '2025-08-10').map((date) => new Extend(date)),
  fc.constantFrom('2025-06-09', '2025-06-12', '2025-06-20', '2025-06-28', '2025-07-10').map((date) => new EndEarly(date)),
  fc.integer({ min: 1, max: 60_000 }).map((amount) => new RecordRecovery(amount)),
  // Two distinct days from 2025-06-08 to 2025-11-30, either order.
  fc
    .uniqueArray(fc.integer({ min: 0, max: 175 }), { minLength: 2, maxLength: 2 })
    .map(([first, second]) => new OverlappingPaymentRuns(LocalDate.of(2025, 6, 8).plusDays(first).toString(), LocalDate.of(2025, 6, 8).plusDays(second).toString())),
];

describe('the ledger against a model of what one policyholder is owed and was paid', () => {
  let ledger: TestLedger;
  let serial = 60_000;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('agrees after every step of random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (sequence) => {
        const stoppageId = randomUUID();
        const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: START, endDate: END });
        expect(opened.status).toBe(201);
        // A bank account, so that payment runs can pay the stoppage.
        const account = await ledger.command('clerk', `/v1/policyholders/${opened.body.policyholderId}/bank-account`, { iban: 'FR7630006000011234567890189', holderName: 'Model Holder' });
        expect(account.status).toBe(200);
        const model: Model = {
          endDate: END, kind: 'SICKNESS', certificateMonths: 0, grossCents: 200_000, annulled: false, closed: false, advancesCents: 0, paymentsCents: 0, recoveredCents: 0,
          assessedCents: 0, cancelledCents: 0, pendingAdvances: 0, events: 2, transfers: 0,
        };
        const real: Real = { ledger, stoppageId, policyholderId: opened.body.policyholderId };
        await checkAgreement(model, real);
        await fc.asyncModelRun(() => ({ model, real }), sequence);
        // Every regularization recorded, before and after the late facts, is reproduced by the audit.
        const audit = await ledger.get('auditor', '/v1/audit/verify');
        expect(audit.body.failures).toEqual([]);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 40), seed: Number(process.env.MODEL_SEED ?? 1_123) },
    );
  }, 240_000);
});
