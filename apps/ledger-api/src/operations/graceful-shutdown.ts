import type { Server, ServerResponse } from 'node:http';
import { problemType } from '../http/problem';

/** The answer to a request that arrives while the instance drains. */
export const SHUTTING_DOWN = JSON.stringify({
  type: problemType('shutting-down'),
  title: 'Shutting down',
  status: 503,
  detail: 'This instance is stopping and executed nothing; send the request again (commands with the same Idempotency-Key).',
});

/**
 * The HTTP side of a graceful shutdown: counts the requests in flight, and once `drain` is called stops
 * accepting connections, answers 503 to any request that still arrives on an open keep-alive connection,
 * asks every connection to close after its answer, and resolves when the requests in flight have answered
 * (or the grace period has passed: then the remaining connections are cut).
 */
export class ShutdownGate {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | undefined;

  /** False once draining: the caller answers SHUTTING_DOWN (503) and executes nothing. */
  admit(response: ServerResponse): boolean {
    if (this.draining) return false;
    this.inFlight.add(response);
    return true;
  }

  /** The request admitted with `response` has answered, or its connection closed. */
  settle(response: ServerResponse): void {
    if (!this.inFlight.delete(response)) return;
    if (this.inFlight.size === 0) this.onIdle?.();
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** Resolves true when every request in flight answered within `graceMs`, false when some were cut. */
  async drain(server: Server, graceMs: number): Promise<boolean> {
    this.draining = true;
    server.close();
    server.closeIdleConnections();
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    let timer: NodeJS.Timeout | undefined;
    const finished = await new Promise<boolean>((resolve) => {
      if (this.inFlight.size === 0) return resolve(true);
      this.onIdle = () => resolve(true);
      timer = setTimeout(() => resolve(false), graceMs);
    });
    clearTimeout(timer);
    this.onIdle = undefined;
    if (finished) server.closeIdleConnections();
    else server.closeAllConnections();
    return finished;
  }
}
