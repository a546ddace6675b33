/** One thing wrong with a bank report: where (an XPath-like location when known) and what. */
export interface BankReportProblem {
  field: string;
  message: string;
}

/** A bank report refused as a whole: nothing of it may be applied. One problem per error found. */
export class InvalidBankReport extends Error {
  readonly code = 'invalid-bank-report';
  constructor(readonly problems: BankReportProblem[]) {
    super(`invalid bank report: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`);
    this.name = 'InvalidBankReport';
  }
}

/** Collects the problems of one document, so that every one of them is reported at once. */
export class Problems {
  private readonly found: BankReportProblem[] = [];

  add(field: string, message: string): undefined {
    this.found.push({ field, message });
    return undefined;
  }

  throwIfAny(): void {
    if (this.found.length > 0) throw new InvalidBankReport(this.found);
  }
}
