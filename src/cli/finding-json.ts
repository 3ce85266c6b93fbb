// Turns a detector finding and the event it came from into the JSON item `scan` prints.
import type { Finding } from '../core/index.ts';
import { entryExplanation, unknownExplanation } from './explanation-json.ts';
import type { FindingJson } from './json-item.ts';
import type { SourcedEvent } from './sourced-event.ts';

export function findingJson(finding: Finding, sourced: SourcedEvent, file: string): FindingJson {
  const { event } = sourced;
  const explanation = finding.entry
    ? entryExplanation(
        finding.entry,
        'en',
        finding.placeholders,
        finding.alternatives,
        finding.observedMessage,
      )
    : unknownExplanation(finding);
  // The observed status, not the documented one: it is what the capture shows.
  const { httpStatus: _documented, ...rest } = explanation;
  return {
    ...rest,
    // Who sent it (okx for a 1000 close), even when another catalogue explains it (rfc6455).
    exchange: finding.exchange,
    ...(finding.httpStatus !== undefined ? { httpStatus: finding.httpStatus } : {}),
    file,
    capture: sourced.capture,
    index: sourced.index,
    line: sourced.line,
    ...(sourced.frame !== undefined ? { frame: sourced.frame } : {}),
    eventType: event.type,
    url: event.url,
    ...(sourced.method !== undefined ? { method: sourced.method } : {}),
    ...(event.type === 'ws' ? { direction: event.direction } : {}),
    ...(event.type === 'close' && event.wasClean !== undefined ? { wasClean: event.wasClean } : {}),
    attribution: finding.attribution,
    confidence: finding.confidence,
    reason: finding.reason,
    dialect: finding.dialect,
    ...(finding.observedMessage !== undefined ? { observedMessage: finding.observedMessage } : {}),
    severity: finding.severity,
    known: finding.entry !== undefined,
    catalogue: finding.entry?.exchange ?? null,
    ...(finding.path !== undefined ? { path: finding.path } : {}),
    ...(finding.partial ? { partial: true } : {}),
    ...(finding.codeless ? { codeless: true } : {}),
    ...(sourced.compression ? { compression: sourced.compression } : {}),
  };
}
