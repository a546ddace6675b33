import type { RegularizationResponse } from '@ij/ledger';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { type EveryField, Cents, Day, Months, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

const OUTCOMES = valuesOf<RegularizationResponse['outcome']>({ PAID: true, OVERPAYMENT_ASSESSED: true, NOTHING_DUE: true });

/** The answers of the commands (api.md); each handler returns its class, so the compiler holds both to one shape. */

export class OpenedStoppage {
  @Uuid() stoppageId!: string;
  @Text({ description: 'opaque, derived from the NIR by the ledger: address the policyholder with it', example: '6J_8LjXiMl0BDcUOAaORdZQbKK' }) policyholderId!: string;
}

export class StoppageExtension {
  @Uuid() stoppageId!: string;
  @Day() previousEndDate!: string;
  @Day({ description: 'the prescribed end after this extension' }) endDate!: string;
}

export class EarlyEnd {
  @Uuid() stoppageId!: string;
  @Day({ description: 'the last day of incapacity' }) lastDay!: string;
  @Day({ description: 'the effective end before this early end' }) previousEndDate!: string;
}

export class RecordedSalaryCertificate {
  @Uuid() stoppageId!: string;
  @Months({ description: 'the months whose gross salary was recorded' }) months!: string[];
}

export class IssuedAdvance {
  @Uuid() advanceId!: string;
}

export class RegularizationOutcome implements EveryField<RegularizationResponse> {
  @Uuid() regularizationId!: string;
  @Text({ example: '2026.2' }) rulesVersion!: string;
  @Cents({ description: 'entitlement through `through` under rulesVersion' }) entitlementCents!: number;
  @Cents({ description: 'advances + earlier payments − recoveries' }) paidBeforeCents!: number;
  @Cents({ description: 'entitlementCents − paidBeforeCents: paid when positive, assessed as an overpayment when negative' }) deltaCents!: number;
  @OneOf(OUTCOMES) outcome!: RegularizationResponse['outcome'];
}

export class RecordedRecovery {
  @Uuid() recoveryId!: string;
  @Cents() amountCents!: number;
}

export class RulesActivation {
  @Text({ example: '2026.2' }) active!: string;
  @Text({ nullable: true, description: 'null when no version had been activated (the default was in force)' }) previousVersion!: string | null;
}

/** POST /v1/stoppages/{stoppageId}/requalification: the kind it had and the kind it has now (its prolongation chain follows). */
export class RequalifiedStoppage {
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) previousKind!: StoppageKind;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
}

/** POST /v1/stoppages/{stoppageId}/annulment: nothing is due for it from now on. */
export class AnnulledStoppage {
  @Uuid() stoppageId!: string;
  @Day() annulledOn!: string;
}
