import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/roles.decorator';

@Controller('health')
export class HealthController {
  /** Answers once the application has started, i.e. once commands can be accepted. Served without a key. */
  @Get()
  @Public()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
