import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { Health } from './health.answer';

@Controller('health')
export class HealthController {
  /** Answers once the application has started, i.e. once commands can be accepted. Served without a key. */
  @Get()
  @Public()
  @QueryAnswers(Health, { public: true })
  health(): Health {
    return { status: 'ok' };
  }
}
