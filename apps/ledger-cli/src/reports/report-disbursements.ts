import { disbursementReport, Projector } from '@ij/projections';
import { type Clock, isCalendarDate, type LedgerConfig, openStorage, systemClock } from '@ij/application';
import { InvalidReportOption } from './report-backlog';

/** `ledger report disbursements`: GET /v1/reports/disbursements on stdout, as JSON. */
export async function reportDisbursements(config: LedgerConfig, options: { through?: string }, clock: Clock = systemClock): Promise<void> {
  if (options.through !== undefined && !isCalendarDate(options.through)) throw new InvalidReportOption('--through must be a real calendar date written YYYY-MM-DD');
  const storage = await openStorage(config);
  try {
    await new Projector(storage.events, storage.readModels).catchUp();
    process.stdout.write(`${JSON.stringify(await disbursementReport(storage.readModels, options.through ?? clock.today()), null, 2)}\n`);
  } finally {
    await storage.close();
  }
}
