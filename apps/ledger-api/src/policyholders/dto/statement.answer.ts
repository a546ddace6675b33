import { TAXABLE_BASE, type PolicyholderStatement, type StatementAdvance as StatementAdvanceModel, type StatementAmounts as StatementAmountsModel, type StatementReturn as StatementReturnModel, type StatementMonth as StatementMonthModel } from '@ij/projections';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { type EveryField, Cents, Day, Integer, ListOf, Month, ObjectOf, OneOf, Text, Uuid } from '../../http/openapi/properties';

/** Allowances (gross) by kind of stoppage; a kind with nothing paid is absent. */
export class AllowancesByKind implements Partial<Record<StoppageKind, number>> {

  @Cents({ optional: true }) SICKNESS?: number;
  @Cents({ optional: true }) OCCUPATIONAL_ACCIDENT?: number;
  @Cents({ optional: true }) OCCUPATIONAL_DISEASE?: number;
  @Cents({ optional: true }) MATERNITY?: number;
  @Cents({ optional: true }) PATERNITY?: number;
  @Cents({ optional: true }) THERAPEUTIC_PART_TIME?: number;
}

/** Compiles only while AllowancesByKind names every kind of stoppage. */
export const EVERY_KIND_DOCUMENTED: [Exclude<StoppageKind, keyof AllowancesByKind>] extends [never] ? true : never = true;

export class StatementAdvance implements EveryField<StatementAdvanceModel> {
  @Uuid() advanceId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Day() issuedOn!: string;
  @Cents() amountCents!: number;
}

/** A transfer the bank returned, and the transfer that paid it again (when one did). */
export class StatementReturn implements EveryField<StatementReturnModel> {
  @Text({ description: "the bank file's EndToEndId (at most 35 characters)" }) transferId!: string;
  @Uuid() stoppageId!: string;
  @Cents() netCents!: number;
  @Day() returnedOn!: string;
  @Text({ description: 'the ISO 20022 return reason (AC04, MS03, …)' }) reasonCode!: string;
  @Text({ optional: true, description: 'the transfer that paid it again' }) repaidBy!: string | undefined;
  @Day({ optional: true }) repaidOn!: string | undefined;
}

export class StatementAmounts implements EveryField<StatementAmountsModel> {
  @Cents({ description: 'advances issued this month: allowances of the month they are paid (CGI art. 12)' }) advancesCents!: number;
  @Cents({ description: "the policyholder's allowances paid this month (gross): advances and regularization payments" }) allowancesGrossCents!: number;
  @ObjectOf(() => AllowancesByKind) allowancesByKind!: AllowancesByKind;
  @Cents() csgCents!: number;
  @Cents() crdsCents!: number;
  @Cents({ description: 'the deductible part of the CSG (3.8 points of the gross)' }) deductibleCsgCents!: number;
  @Cents({ description: "what was ordered to the policyholder's account: the net of advances and payments" }) netPaidCents!: number;
  @Cents({ description: "(gross − deductible CSG) × the kind's share, less what recoveries of overpayments take back this month" }) taxableCents!: number;
  @Cents({ description: 'allowances paid to a subrogated employer (gross): not the policyholder\'s income' }) paidToEmployerCents!: number;
  @Cents() overpaymentsRecoveredCents!: number;
  @Cents({ description: 'transfers the bank returned this month (net)' }) returnedCents!: number;
  @Cents({ description: 'returned transfers paid again this month (net)' }) repaidCents!: number;
}

export class StatementMonth extends StatementAmounts implements EveryField<StatementMonthModel> {
  @Month() month!: string;
  @ListOf(() => StatementAdvance) advances!: StatementAdvance[];
  @ListOf(() => StatementReturn) returns!: StatementReturn[];
}

/** GET /v1/policyholders/{policyholderId}/statements/{year}: the year month by month, by the date money moved. */
export class Statement implements EveryField<PolicyholderStatement> {
  @Text() policyholderId!: string;
  @Integer() year!: number;
  @OneOf([TAXABLE_BASE]) taxableBase!: typeof TAXABLE_BASE;
  @ListOf(() => StatementMonth) months!: StatementMonth[];
  @ObjectOf(() => StatementAmounts) totals!: StatementAmounts;
}
