import { Day, Flag, Text, Uuid } from '../../http/openapi/properties';

export class RecordedBankAccount {
  @Text() policyholderId!: string;
  @Text({ description: 'masked but for its last 4 characters', example: '***********************0189' }) iban!: string;
  @Text({ optional: true }) bic?: string;
  @Text() holderName!: string;
  @Flag({ description: 'a changed account: its transfers wait until a supervisor other than who changed it confirms it' }) awaitsConfirmation!: boolean;
}

/** POST /v1/policyholders/{policyholderId}/bank-account/confirmation. */
export class ConfirmedBankAccount {
  @Text() policyholderId!: string;
  @Text({ description: 'the IBAN confirmed, masked but for its last 4 characters' }) iban!: string;
  @Text({ description: 'the supervisor who confirmed it' }) confirmedBy!: string;
  @Day() confirmedOn!: string;
}

export class RecordedSubrogation {
  @Uuid() subrogationId!: string;
  @Uuid() stoppageId!: string;
  @Text() employerId!: string;
  @Day() from!: string;
  @Day() to!: string;
  @Text({ description: "the employer's IBAN, masked but for its last 4 characters" }) employerIban!: string;
}
