import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { LocalDate } from '@js-joda/core';
import { startTestLedger, TEST_TODAY, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Model-based test: random sequences of every command run against the real API, next to a tiny model of
 * one sickness stoppage written independently from the rules engine (one daily IJ of 32.87 €, 3 days of
 * carence — ij-rules §3–5). After each step the balance, the backlog reason and the length of the history
 * the API reports must agree with the model.
 */
const START = '2025-06-10';
const END = '2025-06-29';
const DAILY_IJ_CENTS = 3_287; // 3 × 2 000 € / 91.25 = 65.75 €, × 50 % truncated (ij-rules §3)
const MAXIMUM_DAILY_CENTS = 4_147; // published sickness maximum for a start in 2025-04-01 … 2026-01-31
const CARENCE_DAYS = 3;

const epochDay = (date: string) => LocalDate.parse(date).toEpochDay();

interface Model {
  endDate: string;
  lastDay?: string;
  certified: boolean;
  closed: boolean;
  advancesCents: number;
  paymentsCents: number;
  recoveredCents: number;
  assessedCents: number;
  cancelledCents: number;
  /** Advances issued since the last regularization. */
  pendingAdvances: number;
  events: number;
}

interface Real {
  ledger: TestLedger;
  stoppageId: string;
  policyholderId: string;
}

const effectiveEnd = (model: Model) => model.lastDay ?? model.endDate;
const paidCents = (model: Model) => model.advancesCents + model.paymentsCents - model.recoveredCents;
const outstandingCents = (model: Model) => Math.max(0, model.assessedCents - model.cancelledCents - model.recoveredCents);

function entitlementCents(model: Model, through: string): number {
  if (!model.certified) return 0;
  const last = Math.min(epochDay(through), epochDay(effectiveEnd(model)));
  const payableDays = Math.max(0, last - (epochDay(START) + CARENCE_DAYS) + 1);
  return payableDays * DAILY_IJ_CENTS;
}

function expectedBacklogReason(model: Model): string | undefined {
  if (!model.certified) return 'MISSING_SALARY_CERTIFICATE';
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
}

type LedgerCommand = fc.AsyncCommand<Model, Real>;

class IssueAdvance implements LedgerCommand {
  constructor(readonly amountCents: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const days = epochDay(effectiveEnd(model)) - epochDay(START) + 1;
    const refused = model.closed || paidCents(model) + this.amountCents > MAXIMUM_DAILY_CENTS * days;
    const response = await send(real, '/advances', { amountCents: this.amountCents, reason: 'model' });
    expect(response.status).toBe(refused ? 409 : 201);
    if (!refused) {
      model.advancesCents += this.amountCents;
      model.pendingAdvances++;
      model.events++;
    }
    await checkAgreement(model, real);
  }
  toString = () => `IssueAdvance(${this.amountCents})`;
}

class RecordCertificate implements LedgerCommand {
  check = () => true;
  async run(model: Model, real: Real) {
    const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
    expect((await send(real, '/salary-certificate', { salaries })).status).toBe(200);
    model.certified = true;
    model.events++;
    await checkAgreement(model, real);
  }
  toString = () => 'RecordCertificate';
}

class Regularize implements LedgerCommand {
  constructor(readonly through: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const response = await send(real, '/regularizations', { through: this.through });
    if (!model.certified) {
      expect(response.status).toBe(409);
    } else {
      const entitlement = entitlementCents(model, this.through);
      const unsettled = entitlement - paidCents(model) + outstandingCents(model);
      const cancelled = unsettled > 0 ? Math.min(outstandingCents(model), unsettled) : 0;
      const payment = unsettled > 0 ? unsettled - cancelled : 0;
      const assessed = unsettled < 0 ? -unsettled : 0;
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        entitlementCents: entitlement,
        paidBeforeCents: paidCents(model),
        deltaCents: entitlement - paidCents(model),
        outcome: payment > 0 ? 'PAID' : assessed > 0 ? 'OVERPAYMENT_ASSESSED' : 'NOTHING_DUE',
      });
      model.paymentsCents += payment;
      model.assessedCents += assessed;
      model.cancelledCents += cancelled;
      model.pendingAdvances = 0;
      if (this.through >= effectiveEnd(model)) model.closed = true;
      // A regularization that pays is followed by the order of the transfer to the policyholder (#12).
      model.events += payment > 0 ? 2 : 1;
    }
    await checkAgreement(model, real);
  }
  toString = () => `Regularize(${this.through})`;
}

class Extend implements LedgerCommand {
  constructor(readonly newEndDate: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const refused = model.closed || model.lastDay !== undefined || this.newEndDate <= model.endDate;
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
    const refused = model.closed || this.lastDay < START || this.lastDay >= effectiveEnd(model);
    const response = await send(real, '/early-end', { lastDay: this.lastDay });
    expect(response.status).toBe(refused ? 409 : 200);
    if (!refused) {
      model.lastDay = this.lastDay;
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
  fc.constant(new RecordCertificate()),
  fc.constantFrom('2025-06-12', '2025-06-15', '2025-06-25', '2025-06-29', '2025-07-20', '2025-08-31').map((through) => new Regularize(through)),
  fc.constantFrom('2025-06-29', '2025-07-05', '2025-07-20', '2025-08-10').map((date) => new Extend(date)),
  fc.constantFrom('2025-06-09', '2025-06-12', '2025-06-20', '2025-06-28', '2025-07-10').map((date) => new EndEarly(date)),
  fc.integer({ min: 1, max: 60_000 }).map((amount) => new RecordRecovery(amount)),
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
        const model: Model = {
          endDate: END, certified: false, closed: false, advancesCents: 0, paymentsCents: 0, recoveredCents: 0,
          assessedCents: 0, cancelledCents: 0, pendingAdvances: 0, events: 1,
        };
        const real: Real = { ledger, stoppageId, policyholderId: opened.body.policyholderId };
        await checkAgreement(model, real);
        await fc.asyncModelRun(() => ({ model, real }), sequence);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 40), seed: Number(process.env.MODEL_SEED ?? 1_123) },
    );
  }, 240_000);
});
