import { Count, OneOf, Text } from '../http/openapi/properties';

/** GET /health/ready: `ready` (200) with the read models' lag, or `unavailable` (503) with the reason. */
export class Readiness {
  @OneOf(['ready', 'unavailable']) status!: 'ready' | 'unavailable';
  @Count({ optional: true, description: 'ready: events the read models are behind the log' }) lagEvents?: number;
  @OneOf(['event-store-unreachable', 'read-models-lagging'], { optional: true, description: 'unavailable: why' }) reason?: 'event-store-unreachable' | 'read-models-lagging';
  @Text({ optional: true, description: 'unavailable: what failed' }) detail?: string;
}
