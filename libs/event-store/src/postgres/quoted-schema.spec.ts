import { quotedSchema } from './quoted-schema';

describe('a schema name spliced into SQL', () => {
  it('quotes a plain identifier', () => {
    expect(quotedSchema('ij_ledger')).toBe('"ij_ledger"');
    expect(quotedSchema('_t1')).toBe('"_t1"');
  });

  it('refuses anything that could leave the quotes or change the statement', () => {
    for (const name of ['ij"; DROP TABLE events; --', 'IJ_Ledger', '1schema', '', 'a'.repeat(64), 'ij ledger', 'ij.ledger']) {
      expect(() => quotedSchema(name)).toThrow(`Invalid schema name: ${name}`);
    }
  });
});
