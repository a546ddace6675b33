import type { AdvanceRecord, AnnulmentRecord, ExtensionRecord, RecoveryRecord, RegularizationRecord, RequalificationRecord, StoppageState } from '@ij/ledger';
import type { StoppageView as StoppageViewModel } from '@ij/projections';
import { STOPPAGE_KINDS, type MonthlySalary, type StoppageKind } from '@ij/rules';
import { type EveryField, Cents, Day, ListOf, Month, Months, ObjectOf, OneOf, Text, Uuid, Uuids, valuesOf } from '../../http/openapi/properties';
import { ENTITLEMENT_STATUSES, STOPPAGE_STATUSES } from '../../policyholders/dto/balance.answer';

export class Salary implements EveryField<MonthlySalary> {
  @Month() month!: string;
  @Cents({ description: 'gross salary of the month' }) grossCents!: number;
}

export class AldAffection {
  @Text() affectionId!: string;
}

export class Extension implements EveryField<ExtensionRecord> {
  @Uuid() stoppageId!: string;
  @Day() previousEndDate!: string;
  @Day() newEndDate!: string;
  @Day({ optional: true }) prescribedOn!: string | undefined;
  @Day() extendedOn!: string;
}

export class Advance implements EveryField<AdvanceRecord> {
  @Uuid() stoppageId!: string;
  @Uuid() advanceId!: string;
  @Cents() amountCents!: number;
  @Text() reason!: string;
  @Day() issuedOn!: string;
}

export class Regularization implements EveryField<RegularizationRecord> {
  @Uuid() stoppageId!: string;
  @Uuid() regularizationId!: string;
  @Day() through!: string;
  @Text() rulesVersion!: string;
  @Cents() entitlementCents!: number;
  @Cents() paidBeforeCents!: number;
  @Cents() overpaymentOutstandingBeforeCents!: number;
  @Cents({ description: 'entitlementCents − paidBeforeCents' }) deltaCents!: number;
  @OneOf(valuesOf<RegularizationRecord['outcome']>({ PAID: true, OVERPAYMENT_ASSESSED: true, NOTHING_DUE: true })) outcome!: RegularizationRecord['outcome'];
  @Cents() paymentCents!: number;
  @Cents() overpaymentAssessedCents!: number;
  @Cents() overpaymentCancelledCents!: number;
  @Day() regularizedOn!: string;
  @OneOf(STOPPAGE_KINDS, { optional: true, description: 'the kind it was computed under (absent on regularizations recorded before late facts)' }) kind!: StoppageKind | undefined;
}

export class Requalification implements EveryField<RequalificationRecord> {
  @Uuid({ description: 'the stoppage addressed' }) stoppageId!: string;
  @Uuids({ description: 'every stoppage of the prolongation chain that followed, the addressed one first' }) stoppageIds!: string[];
  @OneOf(STOPPAGE_KINDS) previousKind!: StoppageKind;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Day({ optional: true, description: 'the accident date (occupational accident only)' }) accidentDate!: string | undefined;
  @Day({ optional: true }) previousAccidentDate!: string | undefined;
  @Day({ description: 'when the fund decided on the occupational character (or refused it)' }) recognizedOn!: string;
  @Day() recordedOn!: string;
}

export class Annulment implements EveryField<AnnulmentRecord> {
  @Uuid() stoppageId!: string;
  @Text() reason!: string;
  @Day() annulledOn!: string;
}

export class Recovery implements EveryField<RecoveryRecord> {
  @Uuid() stoppageId!: string;
  @Uuid() recoveryId!: string;
  @Cents() amountCents!: number;
  @Day() recordedOn!: string;
}

/** GET /v1/stoppages/{stoppageId}: the facts and payments, with the money under the active rules through a date. */
export class StoppageView implements EveryField<StoppageViewModel> {
  @Uuid() stoppageId!: string;
  @Text() policyholderId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageState['kind'];
  @OneOf(STOPPAGE_STATUSES) status!: StoppageState['status'];
  @Day() startDate!: string;
  @Day({ description: 'the prescribed end after every extension' }) endDate!: string;
  @Day({ optional: true, description: 'set by an early end' }) lastDay!: string | undefined;
  @Day({ optional: true }) prescribedOn!: string | undefined;
  @Uuid({ optional: true }) prolongationOf!: string | undefined;
  @Text({ optional: true, description: "the employer's SIRET, when given" }) employerId!: string | undefined;
  @ObjectOf(() => Annulment, { optional: true, description: 'set once annulled (entered in error): nothing is due for it any more' }) annulled!: Annulment | undefined;
  @ListOf(() => Requalification, { optional: true, description: 'every change of kind, oldest first (the current kind is `kind`)' }) requalifications!: Requalification[] | undefined;
  @ObjectOf(() => AldAffection, { optional: true }) ald!: AldAffection | undefined;
  @Day({ optional: true }) accidentDate!: string | undefined;
  @Cents({ optional: true }) dailyLossOfEarningsCents!: number | undefined;
  @Day() openedOn!: string;
  @ListOf(() => Salary, { optional: true, description: 'the latest certificate recorded on this stoppage' }) salaries!: Salary[] | undefined;
  @ListOf(() => Extension) extensions!: Extension[];
  @ListOf(() => Advance) advances!: Advance[];
  @ListOf(() => Regularization) regularizations!: Regularization[];
  @ListOf(() => Recovery) recoveries!: Recovery[];
  @Text() rulesVersion!: string;
  @Day() through!: string;
  @OneOf(ENTITLEMENT_STATUSES) entitlementStatus!: string;
  @Months({ optional: true }) missingSalaryMonths!: string[] | undefined;
  @Cents() entitlementCents!: number;
  @Cents({ description: 'advances + regularization payments − recoveries' }) paidCents!: number;
  @Cents() balanceCents!: number;
  @Cents() overpaymentOutstandingCents!: number;
  @Cents() advancesCents!: number;
  @Cents() paymentsCents!: number;
  @Cents() recoveredCents!: number;
}
