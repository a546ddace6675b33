import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { InvalidBankReport, type BankReportProblem } from './invalid-bank-report';
import type { BankReport } from './report';
import { elementsByLine } from './xml-location';

/** Larger documents are refused before any parsing: a day's reports of the fund are far below this. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** A document with more schema errors than this is reported with the first ones and a count of the rest. */
const MAX_PROBLEMS = 100;

const SCHEMAS: Record<string, { kind: BankReport['kind']; file: string }> = {
  'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08': { kind: 'camt.054', file: 'camt.054.001.08.xsd' },
  'urn:iso:std:iso:20022:tech:xsd:pain.002.001.11': { kind: 'pain.002', file: 'pain.002.001.11.xsd' },
};

/** The schemas beside the sources (libs/bank-files/schemas), from src/ or from its compiled copy in dist/. */
const SCHEMA_DIRECTORIES = [join(__dirname, '..', 'schemas'), join(__dirname, '..', '..', '..', '..', 'libs', 'bank-files', 'schemas')];
const schemaTexts = new Map<string, string>();

function schemaText(file: string): string {
  let text = schemaTexts.get(file);
  if (text === undefined) {
    const directory = SCHEMA_DIRECTORIES.find((candidate) => existsSync(join(candidate, file)));
    if (directory === undefined) throw new Error(`ISO 20022 schema ${file} not found in ${SCHEMA_DIRECTORIES.join(' or ')}`);
    text = readFileSync(join(directory, file), 'utf8');
    schemaTexts.set(file, text);
  }
  return text;
}

function refuse(message: string, field = 'document'): never {
  throw new InvalidBankReport([{ field, message }]);
}

/** The namespace of the root element, prefixed (`<ns:Document xmlns:ns="…">`) or not. */
function rootNamespace(xml: string): { name: string; namespace: string | undefined } {
  const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([^\s/>]+)([^>]*)>/u.exec(xml.replace(/^\uFEFF/u, ''));
  if (!root) refuse('no root element');
  const [prefix, name] = root[1].includes(':') ? root[1].split(':', 2) : [undefined, root[1]];
  for (const declaration of root[2].matchAll(/xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
    if (declaration[1] === prefix) return { name, namespace: declaration[2] ?? declaration[3] };
  }
  return { name, namespace: undefined };
}

/**
 * Checks a bank report before any of it is read: size, no DOCTYPE (no entity can be declared, so none
 * expanded, by xmllint or by the parser), well formed, a `Document` in the namespace of one of the two
 * reports the ledger reads, and valid against that message's official ISO 20022 schema.
 * Returns which report it is; throws InvalidBankReport with one problem per error otherwise.
 */
export async function validateBankReport(xml: unknown): Promise<BankReport['kind']> {
  if (typeof xml !== 'string') refuse('a bank report is an XML text');
  if (Buffer.byteLength(xml, 'utf8') > MAX_REPORT_BYTES) refuse(`larger than ${MAX_REPORT_BYTES} bytes: refused unread`);
  if (/<!DOCTYPE|<!ENTITY/iu.test(xml)) refuse('DOCTYPE and entity declarations are refused (ISO 20022 documents have none)');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) refuse(`malformed XML at line ${wellFormed.err.line}, column ${wellFormed.err.col}: ${wellFormed.err.msg}`);
  const root = rootNamespace(xml);
  const schema = root.namespace === undefined ? undefined : SCHEMAS[root.namespace];
  if (root.name !== 'Document' || schema === undefined) {
    refuse(`a ${root.name} in namespace ${root.namespace ?? '(none)'} is not a camt.054.001.08 nor a pain.002.001.11 Document`, `/${root.name}`);
  }
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: schema.file, contents: schemaText(schema.file) }],
    maxMemoryPages: 512 * memoryPages.MiB,
  });
  if (result.valid) return schema.kind;
  throw new InvalidBankReport(schemaProblems(xml, result.errors));
}

interface LintError {
  message: string;
  loc: null | { lineNumber: number };
}

function schemaProblems(xml: string, errors: ReadonlyArray<LintError>): BankReportProblem[] {
  const locations = elementsByLine(xml);
  const problems = errors.slice(0, MAX_PROBLEMS).map((error) => {
    const message = error.message.replace(/\{[^}]*\}/gu, '').replace(/^.*validity error\s*:\s*/u, '').trim();
    const element = /Element '([^']+)'/u.exec(message)?.[1];
    const line = error.loc?.lineNumber;
    const candidates = line === undefined ? [] : (locations.get(line) ?? []).filter((at) => at.name === element);
    const field = candidates.length === 1 ? candidates[0].path : line === undefined ? 'document' : `line ${line}`;
    return { field, message: line === undefined ? message : `${message} (line ${line})` };
  });
  if (errors.length > MAX_PROBLEMS) problems.push({ field: 'document', message: `${errors.length - MAX_PROBLEMS} more schema errors not listed` });
  return problems.length > 0 ? problems : [{ field: 'document', message: 'not valid against its ISO 20022 schema' }];
}
