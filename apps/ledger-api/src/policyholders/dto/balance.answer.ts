import { STOPPAGE_KINDS } from '@ij/rules';
import type { PolicyholderBalance, StoppageBalance as StoppageBalanceModel } from '@ij/projections';
import { type EveryField, Cents, Day, ListOf, ObjectOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

type PayeeBalanceView = StoppageBalanceModel['payees'][number];
type OverpaymentRecovery = PolicyholderBalance['overpayments'];
type MaskedBankAccountModel = NonNullable<PolicyholderBalance['bankAccount']>;

export const ENTITLEMENT_STATUSES = valuesOf<'COMPUTED' | 'MISSING_SALARY_CERTIFICATE' | 'NO_PARAMETERS_FOR_DATE'>({
  COMPUTED: true,
  MISSING_SALARY_CERTIFICATE: true,
  NO_PARAMETERS_FOR_DATE: true,
});
export const STOPPAGE_STATUSES = valuesOf<'open' | 'closed'>({ open: true, closed: true });

export class PayeeBalance implements EveryField<PayeeBalanceView> {
  @OneOf(valuesOf<PayeeBalanceView['payee']>({ POLICYHOLDER: true, EMPLOYER: true })) payee!: PayeeBalanceView['payee'];
  @Text({ optional: true, description: 'EMPLOYER only' }) employerId!: string | undefined;
  @Cents({ description: 'the allowances of the days paid to this payee' }) entitlementCents!: number;
  @Cents() paidCents!: number;
  @Cents() balanceCents!: number;
}

export class TimeBarredOverpayment {
  @Uuid() stoppageId!: string;
  @Uuid() regularizationId!: string;
  @Day() assessedOn!: string;
  @Day({ description: 'when the overpaid amount was paid: the time bar runs from here (L332-1)' }) paidOn!: string;
  @Cents() outstandingCents!: number;
}

export class OverpaymentRecoveries implements EveryField<OverpaymentRecovery> {
  @Cents({ description: 'outstanding and assessed less than two years ago: deducted from the next payments (L133-4-1)' }) recoverableCents!: number;
  @Cents({ description: 'outstanding but assessed two years ago or more: never deducted (L332-1)' }) timeBarredCents!: number;
  @ListOf(() => TimeBarredOverpayment) timeBarred!: TimeBarredOverpayment[];
}

export class MaskedBankAccount implements EveryField<MaskedBankAccountModel> {
  @Text({ description: 'masked but for its last 4 characters' }) iban!: string;
  @Text({ optional: true }) bic!: string | undefined;
  @Text() holderName!: string;
}

export class StoppageBalance implements EveryField<StoppageBalanceModel> {
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: string;
  @OneOf(STOPPAGE_STATUSES) status!: string;
  @OneOf(ENTITLEMENT_STATUSES) entitlementStatus!: string;
  @Cents() entitlementCents!: number;
  @Cents() paidCents!: number;
  @Cents({ description: 'returned by the bank and owed again (included in the balance) until a payment run orders it again' }) returnedOwedCents!: number;
  @Cents() balanceCents!: number;
  @Cents() overpaymentOutstandingCents!: number;
  @ListOf(() => PayeeBalance, { description: 'the policyholder, and each employer subrogated for some of the days' }) payees!: PayeeBalance[];
}

/** GET /v1/policyholders/{policyholderId}/balance. */
export class Balance implements EveryField<PolicyholderBalance> {
  @Text() policyholderId!: string;
  @Day() through!: string;
  @Text() rulesVersion!: string;
  @Cents() entitlementCents!: number;
  @Cents() paidCents!: number;
  @Cents({ description: 'returned by the bank and owed again (included in the balance) until a payment run orders it again' }) returnedOwedCents!: number;
  @Cents({ description: 'entitlement − paid: positive is owed to the policyholder, negative is overpaid' }) balanceCents!: number;
  @Cents() overpaymentOutstandingCents!: number;
  @ObjectOf(() => OverpaymentRecoveries) overpayments!: OverpaymentRecoveries;
  @ObjectOf(() => MaskedBankAccount, { nullable: true, description: 'null until the policyholder gives one' }) bankAccount!: MaskedBankAccount | null;
  @ListOf(() => StoppageBalance) stoppages!: StoppageBalance[];
}
