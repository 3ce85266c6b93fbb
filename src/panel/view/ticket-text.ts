// Pure: what "Copy as Markdown" and "Copy as cURL" put on the clipboard for a ticket: what
// happened, where, the server's words, what it means and the fix (the explanation's shared
// wording, explanation-text.ts), the payload in a code block; credentials redacted unless the
// user asked to keep them. Every text a page or a server wrote (URL, the server's message and
// the values filled into the catalogue's, close reason, the request's name, payloads) passes
// through the one Redaction the HAR export uses; the catalogue's own words do not need it.
import { senderLabel } from '../../core/exchange-names.ts';
import { cutWhole } from '../../core/hidden-chars.ts';
import {
  describeAttribution,
  describeRetry,
  entryMessage,
  explanationText,
  type Finding,
  messageAsSent,
} from '../../core/index.ts';
import { type Redaction, redactionFor } from '../../core/redact/credentials.ts';
import type { PairLink } from '../traffic/pairing-index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { kindLabel } from './row-labels.ts';

/** A ticket wants the error, not a megabyte of order book. */
const MAX_PAYLOAD_CHARS = 16 * 1024;

export interface TicketContext {
  keepCredentials: boolean;
  /** The request this row answers, when the pairing knows it. */
  pair?: { link: PairLink; request: TrafficRow | undefined };
}

/** A code fence longer than any run of backticks in the text, so nothing breaks out of it. */
function fenced(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function pretty(text: string): { text: string; language: string } {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), language: 'json' };
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  return { text, language: '' };
}

function payloadBlock(row: TrafficRow, scrub: Redaction): string | undefined {
  const payload = row.payload;
  const raw = payload?.inflated?.text ?? payload?.text;
  if (raw === undefined) {
    if (payload?.binary === undefined) return undefined;
    return `binary, ${payload.size ?? '?'} bytes (not included)`;
  }
  // Redacted whole, then cut: a cut inside "signature":"… would leave the secret's beginning.
  const redacted = scrub.text(raw);
  const cut = redacted.length > MAX_PAYLOAD_CHARS;
  const { text, language } = pretty(cut ? cutWhole(redacted, MAX_PAYLOAD_CHARS) : redacted);
  const inflated = payload?.inflated
    ? ` (inflated from ${payload.inflated.fromBytes} bytes, ${payload.inflated.format})`
    : '';
  const note = cut ? `\n\n_(first ${MAX_PAYLOAD_CHARS.toLocaleString('en')} characters)_` : '';
  return `${inflated ? `Inflated${inflated}:\n\n` : ''}${fenced(text, language)}${note}`;
}

function what(row: TrafficRow, scrub: Redaction): string {
  if (row.kind === 'http') return `${row.method ?? 'GET'} → HTTP ${row.status ?? '?'}`;
  if (row.close) {
    const { code, reason } = row.close;
    return `close frame ${code}${reason ? ` "${scrub.text(reason)}"` : ''}`;
  }
  return kindLabel(row);
}

/** The values the server's message filled into the catalogue's, redacted like the message. */
/** Where and when; a socket as the list names it ("#2"), not by the page's own count. */
function whereLine(row: TrafficRow, url: string): string {
  const number = row.listNumber ?? row.socket;
  const socket = number !== undefined ? ` socket #${number}` : '';
  return `- **Where:** \`${url}\`${socket}, ${new Date(row.time).toISOString()}`;
}

export function findingMarkdown(row: TrafficRow, finding: Finding, context: TicketContext): string {
  const scrub = redactionFor(context.keepCredentials);
  const url = scrub.text(row.url);
  const exchange = senderLabel(finding);
  const { entry } = finding;
  const said =
    finding.observedMessage !== undefined ? scrub.text(finding.observedMessage) : undefined;
  const lines: string[] = [];
  if (entry) {
    const text = explanationText({
      // Read from the redacted words, so a filled value is redacted as they are.
      message: messageAsSent(entry, said),
      documentedMessage: entryMessage(entry),
      name: entry.name,
      description: entry.description,
      fix: entry.fix,
      steps: entry.steps,
      category: entry.category,
      retryText: describeRetry(entry.retry),
      retryNote: entry.retry.note,
    });
    lines.push(`### ${exchange} ${finding.code}: ${text.title}`, '');
    lines.push(
      `- **What happened:** ${what(row, scrub)}, ${exchange} error ${finding.code} (${text.category})`,
    );
    lines.push(whereLine(row, url));
    pairLine(lines, context, scrub);
    if (said !== undefined) lines.push(`- **Server said:** ${said}`);
    if (text.means) lines.push(`- **What it means:** ${text.means}`);
    lines.push(`- **Fix:** ${text.fix}`);
    for (const [i, step] of text.steps.entries()) lines.push(`  ${i + 1}. ${step}`);
    lines.push(`- **Retry:** ${text.retry}${text.howToRetry ? ` (${text.howToRetry})` : ''}`);
  } else {
    lines.push(`### ${exchange} ${finding.code}: unknown code`, '');
    lines.push(
      `- **What happened:** ${what(row, scrub)}, ${exchange} code ${finding.code}, which no bundled catalogue knows`,
    );
    lines.push(whereLine(row, url));
    pairLine(lines, context, scrub);
    if (said !== undefined) lines.push(`- **Server said:** ${said}`);
  }
  lines.push(
    `- **Attributed:** ${exchange}, ${describeAttribution(finding.attribution)} (${finding.dialect})`,
  );
  const payload = payloadBlock(row, scrub);
  if (payload)
    lines.push(
      '',
      `**Payload**${context.keepCredentials ? '' : ' (credentials redacted)'}:`,
      '',
      payload,
    );
  const request = context.pair?.request;
  const requestPayload = request ? payloadBlock(request, scrub) : undefined;
  if (requestPayload) lines.push('', '**Request:**', '', requestPayload);
  lines.push('', '_Explained by Exchange Lens._');
  return lines.join('\n');
}

function pairLine(lines: string[], context: TicketContext, scrub: Redaction): void {
  const link = context.pair?.link;
  if (!link) return;
  const how = link.inferred ? ' (inferred: the reply names no request)' : '';
  lines.push(
    `- **In reply to:** \`${scrub.text(link.label)}\`, sent ${link.latencyMs} ms earlier${how}`,
  );
}

/** POSIX shell single quotes: the one quoting in which nothing is special. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The HTTP row's request as a curl command line; undefined for other rows. */
export function curlCommand(row: TrafficRow, keepCredentials: boolean): string | undefined {
  if (row.kind !== 'http') return undefined;
  const scrub = redactionFor(keepCredentials);
  const request = row.request;
  const headers = scrub.headers(request?.headers ?? []);
  const parts = [`curl ${quote(scrub.text(row.url))}`];
  const method = row.method ?? 'GET';
  if (method !== 'GET' || request?.body !== undefined) parts.push(`-X ${method}`);
  for (const { name, value } of headers) {
    // Set by the browser or by curl itself; copying them makes the command lie.
    if (/^(:|content-length$|host$|connection$|accept-encoding$)/i.test(name)) continue;
    parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (request?.body !== undefined) {
    parts.push(`--data-raw ${quote(scrub.text(request.body))}`);
  }
  return parts.join(' \\\n  ');
}
