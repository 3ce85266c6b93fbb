// The detector: one observed event in, findings out. Cheap for the common case (market data
// without a "code" key costs one text scan) and bounded for hostile input; it never throws.
import { BUNDLED_CATALOGUE, type Catalogue } from '../catalogue/catalogue.ts';
import type { ExchangeId } from '../catalogue/types.ts';
import { type HostMap, hostExchangeOf, hostOf } from './hosts.ts';
import { MAX_PARSE_CHARS, payloadText } from './payload-text.ts';
import { passesPrefilter } from './quick-scan.ts';
import { type RawError, readEnvelopes } from './read-envelopes.ts';
import { plausible, type ResolveContext, resolveFinding } from './resolve-finding.ts';
import { salvageEnvelope } from './salvage-envelope.ts';
import type { Finding, HttpEvent, ObservedEvent, WsCloseEvent } from './types.ts';

export interface DetectorOptions {
  catalogue?: Catalogue;
  /** User-defined host -> exchange mappings (testnets, proxies); they win over bundled hosts. */
  hosts?: HostMap;
}

export interface Detector {
  detect(event: ObservedEvent): readonly Finding[];
  /** The exchange a URL's host belongs to, as detection decides it: the user's host map first,
   * then the bundled hosts. Filters ask it too, so `exchange:` agrees with the findings. */
  exchangeOfUrl(url: string): ExchangeId | undefined;
}

/** Server text kept from HTTP bodies and close reasons that have no envelope. */
const MAX_HTTP_MESSAGE = 300;

interface Envelopes {
  errors: RawError[];
  partial: boolean;
}

/** Shared by the common case, so a market-data frame allocates nothing. */
const NO_FINDINGS: readonly Finding[] = [];
const NO_ENVELOPES: Readonly<Envelopes> = Object.freeze({ errors: [], partial: false });

function salvaged(text: string): Envelopes {
  const fields = salvageEnvelope(text);
  return { errors: fields ? readEnvelopes(fields) : [], partial: true };
}

function envelopesIn(text: string): Readonly<Envelopes> {
  // Every error envelope of every dialect has a code key (code, retCode, ret_code) that is not
  // plainly zero, or is a failed Bybit op with its ret_msg: the one prefilter (quick-scan.ts),
  // by which a scan also skips frames unparsed.
  if (!passesPrefilter(text)) return NO_ENVELOPES;
  // No error envelope is this big: read its head instead of parsing megabytes.
  if (text.length > MAX_PARSE_CHARS) return salvaged(text);
  try {
    return { errors: readEnvelopes(JSON.parse(text)), partial: false };
  } catch {
    return salvaged(text);
  }
}

/**
 * False when an HTTP response can give no finding, whatever its URL, headers or catalogue: an
 * envelope needs a body the prefilter lets through, a status finding a status of 400 or more.
 * The detector's own first test; a scan counts such a response without building its event.
 */
export function httpMayHaveFinding(status: number, body: string | undefined): boolean {
  return status >= 400 || (body !== undefined && body !== '' && passesPrefilter(body));
}

function looksLikeApi(event: HttpEvent, text: string | undefined): boolean {
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (name.toLowerCase() === 'content-type' && value.includes('json')) return true;
  }
  const first = text?.trimStart()[0];
  return first === '{' || first === '[';
}

export function createDetector(options: DetectorOptions = {}): Detector {
  const catalogue = options.catalogue ?? BUNDLED_CATALOGUE;
  const hosts = options.hosts ?? {};

  function context(url: string, extra: Partial<ResolveContext> = {}): ResolveContext {
    const host = hostExchangeOf(url, hosts);
    if (host) return { catalogue, host, ...extra };
    const hostName = hostOf(url);
    return { catalogue, ...(hostName ? { hostName } : {}), ...extra };
  }

  function detectHttp(event: HttpEvent): readonly Finding[] {
    if (!httpMayHaveFinding(event.status, event.body)) return NO_FINDINGS;
    const text = payloadText(event.body);
    const { errors, partial } = text ? envelopesIn(text) : NO_ENVELOPES;
    const ctx = context(event.url, { httpStatus: event.status, partial });
    if (errors.length > 0) {
      return errors
        .map((raw) => resolveFinding(raw, 'rest', ctx))
        .filter((finding) => plausible(finding, event.status));
    }
    if (!(event.status >= 400)) return NO_FINDINGS;
    // A failing image or script on some site is not an API error; an exchange host or a
    // JSON body says the response came from an API.
    if (!ctx.host && !looksLikeApi(event, text)) return NO_FINDINGS;
    const message = text?.trim().slice(0, MAX_HTTP_MESSAGE);
    const raw: RawError = { dialect: 'http-status', code: String(event.status) };
    if (message) raw.message = message;
    return [resolveFinding(raw, 'http-status', { ...ctx, partial: false })];
  }

  function detectClose(event: WsCloseEvent): readonly Finding[] {
    if (!Number.isInteger(event.code)) return NO_FINDINGS;
    const raw: RawError = { dialect: 'close-frame', code: String(event.code) };
    if (event.reason) raw.message = event.reason.slice(0, MAX_HTTP_MESSAGE);
    const ctx = context(
      event.url,
      event.wasClean === undefined ? {} : { wasClean: event.wasClean },
    );
    return [resolveFinding(raw, 'close-frame', ctx)];
  }

  function detect(event: ObservedEvent): readonly Finding[] {
    try {
      switch (event.type) {
        case 'http':
          return detectHttp(event);
        case 'close':
          return detectClose(event);
        case 'ws': {
          const text = payloadText(event.data);
          if (!text) return NO_FINDINGS;
          const { errors, partial } = envelopesIn(text);
          if (errors.length === 0) return NO_FINDINGS;
          const ctx = context(event.url, { partial });
          return errors
            .map((raw) => resolveFinding(raw, 'ws-message', ctx))
            .filter((finding) => plausible(finding, undefined));
        }
        default:
          return NO_FINDINGS;
      }
    } catch {
      // A detector bug must never break the page or the panel; the event is shown unannotated.
      return NO_FINDINGS;
    }
  }

  return { detect, exchangeOfUrl: (url) => hostExchangeOf(url, hosts)?.exchange };
}

const bundledDetector = createDetector();

/** Findings of one event against the bundled catalogues and hosts. */
export function detect(event: ObservedEvent): readonly Finding[] {
  return bundledDetector.detect(event);
}
