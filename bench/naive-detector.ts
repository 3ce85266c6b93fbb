// The benchmark's baseline: what a detector without the "code" pre-check and without a code
// index would do. It parses every frame and searches the catalogue linearly, then reports
// through the same envelope reader and resolver as the real detector, so findings compare.

import { readEnvelopes } from '../src/core/detect/read-envelopes.ts';
import {
  plausible,
  type ResolveContext,
  resolveFinding,
} from '../src/core/detect/resolve-finding.ts';
import {
  type Catalogue,
  type CatalogueEntry,
  type Finding,
  hostExchangeOf,
  hostOf,
  type WsMessageEvent,
} from '../src/core/index.ts';

/** A catalogue with the same entries as `createCatalogue` but no index: every lookup scans. */
export function linearCatalogue(entries: readonly CatalogueEntry[]): Catalogue {
  return {
    entries,
    byCode: (code) => entries.filter((entry) => entry.code === code),
    byExchange: (exchange) => entries.filter((entry) => entry.exchange === exchange),
  };
}

export interface NaiveDetector {
  detect(event: WsMessageEvent): Finding[];
}

export function createNaiveDetector(entries: readonly CatalogueEntry[]): NaiveDetector {
  const catalogue = linearCatalogue(entries);
  return {
    detect(event) {
      // The generated frames are all text; binary decoding is not what is being compared.
      if (typeof event.data !== 'string') return [];
      let value: unknown;
      try {
        value = JSON.parse(event.data);
      } catch {
        return [];
      }
      const errors = readEnvelopes(value);
      if (errors.length === 0) return [];
      const host = hostExchangeOf(event.url);
      const hostName = hostOf(event.url);
      const context: ResolveContext = host
        ? { catalogue, host }
        : { catalogue, ...(hostName ? { hostName } : {}) };
      return errors
        .map((raw) => resolveFinding(raw, 'ws-message', context))
        .filter((finding) => plausible(finding, undefined));
    },
  };
}
