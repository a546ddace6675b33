import { policyholderAccount } from '@ij/ledger';
import type { RulesVersion } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import { maskedBankAccount, overpaymentRecovery, payeeBalances, type OverpaymentRecovery, type PayeeBalance } from './payees';

export interface StoppageBalance {
  stoppageId: string;
  kind: string;
  status: string;
  entitlementStatus: string;
  entitlementCents: number;
  paidCents: number;
  /** Returned by the bank and owed again (included in the balance) until a payment run orders it again. */
  returnedOwedCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
  /** The policyholder, and each employer subrogated for some of the days. */
  payees: PayeeBalance[];
}

export interface PolicyholderBalance {
  policyholderId: string;
  through: string;
  rulesVersion: string;
  entitlementCents: number;
  paidCents: number;
  /** Returned by the bank and owed again (included in the balance) until a payment run orders it again. */
  returnedOwedCents: number;
  balanceCents: number;
  overpaymentOutstandingCents: number;
  /** Outstanding overpayments to deduct from later payments, and those time-barred (as of `through`). */
  overpayments: OverpaymentRecovery;
  /** Masked but for the last 4 characters of the IBAN. */
  bankAccount: { iban: string; bic?: string; holderName: string } | null;
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
    returnedOwedCents: account.returnedOwedCents,
    balanceCents: account.balanceCents,
    overpaymentOutstandingCents: account.overpaymentOutstandingCents,
    overpayments: overpaymentRecovery(state, through, rules),
    bankAccount: maskedBankAccount(state),
    stoppages: account.stoppages.map((stoppage) => {
      const facts = state.stoppages.get(stoppage.stoppageId)!;
      return {
        stoppageId: stoppage.stoppageId,
        kind: facts.kind,
        status: facts.status,
        entitlementStatus: stoppage.entitlement.status,
        entitlementCents: stoppage.entitlementCents,
        paidCents: stoppage.paidCents,
        returnedOwedCents: stoppage.returnedOwedCents,
        balanceCents: stoppage.balanceCents,
        overpaymentOutstandingCents: stoppage.overpaymentOutstandingCents,
        payees: payeeBalances(facts, stoppage),
      };
    }),
  };
}
