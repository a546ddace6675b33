import { PolicyholderNotFound, UnknownRulesVersion } from '@ij/ledger';
import { asNotFound, toProblem } from './to-problem';

/** One definition per problem code: the same domain error answers a command with 409 and a query's URL with 404. */
describe('problems of domain errors', () => {
  const unknown = new UnknownRulesVersion('1999.9', ['2026.1', '2026.2']);

  it('refuses a command naming an unknown rules version with 409, carrying the facts', () => {
    expect(toProblem(unknown)).toEqual({
      type: 'https://ij-ledger.dev/problems/unknown-rules-version',
      title: 'Unknown rules version',
      status: 409,
      detail: 'Rules version 1999.9 is not released; known versions: 2026.1, 2026.2',
      version: '1999.9',
      knownVersions: ['2026.1', '2026.2'],
    });
  });

  it('answers the same error named by a query as 404, everything else the same', () => {
    expect(toProblem(asNotFound(unknown))).toEqual({ ...toProblem(unknown), status: 404 });
  });

  it('answers an unknown policyholder 404 without repeating the identity searched', () => {
    expect(toProblem(new PolicyholderNotFound())).toEqual({
      type: 'https://ij-ledger.dev/problems/policyholder-not-found',
      title: 'Policyholder not found',
      status: 404,
      detail: 'No policyholder with a stoppage is known under this identity.',
    });
  });
});
