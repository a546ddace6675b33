import { chainStartDate, latestChainEnd, requireStoppage, stoppageAccount } from '@ij/ledger';
import type { DailyAllowancePhase, DayLine, ExplanationStep, RulesVersion } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';

export interface ExplainedEntitlement {
  rulesVersion: string;
  stoppageId: string;
  kind: string;
  through: string;
  status: 'COMPUTED' | 'MISSING_SALARY_CERTIFICATE' | 'NO_PARAMETERS_FOR_DATE';
  /** Null when the rules could not compute it (missing certificate, no parameter row). */
  dailyBaseCents: number | null;
  phases: DailyAllowancePhase[];
  payableDays: number;
  entitlementCents: number;
  netEntitlementCents: number;
  days: DayLine[];
  steps: ExplanationStep[];
  missingMonths?: string[];
  missingParameter?: { date: string; parameter: string };
}

/**
 * GET /v1/stoppages/{id}/entitlement: what libs/rules computes under any released version, day by day and
 * step by step with the legal references; nothing is computed here. The days end with the longest period
 * the law pays a chain for (3 years from the chain's start): a stoppage stored before dates were bounded may
 * end in 9999 (issue 21), and its answer must not list seventy years of days. `through` says where it ended.
 */
export function explainedEntitlement(document: PolicyholderDocument, stoppageId: string, rules: RulesVersion, requestedThrough: string): ExplainedEntitlement {
  const state = toPolicyholderState(document);
  const stoppage = requireStoppage(state, stoppageId);
  const latest = latestChainEnd(chainStartDate(state, stoppage, rules));
  const through = requestedThrough > latest ? latest : requestedThrough;
  const { entitlement } = stoppageAccount(state, stoppageId, rules, through);
  const common = { rulesVersion: entitlement.rulesVersion, stoppageId, kind: entitlement.kind, through };
  switch (entitlement.status) {
    case 'COMPUTED':
      return {
        ...common,
        status: entitlement.status,
        dailyBaseCents: entitlement.dailyBaseCents,
        phases: entitlement.phases,
        payableDays: entitlement.payableDays,
        entitlementCents: entitlement.entitlementCents,
        netEntitlementCents: entitlement.netEntitlementCents,
        days: entitlement.days,
        steps: entitlement.steps,
      };
    case 'MISSING_SALARY_CERTIFICATE':
      return {
        ...common,
        status: entitlement.status,
        dailyBaseCents: null,
        phases: [],
        payableDays: entitlement.payableDays,
        entitlementCents: 0,
        netEntitlementCents: 0,
        days: entitlement.days,
        steps: entitlement.steps,
        missingMonths: entitlement.missingMonths,
      };
    case 'NO_PARAMETERS_FOR_DATE':
      return {
        ...common,
        status: entitlement.status,
        dailyBaseCents: null,
        phases: [],
        payableDays: 0,
        entitlementCents: 0,
        netEntitlementCents: 0,
        days: [],
        steps: [],
        missingParameter: { date: entitlement.date, parameter: entitlement.parameter },
      };
  }
}
