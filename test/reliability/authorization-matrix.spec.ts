import { randomUUID } from 'node:crypto';
import { camt054Document } from '@ij/application';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * The authorization matrix as data: every route × every caller (each role alone, no key, an unknown key)
 * → refused with 401/403, or let through. A route missing from this table fails the last test, so a new
 * route cannot ship without deciding who may call it.
 */
type Caller = 'clerk' | 'supervisor' | 'auditor' | 'none' | 'unknown';
const CALLERS: Caller[] = ['clerk', 'supervisor', 'auditor', 'none', 'unknown'];
type Role = 'clerk' | 'supervisor' | 'auditor';

interface RouteAccess {
  method: 'GET' | 'POST';
  path: string;
  /** Who may call it; 'public' = no key needed; 'any' = any valid key. */
  allowed: Role[] | 'public' | 'any';
  body?: () => unknown;
  /** An XML body (bank reports) instead of JSON. */
  xml?: () => string;
}

const STOPPAGE = '00000000-0000-4000-8000-000000000001';
const MATRIX: RouteAccess[] = [
  { method: 'GET', path: '/health', allowed: 'public' },
  { method: 'GET', path: '/health/ready', allowed: 'public' },
  { method: 'GET', path: '/metrics', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/docs', allowed: 'public' },
  { method: 'POST', path: '/v1/stoppages', allowed: ['clerk'], body: () => ({ stoppageId: randomUUID(), nir: testNir(31_000 + Math.floor(Math.random() * 1000)), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/extensions`, allowed: ['clerk'], body: () => ({ newEndDate: '2025-07-30' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/early-end`, allowed: ['clerk'], body: () => ({ lastDay: '2025-06-20' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/salary-certificate`, allowed: ['clerk'], body: () => ({ salaries: [{ month: '2025-05', grossCents: 1 }] }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/advances`, allowed: ['clerk'], body: () => ({ amountCents: 100, reason: 'matrix' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/regularizations`, allowed: ['clerk'], body: () => ({ through: '2025-06-20' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/recoveries`, allowed: ['clerk'], body: () => ({ amountCents: 1 }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/requalification`, allowed: ['clerk'], body: () => ({ kind: 'OCCUPATIONAL_DISEASE', recognizedOn: '2025-09-15' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/annulment`, allowed: ['supervisor'], body: () => ({ reason: 'matrix' }) },
  { method: 'GET', path: '/v1/rules', allowed: 'any' },
  { method: 'POST', path: '/v1/rules/active', allowed: ['supervisor'], body: () => ({ version: '2026.2' }) },
  { method: 'GET', path: `/v1/stoppages/${STOPPAGE}`, allowed: ['clerk', 'auditor'] },
  { method: 'GET', path: `/v1/stoppages/${STOPPAGE}/entitlement`, allowed: ['clerk', 'auditor'] },
  { method: 'POST', path: '/v1/policyholders/search', allowed: ['clerk', 'auditor'], body: () => ({ nir: testNir(1) }) },
  { method: 'GET', path: '/v1/policyholders/unknown-policyholder/balance', allowed: ['clerk', 'auditor', 'supervisor'] },
  { method: 'GET', path: '/v1/policyholders/unknown-policyholder/history', allowed: ['auditor'] },
  { method: 'GET', path: '/v1/policyholders/unknown-policyholder/statements/2026', allowed: ['clerk', 'auditor'] },
  { method: 'GET', path: '/v1/reports/regularization-backlog', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/policyholders/unknown-policyholder/status', allowed: ['clerk'] },
  { method: 'GET', path: '/v1/reports/timeliness', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/reports/missing-certificates', allowed: ['supervisor'] },
  { method: 'POST', path: '/v1/replays', allowed: ['auditor', 'supervisor'], body: () => ({ rulesVersion: '2026.2', through: '2025-06-30' }) },
  { method: 'GET', path: `/v1/replays/${STOPPAGE}`, allowed: ['auditor', 'supervisor'] },
  { method: 'GET', path: `/v1/replays/${STOPPAGE}/diff`, allowed: ['auditor', 'supervisor'] },
  { method: 'GET', path: '/v1/audit/verify', allowed: ['auditor'] },
  { method: 'POST', path: '/v1/policyholders/unknown-policyholder/bank-account', allowed: ['clerk'], body: () => ({ iban: 'FR7630006000011234567890189', holderName: 'Matrix' }) },
  { method: 'POST', path: `/v1/stoppages/${STOPPAGE}/subrogations`, allowed: ['clerk'], body: () => ({ employerId: 'siret-1', from: '2025-06-12', to: '2025-06-20' }) },
  { method: 'POST', path: '/v1/payment-runs', allowed: ['supervisor'], body: () => ({ through: '2025-06-30' }) },
  { method: 'GET', path: `/v1/payment-runs/${STOPPAGE}`, allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: `/v1/payment-runs/${STOPPAGE}/pain001`, allowed: ['supervisor'] },
  { method: 'POST', path: '/v1/bank-reports', allowed: ['supervisor'], xml: () => camt054Document({ messageId: 'MATRIX-1', createdOn: '2025-07-01', entries: [{ endToEndId: 'MATRIX0001', amountCents: 100, bookedOn: '2025-07-01' }] }) },
  { method: 'POST', path: '/v1/policyholders/unknown-policyholder/bank-account/confirmation', allowed: ['supervisor'], body: () => ({}) },
  { method: 'GET', path: '/v1/transfers', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/policyholders/unknown-policyholder/transfers', allowed: ['clerk', 'auditor'] },
  { method: 'GET', path: '/v1/reports/disbursements', allowed: ['supervisor', 'auditor'] },
];

function expectedOutcome(route: RouteAccess, caller: Caller): 'allowed' | 401 | 403 {
  if (route.allowed === 'public') return 'allowed';
  if (caller === 'none' || caller === 'unknown') return 401;
  if (route.allowed === 'any' || route.allowed.includes(caller)) return 'allowed';
  return 403;
}

describe('authorization matrix', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const cases = MATRIX.flatMap((route) => CALLERS.map((caller) => ({ route, caller, expected: expectedOutcome(route, caller) })));

  it.each(cases.map((entry) => [`${entry.route.method} ${entry.route.path}`, entry.caller, entry.expected, entry.route] as const))(
    '%s as %s → %s',
    async (_name, caller, expected, route) => {
      let request = route.method === 'GET' ? ledger.http.get(route.path) : ledger.http.post(route.path);
      if (caller === 'unknown') request = request.set('Authorization', 'Bearer not-a-key-of-this-ledger-00');
      else if (caller !== 'none') request = request.set('Authorization', `Bearer ${TEST_KEYS[caller]}`);
      if (route.method === 'POST' && route.xml) request = request.set('Content-Type', 'application/xml').send(route.xml());
      else if (route.method === 'POST') request = request.set('Idempotency-Key', randomUUID()).send(route.body?.() as object);
      const response = await request;
      if (expected === 'allowed') {
        expect([401, 403]).not.toContain(response.status);
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(expected);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/u);
      }
    },
  );

  it('covers every route the application serves', () => {
    const served = ledger.ledger.routes
      .filter((route) => route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => route.includes('/v1/') || route.includes('/health') || route.includes('/metrics'));
    const covered = new Set(MATRIX.map((route) => `${route.method} ${route.path.replaceAll(STOPPAGE, ':id').replace('unknown-policyholder', ':id').replace(/\/statements\/\d{4}$/u, '/statements/:id')}`));
    const normalise = (route: string) => route.replace(/:[A-Za-z]+/gu, ':id');
    expect(served.length).toBeGreaterThanOrEqual(MATRIX.length - 1);
    expect(served.map(normalise).filter((route) => !covered.has(route))).toEqual([]);
  });
});
