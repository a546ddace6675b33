import PDFDocument from 'pdfkit';
import { frenchDate, type EmployerReminder, type MissingCertificatesReport } from '@ij/projections';

const MARGIN = 56;
const ROW_HEIGHT = 15;
const COLUMNS = [
  { title: 'Arrêt', width: 150 },
  { title: 'Du', width: 70 },
  { title: 'Au', width: 70 },
  { title: 'Salaires manquants', width: 120 },
  { title: 'Attente', width: 60 },
] as const;

/**
 * `?format=pdf`: one reminder letter per employer (A4 portrait, one page or more each), in French, listing the
 * stoppages whose salary certificate the fund still waits for. The ledger knows the employer by its SIRET and
 * the employee by the stoppage (the NIR is never stored): the letter names the stoppage and its dates, which
 * the employer's payroll finds in its own sick-leave records. Stoppages without a known employer get no
 * letter (the JSON and CSV list them).
 */
export function reminderLettersPdf(report: MissingCertificatesReport): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: `Relances attestations de salaire ${report.asOf}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const employers = report.employers.filter((employer): employer is EmployerReminder & { employerId: string } => employer.employerId !== null);
  for (const employer of employers) letter(document, employer, report.asOf);
  if (employers.length === 0) {
    document.addPage();
    document.font('Helvetica').fontSize(11).text(`Au ${frenchDate(report.asOf)}, aucune attestation de salaire n'est attendue d'un employeur connu${report.olderThanDays > 0 ? ` depuis ${report.olderThanDays} jours ou plus` : ''}.`);
  }
  document.end();
  return done;
}

function letter(document: PDFKit.PDFDocument, employer: EmployerReminder & { employerId: string }, asOf: string): void {
  document.addPage();
  document.font('Helvetica-Bold').fontSize(11).text("Caisse primaire d'assurance maladie — service des indemnités journalières");
  document.font('Helvetica').fontSize(10).moveDown(1.5);
  document.text(`Le ${frenchDate(asOf)}`, { align: 'right' });
  document.moveDown(1);
  document.text('À l’attention du service paie');
  document.text(`Établissement SIRET ${employer.employerId}`);
  document.moveDown(1.5);
  document.font('Helvetica-Bold').text(`Objet : relance — ${employer.stoppages.length === 1 ? 'attestation de salaire manquante' : `${employer.stoppages.length} attestations de salaire manquantes`}`);
  document.font('Helvetica').moveDown(1);
  document.text('Madame, Monsieur,');
  document.moveDown(0.5);
  document.text(
    'Nous n’avons pas reçu l’attestation de salaire des arrêts de travail ci-dessous. Sans elle, nous ne pouvons ni calculer ni verser les indemnités journalières de vos salariés, qui attendent ce paiement. Nous vous remercions de nous la transmettre dans les meilleurs délais (par la DSN ou par l’attestation de salaire).',
    { align: 'justify' },
  );
  document.moveDown(1);
  let y = document.y;
  row(document, y, COLUMNS.map((column) => column.title), true);
  y += ROW_HEIGHT * 1.4;
  for (const stoppage of employer.stoppages) {
    if (y > document.page.height - MARGIN - ROW_HEIGHT * 4) {
      document.addPage();
      y = MARGIN;
    }
    row(document, y, [stoppage.stoppageId, stoppage.startDate, stoppage.endDate, stoppage.missingMonths.join(' '), `${stoppage.waitingDays} j`], false);
    y += ROW_HEIGHT;
  }
  document.text('', MARGIN, y + ROW_HEIGHT);
  document.text('Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.');
  document.moveDown(1);
  document.text('Le service des indemnités journalières');
}

function row(document: PDFKit.PDFDocument, y: number, cells: string[], bold: boolean): void {
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 8 : 7);
  let x = MARGIN;
  cells.forEach((cell, index) => {
    document.text(cell, x, y, { width: COLUMNS[index].width - 4, lineBreak: false });
    x += COLUMNS[index].width;
  });
}
