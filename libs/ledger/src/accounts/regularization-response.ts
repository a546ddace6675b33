import type { RegularizationOutcome, StoppageRegularized } from '../events/policyholder-events';

export interface RegularizationResponse {
  rulesVersion: string;
  entitlementCents: number;
  paidBeforeCents: number;
  deltaCents: number;
  outcome: RegularizationOutcome;
}

/** The body of `201` to Regularize (api.md). */
export function regularizationResponse(event: StoppageRegularized): RegularizationResponse {
  const { rulesVersion, entitlementCents, paidBeforeCents, deltaCents, outcome } = event.data;
  return { rulesVersion, entitlementCents, paidBeforeCents, deltaCents, outcome };
}
