import { InvalidApiKeys, parseApiKeys } from './api-keys';

describe('API keys (api.md: key:role[+role]:actorId, comma-separated)', () => {
  const ring = parseApiKeys('clerk-key-000000001:clerk:alice, boss-key-0000000001:supervisor+auditor:bob');

  it('finds the actor and roles of a key', () => {
    expect(ring.authenticate('clerk-key-000000001')).toEqual({ actorId: 'alice', roles: ['clerk'] });
    expect(ring.authenticate('boss-key-0000000001')).toEqual({ actorId: 'bob', roles: ['supervisor', 'auditor'] });
  });

  it('knows no other key, nor a prefix of one', () => {
    expect(ring.authenticate('clerk-key-00000000')).toBeUndefined();
    expect(ring.authenticate('')).toBeUndefined();
  });

  it.each([
    ['a missing actor', 'clerk-key-000000001:clerk'],
    ['an unknown role', 'clerk-key-000000001:admin:alice'],
    ['a short key', 'short:clerk:alice'],
    ['nothing at all', ' , '],
  ])('refuses a specification with %s', (_label, specification) => {
    expect(() => parseApiKeys(specification)).toThrow(InvalidApiKeys);
  });
});
