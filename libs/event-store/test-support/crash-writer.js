// Child process of the SIGKILL test: appends without pause from several concurrent writers (so the
// group commit batches them) and prints one line per acknowledged append. The parent kills it at a
// random instant and checks the database against what was printed.
require('./typescript-loader');
const { SqliteEventStore } = require('../src/sqlite/sqlite-event-store.ts');
const { deterministicEventId } = require('../src/event-id.ts');

const [databasePath, writerCount] = process.argv.slice(2);
const eventsPerAppend = 3;

async function writer(store, writerIndex) {
  const streamId = `policyholder-crash-${writerIndex}`;
  let revision = 'no_stream';
  for (let append = 0; ; append++) {
    const command = `writer-${writerIndex}-append-${append}`;
    const events = Array.from({ length: eventsPerAppend }, (_, index) => ({
      id: deterministicEventId('crash-writer', command, index),
      type: 'AdvanceIssued',
      data: { amountCents: 3_287, index },
      metadata: { actor: 'crash-writer', correlationId: command, causationId: command, recordedAt: '2025-03-14T09:26:53.589Z', schemaVersion: 1 },
    }));
    const result = await store.append(streamId, events, { expectedRevision: revision });
    revision = result.nextRevision;
    process.stdout.write(`${JSON.stringify({ streamId, command, ids: events.map((event) => event.id), nextRevision: result.nextRevision })}\n`);
  }
}

SqliteEventStore.open({ connection: databasePath }).then((store) => {
  process.stdout.write('ready\n');
  for (let writerIndex = 0; writerIndex < Number(writerCount); writerIndex++) writer(store, writerIndex);
});
