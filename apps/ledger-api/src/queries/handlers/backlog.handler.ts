import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { regularizationBacklog } from '@ij/projections';
import { GetBacklogQuery } from '../ledger.queries';
import { ReadSide } from '../read-side';

@QueryHandler(GetBacklogQuery)
export class GetBacklogHandler implements IQueryHandler<GetBacklogQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ through }: GetBacklogQuery) {
    return regularizationBacklog(this.readSide.models, await this.readSide.activeRules(), this.readSide.through(through));
  }
}
