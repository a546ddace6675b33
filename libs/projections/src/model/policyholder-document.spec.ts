import { deserializeDocument, serializeDocument, type PolicyholderDocument } from './policyholder-document';

describe('a stored policyholder document', () => {
  const base: PolicyholderDocument = { policyholderId: 'p-1', stoppages: [], advancesRegularized: { 's-1': 2 }, lastPosition: 7n };

  it('stores the stoppages and the regularized counts only when nothing else is known, as documents before #17 were', () =>
    expect(serializeDocument(base)).toBe('{"stoppages":[],"advancesRegularized":{"s-1":2}}'));

  it('stores the optional fields present, after the required ones, in a fixed order', () => {
    const document: PolicyholderDocument = {
      ...base,
      unusableEmployerAccounts: { 'e-1': 'returned' },
      bankAccount: { iban: 'FR76', holderName: 'A' } as PolicyholderDocument['bankAccount'],
      transfers: undefined,
    };
    expect(serializeDocument(document)).toBe(
      '{"stoppages":[],"advancesRegularized":{"s-1":2},"bankAccount":{"iban":"FR76","holderName":"A"},"unusableEmployerAccounts":{"e-1":"returned"}}',
    );
    expect(deserializeDocument('p-1', serializeDocument(document), 7n)).toEqual({ ...document, transfers: undefined });
  });
});
