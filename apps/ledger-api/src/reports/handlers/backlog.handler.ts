import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { backlogPage, InvalidBacklogCursor, regularizationBacklog } from '@ij/projections';
import { ValidationFailed } from '../../http/problem';
import { GetBacklogQuery } from '../reports.messages';
import { ReadSide } from '../../read-side/read-side';

@QueryHandler(GetBacklogQuery)
export class GetBacklogHandler implements IQueryHandler<GetBacklogQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ through, page }: GetBacklogQuery) {
    const backlog = await regularizationBacklog(this.readSide.models, await this.readSide.activeRules(), this.readSide.through(through));
    if (!page) return backlog;
    try {
      return backlogPage(backlog, page.after, page.limit);
    } catch (error) {
      if (error instanceof InvalidBacklogCursor) throw new ValidationFailed([{ field: 'after', message: error.message }]);
      throw error;
    }
  }
}
