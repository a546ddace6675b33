import { policyholderAccount } from '@ij/ledger';
import type { RulesVersion } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';

export interface StoppageBalance {
  stoppageId: string;
  kind: string;
  status: string;
  entitlementStatus: string;
  entitlementCents: number;
  paidCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
}

export interface PolicyholderBalance {
  policyholderId: string;
  through: string;
  rulesVersion: string;
  entitlementCents: number;
  paidCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
  stoppages: StoppageBalance[];
}

/** GET /v1/policyholders/{id}/balance: libs/ledger's account of every stoppage under the given rules (ij-rules §5). */
export function policyholderBalance(document: PolicyholderDocument, rules: RulesVersion, through: string): PolicyholderBalance {
  const state = toPolicyholderState(document);
  const account = policyholderAccount(state, rules, through);
  return {
    policyholderId: document.policyholderId,
    through,
    rulesVersion: rules.version,
    entitlementCents: account.entitlementCents,
    paidCents: account.paidCents,
    balanceCents: account.balanceCents,
    overpaymentOutstandingCents: account.overpaymentOutstandingCents,
    stoppages: account.stoppages.map((stoppage) => {
      const facts = state.stoppages.get(stoppage.stoppageId)!;
      return {
        stoppageId: stoppage.stoppageId,
        kind: facts.kind,
        status: facts.status,
        entitlementStatus: stoppage.entitlement.status,
        entitlementCents: stoppage.entitlementCents,
        paidCents: stoppage.paidCents,
        balanceCents: stoppage.balanceCents,
        overpaymentOutstandingCents: stoppage.overpaymentOutstandingCents,
      };
    }),
  };
}
