import { writeFileSync } from 'node:fs';
import { missingCertificatesCsv, missingCertificatesReport, Projector, readActiveRules, timelinessReport, type MissingCertificatesReport, type TimelinessReport } from '@ij/projections';
import { type Clock, isCalendarDate, type LedgerConfig, openStorage, reminderLettersPdf, statusContext, systemClock, timelinessWindow } from '@ij/application';
import { InvalidReportOption } from './report-backlog';
import { table } from './text-table';

export const TIMELINESS_REPORT_FORMATS = ['table', 'json'] as const;
export const MISSING_CERTIFICATES_REPORT_FORMATS = ['table', 'csv', 'json', 'pdf'] as const;

export interface TimelinessOptions {
  from?: string;
  to?: string;
  format: string;
}

/** `ledger report timeliness`: the report of GET /v1/reports/timeliness, printed on stdout. */
export async function reportTimeliness(config: LedgerConfig, options: TimelinessOptions, clock: Clock = systemClock): Promise<void> {
  for (const [name, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw new InvalidReportOption(`${name} must be a real calendar date written YYYY-MM-DD`);
  }
  if (options.from !== undefined && options.to !== undefined && options.to < options.from) throw new InvalidReportOption('--to must not be before --from');
  if (!(TIMELINESS_REPORT_FORMATS as readonly string[]).includes(options.format)) throw new InvalidReportOption('--format must be table or json');
  const storage = await openStorage(config);
  try {
    // The report reads the read models: bring them up to the log's head first.
    await new Projector(storage.events, storage.readModels).catchUp();
    const context = await statusContext(storage.events, clock.today(), config.paymentSchedule);
    const { from, to } = timelinessWindow(context.today, options.from, options.to);
    const report = await timelinessReport(storage.readModels, context, from, to);
    process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : timelinessTable(report));
  } finally {
    await storage.close();
  }
}

const figure = (value: number | null) => (value === null ? '—' : value);

function timelinessTable(report: TimelinessReport): string {
  const { delays, waiting, unpaidAfter30Days } = report;
  return [
    `Timeliness of payable days ${report.from} … ${report.to}, as of ${report.asOf} (rules ${report.rulesVersion}): ${report.payableDays} payable days`,
    `Days from the day to the export of its money: p50 ${figure(delays.p50)}, p90 ${figure(delays.p90)}, max ${figure(delays.max)} (${delays.days} days paid)`,
    `Still waiting: ${waiting.days} days, the longest for ${figure(waiting.longestDays)} days`,
    '',
    table(['kind', 'days', 'p50', 'p90', 'max'], report.byKind.filter((row) => row.days > 0).map((row) => [row.kind, row.days, figure(row.p50), figure(row.p90), figure(row.max)])),
    table(['delay (days)', 'days'], report.distribution.map((row) => [row.bucket, row.days])),
    table(['week of', 'paid', 'p50', 'p90', 'max', 'waiting'], report.byWeek.map((row) => [row.weekOf, row.days, figure(row.p50), figure(row.p90), figure(row.max), row.waitingDays])),
    `Nothing paid 30 days or more after the stoppage started: ${unpaidAfter30Days.stoppages} stoppages, ${unpaidAfter30Days.policyholders} policyholders`,
    '',
    table(['reason', 'waiting for', 'stoppages', 'policyholders'], unpaidAfter30Days.byReason.map((row) => [row.reason, row.waitingFor, row.stoppages, row.policyholders])),
  ].join('\n');
}

export interface MissingCertificatesOptions {
  olderThan: string;
  format: string;
  out?: string;
}

/** `ledger report missing-certificates`: GET /v1/reports/missing-certificates as a table, CSV, JSON or the PDF letters. */
export async function reportMissingCertificates(config: LedgerConfig, options: MissingCertificatesOptions, clock: Clock = systemClock): Promise<void> {
  if (!/^\d{1,4}$/u.test(options.olderThan) || Number(options.olderThan) > 3650) throw new InvalidReportOption('--older-than must be a whole number of days from 0 to 3650');
  if (!(MISSING_CERTIFICATES_REPORT_FORMATS as readonly string[]).includes(options.format)) throw new InvalidReportOption('--format must be table, csv, json or pdf');
  if (options.format === 'pdf' && options.out === undefined) throw new InvalidReportOption('--format pdf needs --out <file>');
  const storage = await openStorage(config);
  try {
    await new Projector(storage.events, storage.readModels).catchUp();
    const report = await missingCertificatesReport(storage.readModels, await readActiveRules(storage.events), clock.today(), Number(options.olderThan));
    if (options.format === 'pdf') {
      writeFileSync(options.out!, await reminderLettersPdf(report));
      console.log(`${report.totals.employers} reminder letters written to ${options.out}`);
      return;
    }
    const text = options.format === 'csv' ? missingCertificatesCsv(report) : options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : missingCertificatesTable(report);
    if (options.out === undefined) process.stdout.write(text);
    else writeFileSync(options.out, text);
  } finally {
    await storage.close();
  }
}

function missingCertificatesTable(report: MissingCertificatesReport): string {
  const rows = report.employers.flatMap((employer) => employer.stoppages);
  return [
    `Salary certificates missing as of ${report.asOf}, stoppages started ${report.olderThanDays} days ago or more: ${report.totals.stoppages} stoppages, ${report.totals.employers} employers`,
    '',
    table(['employer', 'stoppages', 'oldest (days)'], report.employers.map((employer) => [employer.employerId ?? '(unknown)', employer.stoppages.length, employer.oldestWaitingDays])),
    table(['employer', 'stoppageId', 'kind', 'startDate', 'missing months', 'days'], rows.map((row) => [row.employerId ?? '(unknown)', row.stoppageId, row.kind, row.startDate, row.missingMonths.join(' '), row.waitingDays])),
  ].join('\n');
}
