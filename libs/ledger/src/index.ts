export type { LedgerEvent } from './events/ledger-event';
export * from './events/policyholder-events';
export * from './events/rules-events';
export * from './events/stoppage-id-events';
export { upcast, upcastAll, UnsupportedEventSchema, type AnyLedgerEvent } from './events/upcast';

export * from './commands/commands';

export { DomainError, DOMAIN_ERROR_CODES, isDomainError, type DomainErrorCode } from './errors/domain-error';
export * from './errors/stoppage-errors';
export * from './errors/prolongation-errors';
export * from './errors/payment-errors';
export * from './errors/registry-errors';
export * from './errors/payee-errors';
export * from './errors/late-fact-errors';
export * from './events/late-fact-events';
export * from './events/payment-events';
export * from './events/transfer-events';
export * from './errors/transfer-errors';
export * from './payment-runs/payment-run-events';
export * from './payment-runs/payment-run-state';

export * from './state/policyholder-state';
export { evolve, foldEvents } from './state/evolve';
export { chainRoot, chainStartDate, effectiveEndDate, referenceSalaries, requireStoppage, settledThrough, settlementMovedBackBy } from './state/stoppage-queries';

export type { DecisionContext } from './decisions/decision-context';
export { decide } from './decisions/decide';
export { settle, type Settlement } from './decisions/settlement';

export { toPolicyholderFacts } from './facts/to-policyholder-facts';
export { stateEntitlementCents, stateEntitlements } from './facts/state-entitlements';
export { paymentTotals, type PaymentTotals } from './accounts/payment-totals';
export {
  stoppageAccount,
  policyholderAccount,
  entitlementCentsOf,
  type StoppageAccount,
  type PolicyholderAccount,
  type AccountTotals,
} from './accounts/stoppage-account';
export { regularizationResponse, type RegularizationResponse } from './accounts/regularization-response';

export { decideRules } from './rules-stream/activate-rules-version.decision';
export { requireRulesVersion } from './rules-stream/require-rules-version';
export { initialRulesState, evolveRules, foldRulesEvents, type RulesState } from './rules-stream/rules-state';
export { reserveStoppageId } from './stoppage-ids/reserve-stoppage-id';
export { isValidNir, nirKey, nirProblem, withNirKey } from './identity/nir';
export { isValidSiret, siretProblem } from './identity/siret';
export { ibanProblem, isValidIban, maskIban, normalizeIban, withIbanCheckDigits } from './identity/iban';
export { overpaymentAssessments, outstandingOverpayments, timeBarredOnOrBefore, RECOVERY_LIMITATION_YEARS, type OverpaymentAssessment, type OutstandingOverpayments } from './payees/overpayments';
export { employerShares, grossPaidTo, type EmployerShare } from './payees/payee-shares';
export { withholdingsOn, type Withholdings } from './payees/withholdings';
export { advanceTransfer, paymentTransfer, creditorOf, owedAgain, type Creditor } from './payees/transfers';
export { disbursements, addDisbursements, noDisbursements, type Disbursements, type StatusTotals } from './accounts/disbursements';
export { boundedEndDate, latestChainEnd } from './state/longest-period';
