import { PolicyholderNotFound } from '../errors/payee-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { POLICYHOLDER_ACCOUNT } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

describe("recording the policyholder's bank account", () => {
  it('records it for a known policyholder', () =>
    given(...histories.openedStoppage())
      .when(commands.recordBankAccount())
      .then([events.bankAccountRecorded({ account: POLICYHOLDER_ACCOUNT })]));

  it('keeps the BIC when given', () =>
    given(...histories.openedStoppage())
      .when(commands.recordBankAccount({ bic: 'AGRIFRPP' }))
      .then([events.bankAccountRecorded({ account: { ...POLICYHOLDER_ACCOUNT, bic: 'AGRIFRPP' } })]));

  it('refuses a policyholder without any stoppage: a mistyped id opens no stream', () =>
    given().when(commands.recordBankAccount()).thenFails(PolicyholderNotFound));
});
