import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ij/event-store';
import { PostgresReadModelStore, SubscriptionProjector } from '@ij/projections';
import { appendToPolicyholder } from '../../libs/projections/src/test-support/stores';
import { SALARIES_4000, stoppageEvents } from '../../libs/replay/src/test-support/histories';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';

/**
 * The esdb mode's projector (a catch-up subscription, batched commits) and its port-based rebuild (the log
 * read through the EventStore port, not the events table), exercised here on the PostgreSQL adapter's
 * subscribe/readAll since no EventStoreDB server runs on this machine: followed live, the models equal
 * both the port-based rebuild and the table-based one.
 */
describe('the subscription projector and the port-based rebuild', () => {
  let schema: Awaited<ReturnType<typeof temporarySchema>>;
  let pool: Pool;

  beforeAll(async () => {
    schema = await temporarySchema('ij_prod_subscription');
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  });
  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });

  it('follows the log from the stored checkpoint, live, and equals a rebuild', async () => {
    const events = await PostgresEventStore.open({ connection: pool, schema: schema.schema });
    const models = await PostgresReadModelStore.open(pool, schema.schema, { log: events });
    // Policyholders 0–39 before the projector starts, 40–79 while it follows the log.
    const append = async (from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const stoppageId = `5b1c1d7e-7a43-4c55-9a49-${String(index).padStart(12, '0')}`;
        await appendToPolicyholder(events, `policyholder-${index % 60}`, stoppageEvents(`policyholder-${index % 60}`, {
          stoppageId, startDate: '2025-03-03', endDate: '2025-03-20', salaries: SALARIES_4000, advancesCents: [10_000 + index],
        }));
      }
    };
    await append(0, 40);

    const projector = new SubscriptionProjector(events, models, { batchSize: 50, flushIntervalMs: 20 });
    await projector.start();
    await append(40, 80);
    const head = await events.headPosition();
    for (let waited = 0; (await models.checkpoint()) < head && waited < 15_000; waited += 50) await sleep(50);
    await projector.stop();
    const followed = await models.dump();
    expect(followed.checkpoint).toBe(head);

    const portRebuild = await models.rebuild();
    expect(portRebuild.checkpoint).toBe(head);
    expect(await models.dump()).toEqual(followed);

    const tableRebuild = await (await PostgresReadModelStore.open(pool, schema.schema)).rebuild();
    expect(tableRebuild.eventsFolded).toBe(portRebuild.eventsFolded);
    expect(await models.dump()).toEqual(followed);
    await events.close();
  }, 60_000);
});
