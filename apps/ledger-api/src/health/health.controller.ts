import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Answers once the application has started, i.e. once commands can be accepted. */
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
