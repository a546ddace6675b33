/**
 * pain.001 export (#17): a payment run's bank file for 100 000 transfers, in constant memory.
 * Seeds 100 000 policyholders into SQLite through SqliteEventStore (each: a stoppage, an advance and its
 * TransferOrdered, as IssueAdvance records them), folds the read models, then in fresh child processes:
 * - claim: every policyholder's ORDERED transfers claimed for the run's bank file with the domain's
 *   ExportTransfers decision (read the stream, fold, decide, append at the read revision), then the read
 *   models caught up;
 * - write: the pain.001 streamed to a file from the read models (writeBankFile, as GET …/pain001 and `pay --out`),
 *   and its size, transactions and control sum checked.
 * Each child reports its time and peak RSS (process.resourceUsage().maxRSS); the target is ≤ 512 MB.
 * Run: npm run bench:pain001   (BENCH_TRANSFERS, BENCH_KEEP=1 to keep the files)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { SqliteEventStore, type EventToAppend } from '@ij/event-store';
import { advanceTransfer, decide, foldEvents, policyholderStream, upcast, type AdvanceIssued, type PolicyholderEvent } from '@ij/ledger';
import { Projector, SqliteReadModelStore } from '@ij/projections';
import { CURRENT_RULES_VERSION, getRulesVersion } from '@ij/rules';
import { type PaymentRunRecord, writeBankFile } from '@ij/application';

const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 100_000);
const RSS_LIMIT_MB = 512;
const RUN_ID = '6f1c2a4e-0d3b-5e7f-9a1b-2c3d4e5f6a7b';
const BANK_FILE_ID = RUN_ID.replace(/-/gu, '');
const TODAY = '2026-11-29';
const IN_FLIGHT = 2_000;

const rules = () => getRulesVersion(CURRENT_RULES_VERSION)!;
const policyholderIdOf = (index: number) => createHash('sha256').update(`policyholder-${index}`).digest('base64url').slice(0, 26);
const uuidOf = (index: number, salt: string) => {
  const hex = createHash('sha256').update(`${salt}-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const envelope = (type: string, data: unknown, id: string): EventToAppend => ({ id, type, data, metadata: { actor: 'bench', correlationId: 'bench', causationId: 'bench', recordedAt: `${TODAY}T08:00:00.000Z`, schemaVersion: 1 } });

/** One policyholder: a stoppage, an account, an advance of 100.00 € to 1 099.99 € and its transfer. */
function lifeOf(index: number): EventToAppend[] {
  const policyholderId = policyholderIdOf(index);
  const stoppageId = uuidOf(index, 'stoppage');
  const advance: AdvanceIssued = { type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId, advanceId: uuidOf(index, 'advance'), amountCents: 10_000 + ((index * 7_919) % 100_000), reason: 'bench', issuedOn: TODAY } };
  return [
    envelope('StoppageOpened', { stoppageId, policyholderId, kind: 'SICKNESS', startDate: '2026-11-02', endDate: '2026-12-31', openedOn: '2026-11-02' }, uuidOf(index, 'e0')),
    { ...envelope('BankAccountRecorded', { policyholderId, account: { iban: 'FR7630006000011234567890189', holderName: `Holder ${index}` }, recordedOn: '2026-11-02', recordedBy: 'bench', awaitsConfirmation: false }, uuidOf(index, 'e1')), metadata: { ...envelope('', {}, '').metadata, schemaVersion: 2 } },
    envelope('AdvanceIssued', advance.data, uuidOf(index, 'e2')),
    envelope('TransferOrdered', advanceTransfer(advance, rules()).data, uuidOf(index, 'e3')),
  ];
}

async function seed(file: string): Promise<void> {
  const store = await SqliteEventStore.open({ connection: file });
  let pending: Promise<unknown>[] = [];
  for (let index = 0; index < TRANSFERS; index++) {
    pending.push(store.append(policyholderStream(policyholderIdOf(index)), lifeOf(index), { expectedRevision: 'no_stream' }));
    if (pending.length >= IN_FLIGHT) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await new SqliteReadModelStore(store.database).rebuild();
  await store.close();
}

/** Child: the run's claim, policyholder by policyholder, as the payment run decides it. */
async function claimChild(file: string): Promise<object> {
  const store = await SqliteEventStore.open({ connection: file });
  const models = new SqliteReadModelStore(store.database);
  const started = process.hrtime.bigint();
  let claimed = 0;
  let netCents = 0n;
  for (let afterId: string | null = null; ; ) {
    const page = await models.policyholders(afterId, 500);
    if (page.length === 0) break;
    await Promise.all(page.map(async (document) => {
      const stream = policyholderStream(document.policyholderId);
      const history = await store.readStream(stream);
      const state = foldEvents(history.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent));
      const events = decide({ type: 'ExportTransfers', policyholderId: document.policyholderId, bankFileId: BANK_FILE_ID, orderedOnOrBefore: TODAY }, state, { rules: rules(), today: TODAY });
      if (events.length === 0) return;
      await store.append(stream, events.map((event, index) => envelope(event.type, event.data, uuidOf(claimed + index, `claim-${document.policyholderId}`))), { expectedRevision: history.at(-1)!.revision });
      for (const event of events) if (event.type === 'TransferExported') netCents += BigInt(event.data.netCents);
      claimed += events.length;
    }));
    afterId = page[page.length - 1].policyholderId;
  }
  const claimSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const projector = new Projector(store, models);
  await projector.catchUp();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return { claimed, netCents: Number(netCents), claimSeconds, secondsWithReadModels: seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Child: the bank file, streamed from the read models to a file. */
async function writeChild(file: string, count: number, netCents: number, out: string): Promise<object> {
  const store = await SqliteEventStore.open({ connection: file });
  const models = new SqliteReadModelStore(store.database);
  const run: PaymentRunRecord = {
    runId: RUN_ID, through: TODAY, status: 'done', requestedBy: 'bench', startedAt: `${TODAY}T08:00:00.000Z`, completedAt: `${TODAY}T09:00:00.000Z`,
    exported: { count, netCents, byPayee: { POLICYHOLDER: { count, netCents }, EMPLOYER: { count: 0, netCents: 0 } } },
  };
  const started = process.hrtime.bigint();
  const output = createWriteStream(out, { encoding: 'utf8' });
  await writeBankFile(run, models, async (chunk) => {
    if (!output.write(chunk)) await once(output, 'drain');
  });
  output.end();
  await once(output, 'finish');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return { seconds, transfersPerSecond: Math.floor(count / seconds), fileMb: statSync(out).size / 1_048_576, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function child(args: string[]): Record<string, number> {
  const output = execFileSync(process.execPath, ['--max-old-space-size=512', __filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const [mode, file, ...rest] = process.argv.slice(2);
  if (mode === 'claim') return void console.log(JSON.stringify(await claimChild(file)));
  if (mode === 'write') return void console.log(JSON.stringify(await writeChild(file, Number(rest[0]), Number(rest[1]), rest[2])));

  const directory = mkdtempSync(join(tmpdir(), 'ij-pain001-bench-'));
  const database = join(directory, 'ledger.sqlite');
  const out = join(directory, 'pain001.xml');
  try {
    const seedStarted = process.hrtime.bigint();
    await seed(database);
    const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;
    process.stderr.write(`seeded ${TRANSFERS} transfers in ${seedSeconds.toFixed(1)} s\n`);
    const claim = child(['claim', database]);
    process.stderr.write(`claimed ${claim.claimed} in ${claim.claimSeconds.toFixed(1)} s, peak ${claim.maxRssMb.toFixed(0)} MB\n`);
    const write = child(['write', database, String(claim.claimed), String(claim.netCents), out]);
    const xml = readFileSync(out, 'utf8');
    const transactions = xml.split('<CdtTrfTxInf>').length - 1;
    const result = {
      benchmark: 'pain001-export: a payment run claims 100 000 ORDERED transfers and streams its pain.001 from the read models',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round((totalmem() / 1_073_741_824) * 10) / 10,
      input: { transfers: TRANSFERS, policyholders: TRANSFERS, seedSeconds: Math.round(seedSeconds * 10) / 10 },
      method: 'each phase in a fresh child process (--max-old-space-size=512), peak RSS from process.resourceUsage().maxRSS',
      claim,
      write: { ...write, transactions, transactionsMatchClaimed: transactions === claim.claimed },
      peakRssMb: Math.max(claim.maxRssMb, write.maxRssMb),
      rssLimitMb: RSS_LIMIT_MB,
      withinLimit: Math.max(claim.maxRssMb, write.maxRssMb) <= RSS_LIMIT_MB && transactions === TRANSFERS,
    };
    const target = join(__dirname, '..', '..', 'bench', 'results', 'pain001-export.json');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    if (!result.withinLimit) process.exitCode = 1;
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(directory, { recursive: true, force: true });
  }
}

void main();
