import PDFDocument from 'pdfkit';
import { formatCents } from '@ij/money';
import type { PolicyholderStatement, StatementAmounts } from '@ij/projections';

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const COLUMNS: ReadonlyArray<{ title: string; amount: keyof Omit<StatementAmounts, 'allowancesByKind'> }> = [
  { title: 'Acomptes', amount: 'advancesCents' },
  { title: 'IJ brutes', amount: 'allowancesGrossCents' },
  { title: 'CSG', amount: 'csgCents' },
  { title: 'CRDS', amount: 'crdsCents' },
  { title: 'Net versé', amount: 'netPaidCents' },
  { title: 'Imposable', amount: 'taxableCents' },
  { title: "Versé à l'employeur", amount: 'paidToEmployerCents' },
  { title: 'Indus récupérés', amount: 'overpaymentsRecoveredCents' },
  { title: 'Virements rejetés', amount: 'returnedCents' },
];

const MARGIN = 36;
const MONTH_WIDTH = 70;
const AMOUNT_WIDTH = 74;
const ROW_HEIGHT = 16;

/**
 * The statement as a PDF (A4 landscape): the policyholder id (never the NIR), the year, one row per month and
 * the totals, amounts written by formatCents. The 14 standard PDF fonts have no narrow no-break space (fr-FR
 * groups thousands with U+202F): it is written as a no-break space, which they have.
 */
export function statementPdf(statement: PolicyholderStatement): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `Relevé des indemnités journalières ${statement.year}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(14).text(`Relevé des indemnités journalières — année ${statement.year}`);
  document.font('Helvetica').fontSize(9).moveDown(0.5);
  document.text(`Assuré : ${statement.policyholderId}`);
  document.text('Acomptes : versements provisoires sans prélèvement, reclassés en indemnités le mois de la régularisation qui les solde.');
  document.text("Imposable : IJ brutes moins la CSG prélevée ; accident du travail et maladie professionnelle pour moitié ; affection de longue durée (ALD) exonérée.");
  document.moveDown(1);
  let y = document.y;
  row(document, y, 'Mois', COLUMNS.map((column) => column.title), true);
  y += ROW_HEIGHT * 1.6;
  for (const month of statement.months) {
    row(document, y, MONTH_NAMES[Number(month.month.slice(5, 7)) - 1], COLUMNS.map((column) => amount(month[column.amount])), false);
    y += ROW_HEIGHT;
  }
  document.moveTo(MARGIN, y - 3).lineTo(MARGIN + MONTH_WIDTH + AMOUNT_WIDTH * COLUMNS.length, y - 3).stroke();
  row(document, y, `Total ${statement.year}`, COLUMNS.map((column) => amount(statement.totals[column.amount])), true);
  document.end();
  return done;
}

function row(document: PDFKit.PDFDocument, y: number, label: string, cells: string[], bold: boolean): void {
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  document.text(label, MARGIN, y, { width: MONTH_WIDTH, lineBreak: false });
  cells.forEach((cell, index) => document.text(cell, MARGIN + MONTH_WIDTH + AMOUNT_WIDTH * index, y, { width: AMOUNT_WIDTH - 4, align: 'right' }));
}

function amount(cents: number): string {
  return formatCents(cents).replace(/\u202f/gu, '\u00a0');
}

/** The formats a statement is given in: JSON for programs, PDF for the policyholder. */
export const STATEMENT_FORMATS = ['json', 'pdf'] as const;
