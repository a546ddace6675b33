import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PROJECTION_SYNC, type ProjectionSync } from '@ij/application';

/** Stops the embedded projector's polling when the application closes (SIGTERM, tests). */
@Injectable()
export class ProjectionShutdown implements OnApplicationShutdown {
  constructor(@Inject(PROJECTION_SYNC) private readonly sync: ProjectionSync & { stop?: () => Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sync.stop?.();
  }
}
