import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Property-based fuzzing of every command route: bodies that are invalid by construction (a valid body with
 * at least one field broken, or JSON that is not a command at all) must get a 4xx problem+json — never a
 * 5xx, never a stack trace — and must not change the log. CI sends FUZZ_REQUESTS (2 000) requests; the
 * soak run sends more.
 */
const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_000);

const injection = fc.constantFrom(
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '{"$gt": ""}',
  '\u0000\u0001',
  'null',
  '__proto__',
);
/**
 * Free text a person may not send (issue 21): C0/C1 controls, bidi embeddings/overrides/isolates and lone
 * surrogates anywhere in otherwise ordinary text, or nothing but spaces.
 */
const forbiddenCharacter = fc.constantFrom('\u0000', '\u0007', '\u001b', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff');
const badFreeText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), forbiddenCharacter, fc.string({ maxLength: 10 })).map(([before, bad, after]) => `${before}${bad}${after}`),
  fc.constantFrom('', ' ', '   ', '  \t '),
);
/** JSON nested deeper than the parser accepts (16 levels), as raw text: arrays, objects, or both inside a command. */
const deepJson = fc.tuple(fc.integer({ min: 17, max: 8_000 }), fc.constantFrom('array', 'object', 'inCommand')).map(([depth, shape]) => {
  if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (shape === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"amountCents":100,"reason":${'['.repeat(depth)}${']'.repeat(depth)}}`;
});
const hugeString = fc.integer({ min: 70_000, max: 120_000 }).map((length) => 'x'.repeat(length));
const notADate = fc.oneof(
  fc.constantFrom('2025-02-30', '2025-13-01', '2025-1-1', '20250101', '2025/01/01', '', 'tomorrow', '2025-06-10T00:00:00Z', '+002025-01-01'),
  // Real calendar dates outside what the ledger accepts (2000-01-01 … 2099-12-31; issue 21).
  fc.constantFrom('9999-12-31', '2100-01-01', '1999-12-31', '0001-01-01'),
  injection,
  fc.integer(),
);
const badAmount = fc.oneof(
  fc.constantFrom(0, -1, -100_000, 0.5, 100.25, 1e15, Number.MAX_SAFE_INTEGER, '100', '1e3', null, true, [], {}),
  fc.double({ noInteger: true }),
  fc.integer({ max: 0 }),
);
const badNir = fc.oneof(
  fc.constantFrom('185057800608499', '1850578006084', '1850578006084000', '385057800608436', '18505A800608436', ''),
  fc.stringMatching(/^[0-9]{15}$/u).filter((value) => !isValid(value)),
  injection,
  fc.integer(),
);
const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

function isValid(nir: string): boolean {
  return 97 - Number(BigInt(nir.slice(0, 13)) % 97n) === Number(nir.slice(13));
}

interface Route {
  path: (stoppageId: string) => string;
  valid: () => Record<string, unknown>;
  breakers: Record<string, fc.Arbitrary<unknown>>;
  required: string[];
}

const routes: Record<string, Route> = {
  open: {
    path: () => '/v1/stoppages',
    valid: () => ({ stoppageId: randomUUID(), nir: testNir(77_777), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }),
    breakers: {
      stoppageId: fc.oneof(fc.constantFrom('not-a-uuid', '', '123'), injection, fc.integer()),
      nir: badNir,
      kind: fc.oneof(fc.constantFrom('sickness', 'HOLIDAY', ''), injection, fc.integer()),
      startDate: notADate,
      endDate: fc.oneof(notADate, fc.constant('2025-06-01')),
      prolongationOf: fc.oneof(fc.constantFrom('x', ''), injection),
      dailyLossOfEarningsCents: badAmount,
      accidentDate: fc.oneof(notADate, fc.constant('2025-06-10')),
      ald: fc.oneof(fc.constant('ALD-30'), fc.constant({}), fc.constant({ affectionId: '' }), fc.constant({ affectionId: 'x'.repeat(65) }), badFreeText.map((affectionId) => ({ affectionId }))),
    },
    required: ['stoppageId', 'nir', 'kind', 'startDate', 'endDate'],
  },
  extend: {
    path: (id) => `/v1/stoppages/${id}/extensions`,
    valid: () => ({ newEndDate: '2025-07-15' }),
    breakers: { newEndDate: notADate, prescribedOn: notADate },
    required: ['newEndDate'],
  },
  earlyEnd: {
    path: (id) => `/v1/stoppages/${id}/early-end`,
    valid: () => ({ lastDay: '2025-06-20' }),
    breakers: { lastDay: notADate },
    required: ['lastDay'],
  },
  certificate: {
    path: (id) => `/v1/stoppages/${id}/salary-certificate`,
    valid: () => ({ salaries: [{ month: '2025-03', grossCents: 200_000 }, { month: '2025-04', grossCents: 200_000 }, { month: '2025-05', grossCents: 200_000 }] }),
    breakers: {
      salaries: fc.oneof(
        fc.constant([]),
        fc.constant('2025-03'),
        fc.constant([{ month: '2025-13', grossCents: 1 }]),
        fc.constant([{ month: '2025-03', grossCents: -1 }]),
        fc.constant([{ month: '2025-03', grossCents: 1.5 }]),
        fc.constant([{ month: '2025-03' }]),
        fc.constant([{ month: '2025-03', grossCents: 1, extra: true }]),
        fc.constant(Array.from({ length: 13 }, () => ({ month: '2025-03', grossCents: 1 }))),
        badAmount.map((grossCents) => [{ month: '2025-03', grossCents }]),
      ),
    },
    required: ['salaries'],
  },
  advance: {
    path: (id) => `/v1/stoppages/${id}/advances`,
    valid: () => ({ amountCents: 10_000, reason: 'fuzz' }),
    breakers: { amountCents: badAmount, reason: fc.oneof(fc.constant(''), hugeString.map((text) => text.slice(0, 501)), fc.integer(), fc.constant(null), badFreeText) },
    required: ['amountCents', 'reason'],
  },
  regularize: {
    path: (id) => `/v1/stoppages/${id}/regularizations`,
    valid: () => ({ through: '2025-06-29' }),
    breakers: { through: notADate },
    required: ['through'],
  },
  recovery: {
    path: (id) => `/v1/stoppages/${id}/recoveries`,
    valid: () => ({ amountCents: 100 }),
    breakers: { amountCents: badAmount },
    required: ['amountCents'],
  },
  bankAccount: {
    path: () => '/v1/policyholders/fuzz-policyholder/bank-account',
    valid: () => ({ iban: 'FR7630006000011234567890189', holderName: 'Fuzz' }),
    breakers: {
      iban: fc.oneof(fc.constantFrom('FR7730006000011234567890189', 'FR763000600001123456789018', 'ZZ7630006000011234567890189', ''), injection, fc.integer()),
      bic: fc.oneof(fc.constantFrom('bnpafrpp', 'BNP', 'BNPAFRPPXXXX'), fc.integer()),
      holderName: fc.oneof(fc.constant(''), fc.constant('x'.repeat(71)), fc.integer(), fc.constant(null), badFreeText),
    },
    required: ['iban', 'holderName'],
  },
  subrogation: {
    path: (id) => `/v1/stoppages/${id}/subrogations`,
    valid: () => ({ employerId: 'siret-1', from: '2025-06-12', to: '2025-06-20' }),
    breakers: {
      employerId: fc.oneof(fc.constant(''), fc.constant('x'.repeat(65)), fc.integer(), badFreeText),
      from: notADate,
      to: fc.oneof(notADate, fc.constant('2025-06-11')),
      employerIban: fc.oneof(fc.constantFrom('FR7730006000011234567890189', ''), fc.integer()),
      employerName: fc.oneof(fc.constant(''), fc.integer(), badFreeText),
    },
    required: ['employerId', 'from', 'to'],
  },
  paymentRun: {
    path: () => '/v1/payment-runs',
    valid: () => ({ through: '2025-06-29' }),
    breakers: { through: notADate },
    required: ['through'],
  },
  activate: {
    path: () => '/v1/rules/active',
    valid: () => ({ version: '2026.2' }),
    breakers: { version: fc.oneof(fc.constant(''), fc.constant('x'.repeat(65)), fc.integer(), fc.constant(null)) },
    required: ['version'],
  },
};

type Mutation =
  | { kind: 'break'; field: string; value: unknown }
  | { kind: 'drop'; field: string }
  | { kind: 'extra'; field: string; value: unknown }
  | { kind: 'replace'; body: unknown }
  | { kind: 'raw'; text: string };

function mutationFor(route: Route): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Object.keys(route.breakers)).chain((field) => route.breakers[field].map((value): Mutation => ({ kind: 'break', field, value }))) },
    { weight: 2, arbitrary: fc.constantFrom(...route.required).map((field): Mutation => ({ kind: 'drop', field })) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'policyholderId'), fc.string({ minLength: 1, maxLength: 20 })), anything).map(([field, value]): Mutation => ({ kind: 'extra', field, value })) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.array(anything, { maxLength: 3 }), fc.string(), fc.integer(), fc.constant({})).map((body): Mutation => ({ kind: 'replace', body })) },
    { weight: 1, arbitrary: deepJson.map((text): Mutation => ({ kind: 'raw', text })) },
  );
}

function apply(route: Route, mutation: Exclude<Mutation, { kind: 'raw' }>): unknown {
  if (mutation.kind === 'replace') return mutation.body;
  const body = route.valid();
  if (mutation.kind === 'break') return { ...body, [mutation.field]: mutation.value };
  if (mutation.kind === 'drop') {
    delete body[mutation.field];
    return body;
  }
  const withExtra = { ...body };
  Object.defineProperty(withExtra, mutation.field, { value: mutation.value, enumerable: true, configurable: true, writable: true });
  return withExtra;
}

describe('fuzzing the command routes', () => {
  let ledger: TestLedger;
  let stoppageId: string;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
    stoppageId = randomUUID();
    await ledger.command('admin', '/v1/stoppages', { stoppageId, nir: testNir(4242), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it(`answers ${TOTAL_REQUESTS} invalid commands with 4xx problem+json and records nothing`, async () => {
    const before = await ledger.ledger.storage.events.headPosition();
    const names = Object.keys(routes);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names).chain((name) => mutationFor(routes[name]).map((mutation) => ({ name, mutation }))),
        async ({ name, mutation }) => {
          sent++;
          const route = routes[name];
          const text = mutation.kind === 'raw' ? mutation.text : (JSON.stringify(apply(route, mutation)) ?? 'null');
          const response = await ledger.http
            .post(route.path(stoppageId))
            .set('Authorization', 'Bearer test-admin-key-0000000001')
            .set('Idempotency-Key', randomUUID())
            .set('Content-Type', 'application/json')
            .send(text);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers['content-type']).toMatch(/application\/problem\+json/u);
          expect(response.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status: response.status }));
          expect(response.text).not.toMatch(/\bat .+\.(?:ts|js):\d+|node_modules|SQLITE|syntax error/u);
        },
      ),
      { numRuns: TOTAL_REQUESTS, seed: Number(process.env.FUZZ_SEED ?? 20_261_123) },
    );
    expect(sent).toBe(TOTAL_REQUESTS);
    expect(await ledger.ledger.storage.events.headPosition()).toBe(before);
    if (process.env.SOAK_FIGURES_FILE) appendFileSync(process.env.SOAK_FIGURES_FILE, `${JSON.stringify({ test: 'fuzz', requests: sent, serverErrors: 0, logChanged: false })}\n`);
  }, 300_000);
});
