import { effectiveEndDate, policyholderAccount, type StoppageState } from '@ij/ledger';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { csvCell } from '../csv-cell';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import type { ReadModelStore } from '../read-model-store.port';
import { daysBetween, isAnnulled } from './payable-day-delays';

export interface MissingCertificate {
  /** The employer's SIRET given at opening (else the subrogated employer's id); null when unknown. */
  employerId: string | null;
  policyholderId: string;
  stoppageId: string;
  kind: StoppageKind;
  startDate: string;
  endDate: string;
  /** The salary months the rules need and the certificate does not give. */
  missingMonths: string[];
  /** Waiting since the stoppage started: days from its start to asOf. */
  waitingDays: number;
}

export interface EmployerReminder {
  employerId: string | null;
  stoppages: MissingCertificate[];
  oldestWaitingDays: number;
}

export interface MissingCertificatesReport {
  asOf: string;
  olderThanDays: number;
  rulesVersion: string;
  totals: { employers: number; stoppages: number };
  /** Employers by their oldest wait, longest first; the stoppages without a known employer last. */
  employers: EmployerReminder[];
}

const PAGE_SIZE = 500;

/**
 * GET /v1/reports/missing-certificates: every stoppage whose salary certificate the rules still miss (its
 * own, or its prolongation chain's first stoppage's), started at least `olderThanDays` days before asOf,
 * grouped by the employer who owes it. Annulled stoppages owe nothing.
 */
export async function missingCertificatesReport(models: ReadModelStore, rules: RulesVersion, asOf: string, olderThanDays: number): Promise<MissingCertificatesReport> {
  const rows: MissingCertificate[] = [];
  for (let after: string | null = null; ; ) {
    const page = await models.policyholders(after, PAGE_SIZE);
    for (const document of page) rows.push(...missingCertificatesOf(document, rules, asOf, olderThanDays));
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1].policyholderId;
  }
  const byEmployer = new Map<string | null, MissingCertificate[]>();
  for (const row of rows) byEmployer.set(row.employerId, [...(byEmployer.get(row.employerId) ?? []), row]);
  const employers = [...byEmployer.entries()]
    .map(([employerId, stoppages]) => ({
      employerId,
      stoppages: stoppages.sort((a, b) => b.waitingDays - a.waitingDays || (a.stoppageId < b.stoppageId ? -1 : 1)),
      oldestWaitingDays: Math.max(...stoppages.map((row) => row.waitingDays)),
    }))
    .sort((a, b) => Number(a.employerId === null) - Number(b.employerId === null) || b.oldestWaitingDays - a.oldestWaitingDays || String(a.employerId).localeCompare(String(b.employerId)));
  return { asOf, olderThanDays, rulesVersion: rules.version, totals: { employers: employers.filter((employer) => employer.employerId !== null).length, stoppages: rows.length }, employers };
}

export function missingCertificatesOf(document: PolicyholderDocument, rules: RulesVersion, asOf: string, olderThanDays: number): MissingCertificate[] {
  const candidates = document.stoppages.filter((stoppage) => !isAnnulled(stoppage) && daysBetween(stoppage.startDate, asOf) >= olderThanDays && stoppage.startDate <= asOf);
  if (candidates.length === 0) return [];
  const account = policyholderAccount(toPolicyholderState(document), rules, asOf);
  return candidates.flatMap((stoppage) => {
    const entitlement = account.stoppages.find((candidate) => candidate.stoppageId === stoppage.stoppageId)!.entitlement;
    if (entitlement.status !== 'MISSING_SALARY_CERTIFICATE') return [];
    return [{
      employerId: employerOf(stoppage),
      policyholderId: document.policyholderId,
      stoppageId: stoppage.stoppageId,
      kind: stoppage.kind,
      startDate: stoppage.startDate,
      endDate: effectiveEndDate(stoppage),
      missingMonths: entitlement.missingMonths,
      waitingDays: daysBetween(stoppage.startDate, asOf),
    }];
  });
}

/** The employer who owes the certificate: the SIRET given at opening (#16), else the latest subrogated employer. */
function employerOf(stoppage: StoppageState): string | null {
  return stoppage.employerId ?? stoppage.subrogations?.at(-1)?.employerId ?? null;
}

const CSV_COLUMNS: Array<keyof MissingCertificate> = ['employerId', 'policyholderId', 'stoppageId', 'kind', 'startDate', 'endDate', 'missingMonths', 'waitingDays'];

/** One line per stoppage (RFC 4180, text cells neutralised against formulas: csvCell), employers in the report's order; the missing months joined by spaces. */
export function missingCertificatesCsv(report: MissingCertificatesReport): string {
  const escape = (value: string | number | string[] | null) => csvCell(value === null ? '' : Array.isArray(value) ? value.join(' ') : value);
  const rows = report.employers.flatMap((employer) => employer.stoppages);
  return `${[CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => escape(row[column])).join(','))].join('\r\n')}\r\n`;
}
