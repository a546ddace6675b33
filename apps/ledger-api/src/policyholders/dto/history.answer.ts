import { ApiProperty } from '@nestjs/swagger';
import type { HistoryEntry as HistoryEntryModel } from '@ij/projections';
import { namedList } from '../../http/openapi/answers';
import { type EveryField, Count, Instant, Integer, JsonObject, Text, Uuid } from '../../http/openapi/properties';

/** One event of the policyholder's stream, as the auditor reads it. */
export class HistoryEntry implements EveryField<HistoryEntryModel> {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d+$' }], description: 'the global log position: a JSON number while below 2^53, else its decimal string' })
  position!: number | string;

  @Count() revision!: number;
  @Uuid() eventId!: string;
  @Text({ example: 'AdvanceIssued' }) type!: string;
  @Integer() schemaVersion!: number;
  @JsonObject({ description: "the event's data, as recorded in its schemaVersion" }) data!: Record<string, unknown>;
  @Instant() recordedAt!: string;
  @Text() actor!: string;
  @Text() correlationId!: string;
  @Text() causationId!: string;
  @Text({ optional: true }) rulesVersion!: string | undefined;
  @Text({ description: "the hash chaining this event to the stream's previous one" }) hash!: string;
}

/** GET /v1/policyholders/{policyholderId}/history: every event in order. */
export const History = namedList('History', HistoryEntry);
