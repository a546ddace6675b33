import { CallHandler, ExecutionContext, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { canonicalJson, type EventStore, type IdempotencyStore, type StoredResponse } from '@ij/event-store';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { CLOCK, type Clock, EVENT_STORE, IdempotencyKeyReused } from '@ij/application';
import type { CommandRequest } from './command-context';
import { ValidationFailed } from './problem';
import { toProblem } from './to-problem';

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');

/** The global position of the command's last event: wait for it on a query with `Ledger-Min-Position`. */
export const LEDGER_POSITION_HEADER = 'Ledger-Position';

/** 1–128 visible ASCII characters (api.md). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/u;

/** A header's value, as Express's request.header() gave it (the first of a repeated one). */
function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The path of a request URL, without its query string: what the request hash covers, as Express's request.path. */
function pathOf(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart < 0 ? url : url.slice(0, queryStart);
}

/** Thrown to answer a repeated command with its first response, exactly as it was. */
export class IdempotentReplay extends Error {
  constructor(readonly statusCode: number, readonly body: unknown) {
    super('idempotent replay');
  }
}

/**
 * Every command needs an Idempotency-Key. The first answer (success or domain refusal) is stored with a hash
 * of the request; the same key and body get that answer again, a different body gets 422. A repeat that
 * arrives while the first is still running waits for it. Across processes, the events' ids (derived from the
 * key) make the event store itself refuse a second execution.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** On the routes marked @IdempotentCommand() only (it applies this interceptor). */
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.run(context, next));
  }

  private async run(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest & CommandRequest>();
    const key = headerOf(request, 'idempotency-key');
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationFailed([{ field: 'Idempotency-Key', message: 'header required: 1 to 128 visible ASCII characters' }]);
    }
    const actor = request.actor!;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${pathOf(request.url)}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const slot = `${actor.actorId}\u0000${key}`;

    const running = this.inFlight.get(slot);
    if (running) await running.catch(() => undefined);

    const response = context.switchToHttp().getResponse<FastifyReply>();
    const stored = await this.store.get(actor.actorId, key);
    if (stored) {
      // The first answer's position is not stored with it; the log's head is at or after it, so waiting for it is safe.
      if (stored.requestHash === requestHash) response.header(LEDGER_POSITION_HEADER, String(await this.events.headPosition()));
      return this.replay(stored, requestHash);
    }

    const correlationHeader = headerOf(request, 'x-correlation-id');
    request.commandContext = {
      actor,
      idempotencyKey: key,
      requestHash,
      correlationId: correlationHeader && IDEMPOTENCY_KEY.test(correlationHeader) ? correlationHeader : String(request.id ?? randomUUID()),
      causationId: String(request.id ?? randomUUID()),
    };
    const execution = this.execute(context, next, actor.actorId, key, requestHash);
    this.inFlight.set(slot, execution);
    try {
      return await execution;
    } finally {
      this.inFlight.delete(slot);
      const position = request.commandContext.recordedPosition;
      if (position !== undefined && !response.sent) response.header(LEDGER_POSITION_HEADER, String(position));
    }
  }

  private async execute(context: ExecutionContext, next: CallHandler, scope: string, key: string, requestHash: string): Promise<unknown> {
    const statusCode = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const problem = toProblem(error);
      // A refusal by the domain is an answer worth repeating; an invalid request executed nothing, and a 429
      // (busy: a replay already running) is transient: the same request may succeed later.
      if (problem && problem.status !== 400 && problem.status !== 429 && problem.status < 500 && !(error instanceof IdempotentReplay)) {
        const first = await this.store.putIfAbsent(scope, key, { requestHash, statusCode: problem.status, body: problem, recordedAt: this.clock.now() });
        if (first.requestHash !== requestHash || first.statusCode !== problem.status) return this.replay(first, requestHash);
      }
      throw error;
    }
    const first = await this.store.putIfAbsent(scope, key, { requestHash, statusCode, body: body ?? null, recordedAt: this.clock.now() });
    if (first.requestHash !== requestHash) return this.replay(first, requestHash);
    return body;
  }

  private replay(stored: StoredResponse, requestHash: string): never {
    if (stored.requestHash !== requestHash) {
      throw new IdempotencyKeyReused();
    }
    throw new IdempotentReplay(stored.statusCode, stored.body);
  }
}
