import { Client } from 'pg';
import { quotedSchema } from '@ij/event-store';

/** How often the held lock's connection is checked: a dead connection means the lock is gone. */
const HEALTH_CHECK_MS = 1_000;

/**
 * "Only one projector applies events": a PostgreSQL session advisory lock on a connection of its own,
 * keyed by the schema. PostgreSQL releases it when that session ends, so a crashed projector's lock
 * frees itself; a projector whose connection drops must assume another took over and stop at once.
 * Correctness does not rest on the lock alone: each batch locks the checkpoint row and skips what
 * another projector applied (see PostgresReadModelStore.applyBatch).
 */
export class PostgresProjectorLease {
  private client: Client | undefined;
  private held = false;
  private healthTimer: NodeJS.Timeout | undefined;
  private lostListeners: Array<(reason: string) => void> = [];
  readonly lockName: string;

  constructor(private readonly connectionString: string, schema: string) {
    quotedSchema(schema);
    this.lockName = `ij-ledger.projector.${schema}`;
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Called once when a held lock is lost (connection error or end). */
  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }

  /** Tries once, without waiting: true when this process is now the active projector. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connection();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockName]);
    this.held = rows[0].locked;
    if (this.held) this.watch(client);
    return this.held;
  }

  /** Releases the lock by ending its session (also what a crash does). */
  async release(): Promise<void> {
    this.stopWatching();
    this.held = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.connectionString, keepAlive: true, application_name: 'ij-ledger-projector' });
    client.on('error', (error: Error) => this.lose(`lock connection failed: ${error.message}`));
    client.on('end', () => this.lose('lock connection ended'));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private watch(client: Client): void {
    this.stopWatching();
    this.healthTimer = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => this.lose(`lock connection check failed: ${error.message}`));
    }, HEALTH_CHECK_MS);
    this.healthTimer.unref();
  }

  private stopWatching(): void {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
  }

  private lose(reason: string): void {
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => undefined);
    this.stopWatching();
    if (!this.held) return;
    this.held = false;
    for (const listener of this.lostListeners) listener(reason);
  }
}
