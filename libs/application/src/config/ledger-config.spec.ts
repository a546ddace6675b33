import { InvalidConfiguration, readLedgerConfig } from './ledger-config';

describe('readLedgerConfig: issue 21 settings', () => {
  it('refuses a LEDGER_POLICYHOLDER_SECRET shorter than 32 characters, saying why', () => {
    expect(() => readLedgerConfig({ LEDGER_POLICYHOLDER_SECRET: 'x'.repeat(31) })).toThrow(InvalidConfiguration);
    expect(() => readLedgerConfig({ LEDGER_POLICYHOLDER_SECRET: 'short' })).toThrow(/at least 32 characters \(it has 5\)/u);
    expect(readLedgerConfig({ LEDGER_POLICYHOLDER_SECRET: 'x'.repeat(32) }).policyholderSecret).toBe('x'.repeat(32));
    expect(readLedgerConfig({}).policyholderSecret).toBeUndefined();
  });

  it('listens on loopback unless LEDGER_BIND_ADDRESS says otherwise, and refuses what is not an address', () => {
    expect(readLedgerConfig({}).bindAddress).toBe('127.0.0.1');
    expect(readLedgerConfig({ LEDGER_BIND_ADDRESS: '0.0.0.0' }).bindAddress).toBe('0.0.0.0');
    expect(readLedgerConfig({ LEDGER_BIND_ADDRESS: '::' }).bindAddress).toBe('::');
    expect(() => readLedgerConfig({ LEDGER_BIND_ADDRESS: 'every interface' })).toThrow(/LEDGER_BIND_ADDRESS/u);
  });

  it('counts 30 failed authentications per minute and address by default', () => {
    expect(readLedgerConfig({}).authFailuresPerMinute).toBe(30);
    expect(readLedgerConfig({ LEDGER_AUTH_FAILURES_PER_MINUTE: '5' }).authFailuresPerMinute).toBe(5);
  });

  it('lets a lease on background work last 30 s by default, and refuses LEDGER_WORK_LEASE_MS outside 300 ms to a day', () => {
    expect(readLedgerConfig({}).workLeaseMs).toBe(30_000);
    expect(readLedgerConfig({ LEDGER_WORK_LEASE_MS: '1500' }).workLeaseMs).toBe(1_500);
    expect(() => readLedgerConfig({ LEDGER_WORK_LEASE_MS: '299' })).toThrow(/LEDGER_WORK_LEASE_MS must be a whole number of milliseconds from 300 to 86400000, not "299"/u);
    expect(() => readLedgerConfig({ LEDGER_WORK_LEASE_MS: '1e9' })).toThrow(InvalidConfiguration);
    expect(() => readLedgerConfig({ LEDGER_WORK_LEASE_MS: '2.5' })).toThrow(InvalidConfiguration);
    expect(() => readLedgerConfig({ LEDGER_WORK_LEASE_MS: 'soon' })).toThrow(InvalidConfiguration);
  });
});
