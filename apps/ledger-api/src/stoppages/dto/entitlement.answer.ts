import type { ExplainedEntitlement as ExplainedEntitlementModel } from '@ij/projections';
import type { DailyAllowancePhase, DayLine, DayReason, ExplanationStep } from '@ij/rules';
import { STOPPAGE_KINDS } from '@ij/rules';
import { type EveryField, Cents, Count, Day, Flag, Integer, ListOf, Months, ObjectOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';
import { ENTITLEMENT_STATUSES } from '../../policyholders/dto/balance.answer';

const DAY_REASONS = valuesOf<DayReason>({
  PAID: true,
  CARENCE: true,
  OUTSIDE_PRESCRIPTION: true,
  ACCIDENT_DAY: true,
  LIMIT_360_REACHED: true,
  ALD_LIMIT_REACHED: true,
  AFTER_EARLY_END: true,
  NOT_YET_DUE: true,
});

export class AllowancePhase implements EveryField<DailyAllowancePhase> {
  @Integer({ description: '1-based indemnified day number, counted across the prolongation chain' }) fromDay!: number;
  @Integer({ nullable: true, description: 'null: to the end' }) toDay!: number | null;
  @Cents() dailyAllowanceCents!: number;
  @Text({ description: 'the rate applied, as an exact decimal string', example: '0.5' }) rate!: string;
  @Day({ optional: true, description: 'set when the phase is selected by the date rather than the day number' }) fromDate!: string | undefined;
}

export class EntitlementDay implements EveryField<DayLine> {
  @Day() date!: string;
  @Flag() paid!: boolean;
  @Cents() amountCents!: number;
  @OneOf(DAY_REASONS) reason!: DayReason;
}

export class ExplanationLine implements EveryField<ExplanationStep> {
  @Text() label!: string;
  @Text() value!: string;
  @Text({ description: 'the legal reference (code, article) or the ij-rules section' }) legalRef!: string;
}

export class MissingParameter {
  @Day() date!: string;
  @Text() parameter!: string;
}

/** GET /v1/stoppages/{stoppageId}/entitlement: what the rules compute, day by day and step by step with the legal references. */
export class ExplainedEntitlement implements EveryField<ExplainedEntitlementModel> {
  @Text() rulesVersion!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: string;
  @Day() through!: string;
  @OneOf(ENTITLEMENT_STATUSES) status!: ExplainedEntitlementModel['status'];
  @Cents({ nullable: true, description: 'null when the rules could not compute it (missing certificate, no parameter row)' }) dailyBaseCents!: number | null;
  @ListOf(() => AllowancePhase) phases!: AllowancePhase[];
  @Count() payableDays!: number;
  @Cents() entitlementCents!: number;
  @Cents() netEntitlementCents!: number;
  @ListOf(() => EntitlementDay) days!: EntitlementDay[];
  @ListOf(() => ExplanationLine) steps!: ExplanationLine[];
  @Months({ optional: true, description: 'MISSING_SALARY_CERTIFICATE: the months the certificate must give' }) missingMonths!: string[] | undefined;
  @ObjectOf(() => MissingParameter, { optional: true, description: 'NO_PARAMETERS_FOR_DATE' }) missingParameter!: MissingParameter | undefined;
}
