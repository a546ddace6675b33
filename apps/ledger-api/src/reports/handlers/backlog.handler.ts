import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { regularizationBacklog } from '@ij/projections';
import { GetBacklogQuery } from '../reports.messages';
import { ReadSide } from '../../read-side/read-side';

@QueryHandler(GetBacklogQuery)
export class GetBacklogHandler implements IQueryHandler<GetBacklogQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ through }: GetBacklogQuery) {
    return regularizationBacklog(this.readSide.models, await this.readSide.activeRules(), this.readSide.through(through));
  }
}
