import { backlogCsv, Projector, readActiveRules, regularizationBacklog, type RegularizationBacklog } from '@ij/projections';
import { type Clock, isCalendarDate, type LedgerConfig, openStorage, systemClock } from '@ij/application';
import { table } from './text-table';

export const BACKLOG_REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export type BacklogReportFormat = (typeof BACKLOG_REPORT_FORMATS)[number];

/** Rows shown by the table format; csv and json give them all. */
const TABLE_ROWS = 50;

export class InvalidReportOption extends Error {}

/** `ledger report backlog`: the same report as GET /v1/reports/regularization-backlog, printed on stdout. */
export async function reportBacklog(config: LedgerConfig, options: { through?: string; format: string }, clock: Clock = systemClock): Promise<void> {
  if (options.through !== undefined && !isCalendarDate(options.through)) throw new InvalidReportOption('--through must be a real calendar date written YYYY-MM-DD');
  if (!(BACKLOG_REPORT_FORMATS as readonly string[]).includes(options.format)) throw new InvalidReportOption('--format must be table, csv or json');
  const storage = await openStorage(config);
  try {
    // The report reads the read models: bring them up to the log's head first, so it includes the latest commands.
    await new Projector(storage.events, storage.readModels).catchUp();
    const backlog = await regularizationBacklog(storage.readModels, await readActiveRules(storage.events), options.through ?? clock.today());
    process.stdout.write(render(backlog, options.format as BacklogReportFormat));
  } finally {
    await storage.close();
  }
}

function render(backlog: RegularizationBacklog, format: BacklogReportFormat): string {
  if (format === 'csv') return backlogCsv(backlog);
  if (format === 'json') return `${JSON.stringify(backlog, null, 2)}\n`;
  const lines = [
    `Regularization backlog through ${backlog.through} (rules ${backlog.rulesVersion}): ${backlog.totals.count} stoppages, ${backlog.totals.amountCents} cents`,
    '',
    table(['reason', 'count', 'amountCents'], backlog.byReason.map((row) => [row.reason, row.count, row.amountCents])),
    table(['kind', 'count', 'amountCents'], backlog.byKind.map((row) => [row.kind, row.count, row.amountCents])),
    table(['age (days)', 'count', 'amountCents'], backlog.byAgeBucket.map((row) => [row.ageBucket, row.count, row.amountCents])),
    table(
      ['policyholderId', 'stoppageId', 'kind', 'reason', 'amountCents', 'ageDays', 'since'],
      backlog.rows.slice(0, TABLE_ROWS).map((row) => [row.policyholderId, row.stoppageId, row.kind, row.reason, row.amountCents, row.ageDays, row.since]),
    ),
  ];
  if (backlog.rows.length > TABLE_ROWS) lines.push(`… ${backlog.rows.length - TABLE_ROWS} more rows: use --format csv or json for all of them.`, '');
  return `${lines.join('\n')}\n`;
}
