import { Presets, SingleBar } from 'cli-progress';
import type { LedgerConfig } from '../../config/ledger-config';
import { openStorage } from '../../infrastructure/storage';

/**
 * `ledger projections rebuild`: drops and refolds every read model from the log, with a progress bar on
 * stderr (events/s, ETA). Memory does not grow with the log: see the stores' `rebuild`.
 */
export async function rebuildProjections(config: LedgerConfig): Promise<void> {
  const storage = await openStorage(config);
  const bar = new SingleBar(
    { format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 50 },
    Presets.shades_classic,
  );
  const started = process.hrtime.bigint();
  const elapsedSeconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let barStarted = false;
  try {
    const result = await storage.readModels.rebuild(({ processed, total }) => {
      const speed = Math.floor(processed / Math.max(elapsedSeconds(), 1e-3));
      if (!barStarted) {
        bar.start(total, processed, { speed });
        barStarted = true;
      } else bar.update(processed, { speed });
    });
    if (barStarted) bar.stop();
    const seconds = elapsedSeconds();
    console.error(
      `Rebuilt ${result.policyholders} policyholders and ${result.stoppages} stoppages from ${result.eventsFolded} events ` +
        `in ${seconds.toFixed(1)} s (${Math.floor(result.eventsFolded / Math.max(seconds, 1e-3))} events/s); checkpoint ${result.checkpoint}.`,
    );
  } finally {
    if (barStarted) bar.stop();
    await storage.close();
  }
}
