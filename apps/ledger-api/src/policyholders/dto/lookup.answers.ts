import { Day, ListOf, Text } from '../../http/openapi/properties';

export class PolicyholderReference {
  @Text({ description: 'opaque, derived from the NIR: address the policyholder with it' }) policyholderId!: string;
}

export class ReleasedRulesVersion {
  @Text({ example: '2026.2' }) version!: string;
  @Day() releasedOn!: string;
  @Text() notes!: string;
}

/** GET /v1/rules: every released version (they stay available forever) and the active one. */
export class RulesVersions {
  @Text({ example: '2026.2' }) active!: string;
  @ListOf(() => ReleasedRulesVersion) versions!: ReleasedRulesVersion[];
}
