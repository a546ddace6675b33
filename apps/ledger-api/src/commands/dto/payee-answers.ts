import { Day, Text, Uuid } from '../../http/openapi/properties';

export class RecordedBankAccount {
  @Text() policyholderId!: string;
  @Text({ description: 'masked but for its last 4 characters', example: '***********************0189' }) iban!: string;
  @Text({ optional: true }) bic?: string;
  @Text() holderName!: string;
}

export class RecordedSubrogation {
  @Uuid() subrogationId!: string;
  @Uuid() stoppageId!: string;
  @Text() employerId!: string;
  @Day() from!: string;
  @Day() to!: string;
  @Text({ description: "the employer's IBAN, masked but for its last 4 characters" }) employerIban!: string;
}
