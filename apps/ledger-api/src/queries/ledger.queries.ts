/** The messages sent on the QueryBus. `through` is absent when the caller wants today. */
export class GetStoppageQuery {
  constructor(readonly stoppageId: string, readonly through?: string) {}
}

export class ExplainEntitlementQuery {
  constructor(readonly stoppageId: string, readonly through?: string, readonly rulesVersion?: string) {}
}

export class FindPolicyholderQuery {
  constructor(readonly nir: string) {}
}

export class GetBalanceQuery {
  constructor(readonly policyholderId: string, readonly through?: string) {}
}

export class GetHistoryQuery {
  constructor(readonly policyholderId: string) {}
}

export class GetBacklogQuery {
  constructor(readonly through?: string) {}
}

export class GetStatementQuery {
  constructor(readonly policyholderId: string, readonly year: number) {}
}

export class GetPolicyholderStatusQuery {
  constructor(readonly policyholderId: string) {}
}

export class GetTimelinessQuery {
  constructor(readonly from?: string, readonly to?: string) {}
}

export class GetMissingCertificatesQuery {
  constructor(readonly olderThanDays: number) {}
}
