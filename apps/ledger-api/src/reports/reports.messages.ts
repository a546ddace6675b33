/** The reports' messages on the QueryBus: the regularization backlog, timeliness and missing certificates. */
export class GetBacklogQuery {
  constructor(readonly through?: string) {}
}

export class GetTimelinessQuery {
  constructor(readonly from?: string, readonly to?: string) {}
}

export class GetMissingCertificatesQuery {
  constructor(readonly olderThanDays: number) {}
}
