/** The reports' messages on the QueryBus: the regularization backlog, timeliness and missing certificates. */
/** The whole backlog (every row) when `page` is absent: the CSV export. */
export class GetBacklogQuery {
  constructor(readonly through?: string, readonly page?: { after?: string; limit: number }) {}
}

export class GetTimelinessQuery {
  constructor(readonly from?: string, readonly to?: string) {}
}

export class GetMissingCertificatesQuery {
  constructor(readonly olderThanDays: number) {}
}
