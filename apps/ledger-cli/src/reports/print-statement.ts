import { writeFileSync } from 'node:fs';
import { policyholderStatement, Projector, readActiveRules } from '@ij/projections';
import { type LedgerConfig, openStorage, STATEMENT_FORMATS, statementPdf } from '@ij/application';

export class InvalidStatementOption extends Error {}

export interface StatementOptions {
  policyholder: string;
  year: string;
  format: string;
  out?: string;
}

/** `ledger statement`: the statement of GET /v1/policyholders/{id}/statements/{year}, as JSON on stdout or a PDF file. */
export async function printStatement(config: LedgerConfig, options: StatementOptions): Promise<void> {
  if (!/^(20\d\d|2100)$/u.test(options.year)) throw new InvalidStatementOption('--year must be a year from 2000 to 2100');
  if (!(STATEMENT_FORMATS as readonly string[]).includes(options.format)) throw new InvalidStatementOption('--format must be json or pdf');
  if (options.format === 'pdf' && options.out === undefined) throw new InvalidStatementOption('--format pdf needs --out <file>');
  const storage = await openStorage(config);
  try {
    // The statement reads the read models: bring them up to the log's head first.
    await new Projector(storage.events, storage.readModels).catchUp();
    const document = await storage.readModels.policyholder(options.policyholder);
    if (!document) throw new InvalidStatementOption('No policyholder with a stoppage is known under this identity.');
    const statement = policyholderStatement(document, Number(options.year), await readActiveRules(storage.events));
    if (options.format === 'pdf') {
      writeFileSync(options.out!, await statementPdf(statement));
      console.log(`statement ${statement.year} written to ${options.out}`);
      return;
    }
    const json = `${JSON.stringify(statement, null, 2)}\n`;
    if (options.out === undefined) process.stdout.write(json);
    else writeFileSync(options.out, json);
  } finally {
    await storage.close();
  }
}
