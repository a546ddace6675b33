import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'pdf-to-text.mjs');

/** The text of a PDF as pdf.js extracts it, spaces of every kind written as plain spaces. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(output).toString('utf8').replace(/[\u00a0\u202f]/gu, ' ')) : reject(new Error(`pdf-to-text exited ${code}: ${Buffer.concat(errors).toString('utf8')}`)),
    );
    child.stdin.end(pdf);
  });
}

/** An amount as the statement prints it, with plain spaces (as pdfText gives them). */
export function printedAmount(formatted: string): string {
  return formatted.replace(/[\u00a0\u202f]/gu, ' ');
}
