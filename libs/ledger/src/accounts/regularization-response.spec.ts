import { events } from '../test-support/events';
import { regularizationResponse } from './regularization-response';

describe('the answer to Regularize', () => {
  it('carries the version, the entitlement, what had been paid, the difference and the outcome (api.md)', () =>
    expect(
      regularizationResponse(
        events.stoppageRegularized({ rulesVersion: '2026.2', entitlementCents: 85_462, paidBeforeCents: 30_000, deltaCents: 55_462, outcome: 'PAID', paymentCents: 55_462 }),
      ),
    ).toEqual({ rulesVersion: '2026.2', entitlementCents: 85_462, paidBeforeCents: 30_000, deltaCents: 55_462, outcome: 'PAID' }));
});
