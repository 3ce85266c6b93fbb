// Turns a detector finding and the event it came from into the JSON item `scan` prints.
import type { Finding } from '../core/index.ts';
import { entryExplanation, unknownExplanation } from './explanation-json.ts';
import type { FindingJson } from './json-item.ts';
import type { SourcedEvent } from './sourced-event.ts';

export function findingJson(finding: Finding, sourced: SourcedEvent, file: string): FindingJson {
  const { event } = sourced;
  // The observed status, not the documented one: it is what the capture shows. Built key by
  // key, as explanation-json.ts says why.
  const json = (
    finding.entry
      ? entryExplanation(
          finding.entry,
          'en',
          finding.placeholders,
          finding.alternatives,
          finding.observedMessage,
          false,
        )
      : unknownExplanation(finding)
  ) as FindingJson;
  // Who sent it (okx for a 1000 close), even when another catalogue explains it (rfc6455).
  json.exchange = finding.exchange;
  if (finding.httpStatus !== undefined) json.httpStatus = finding.httpStatus;
  json.file = file;
  json.capture = sourced.capture;
  json.index = sourced.index;
  json.line = sourced.line;
  if (sourced.frame !== undefined) json.frame = sourced.frame;
  json.eventType = event.type;
  json.url = event.url;
  if (sourced.method !== undefined) json.method = sourced.method;
  if (event.type === 'ws') json.direction = event.direction;
  if (event.type === 'close' && event.wasClean !== undefined) json.wasClean = event.wasClean;
  json.attribution = finding.attribution;
  json.confidence = finding.confidence;
  json.reason = finding.reason;
  json.dialect = finding.dialect;
  if (finding.observedMessage !== undefined) json.observedMessage = finding.observedMessage;
  json.severity = finding.severity;
  json.known = finding.entry !== undefined;
  json.catalogue = finding.entry?.exchange ?? null;
  if (finding.path !== undefined) json.path = finding.path;
  if (finding.partial) json.partial = true;
  if (finding.codeless) json.codeless = true;
  if (sourced.compression) json.compression = sourced.compression;
  return json;
}
