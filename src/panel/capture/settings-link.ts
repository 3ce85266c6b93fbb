// Panel glue (extension page) -> storage: the user's catalogues, host map and history size,
// applied to the traffic session now and whenever the options page changes them.
import { createDetector } from '../../core/index.ts';
import {
  loadDetectorOptions,
  loadSettings,
  type StorageLike,
  watchDetectorOptions,
  watchSettings,
} from '../../storage/index.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';
import { limitsFor } from '../traffic/traffic-store.ts';

const READY_TIMEOUT_MS = 1_000;

/** Resolves once the user's detector is in place (or could not be read: the bundled one stays). */
export function linkSettings(session: TrafficSession, storage: StorageLike): Promise<void> {
  watchDetectorOptions(storage, (options) => session.setDetector(createDetector(options)));
  watchSettings(storage, (settings) => session.setLimits(limitsFor(settings.historyMaxRows)));
  void loadSettings(storage).then(
    (settings) => session.setLimits(limitsFor(settings.historyMaxRows)),
    () => {},
  );
  const loaded = loadDetectorOptions(storage).then(
    (options) => session.setDetector(createDetector(options)),
    () => {},
  );
  // Storage answers in milliseconds; should it not, capture must not wait for it.
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS));
  return Promise.race([loaded, timeout]);
}
