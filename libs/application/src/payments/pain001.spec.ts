import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { pain001, type BankFileTransfer } from './pain001';
import { sepaText } from './sepa-text';

const XSD = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'pain.001.001.03.xsd'), 'utf8');

describe('sepaText: the SEPA character set (a–z A–Z 0–9 / - ? : ( ) . , \' + space)', () => {
  it.each([
    ['Camille Martin', 'Camille Martin'],
    ['Zoë Weiß-Ørsted', 'Zoe Weiss-Orsted'],
    ['Œuvre & Fils « SARL »', "OEuvre + Fils ' SARL '"],
    ['bell\u0007nul\u0000esc\u001b', 'bell nul esc'],
    ['\u202eevil\u202c name\u2066', 'evil name'],
    ['<tag> "quoted" 😀', ".tag. 'quoted' ."],
    ['\u0000\u0007', '.'],
    ['lone \ud800 surrogate', 'lone . surrogate'],
  ])('writes %j as %j', (text, written) => {
    expect(sepaText(text, 140)).toBe(written);
  });

  it('cuts to the length given, without a trailing space', () => {
    expect(sepaText('Anne Marie', 5)).toBe('Anne');
  });
});

describe('pain001 with names stored before free text was checked (issue 21)', () => {
  const transfer = (transferId: string, holderName: string): BankFileTransfer => ({
    transferId,
    payee: 'POLICYHOLDER',
    stoppageId: '6f1c1d7e-7a43-4c55-9a49-2d0c7e0b1a01',
    creditorAccount: { iban: 'FR7630006000011234567890189', holderName },
    netCents: 9_330,
  });

  it('is well-formed and valid against the XSD, each name in the SEPA character set', async () => {
    // 3 transfers of 93.30 €: 279.90 €.
    const xml = await pain001(
      {
        messageId: 'run-1',
        createdAt: '2025-11-30T12:00:00',
        executionDate: '2025-12-01',
        debtor: { name: 'Caisse primaire d’assurance maladie', iban: 'FR7630001007941234567890185', bic: 'BDFEFRPP' },
        totals: { count: 3, netCents: 27_990, byPayee: { POLICYHOLDER: { count: 3, netCents: 27_990 }, EMPLOYER: { count: 0, netCents: 0 } } },
      },
      [transfer('P1', 'Bell\u0007 Nul\u0000 Esc\u001b'), transfer('P2', 'Zoë Weiß'), transfer('P3', '\u202e<&>\u202c')],
    );
    const validation = await validateXML({ xml: [{ fileName: 'run.xml', contents: xml }], schema: [{ fileName: 'pain.001.001.03.xsd', contents: XSD }] });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(xml).toContain('<Nm>Bell Nul Esc</Nm>');
    expect(xml).toContain('<Nm>Zoe Weiss</Nm>');
    expect(xml).toContain('<Nm>.+.</Nm>');
    expect(xml).toContain("<Nm>Caisse primaire d'assurance maladie</Nm>");
    expect(xml).toContain('<CtrlSum>279.90</CtrlSum>');
  });
});
