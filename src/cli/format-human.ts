// Renders JSON items as compiler-style diagnostics: a headline, where it was seen, what the
// server said, then "= " lines saying what it means and what to do. Rendering from the JSON
// items keeps the human and --json outputs from ever disagreeing.
import {
  describeAttribution,
  explanationText,
  placeholderLabel,
  type Surface,
  unexplainedText,
} from '../core/index.ts';
import { describeLocation } from './describe-location.ts';
import type { ExplanationJson, FindingJson, MatchJson } from './json-item.ts';
import { printable, quoted } from './printable.ts';
import type { Style } from './style.ts';

const MAX_ALTERNATIVES = 3;

const SURFACE_WORDS: Record<Surface, string> = {
  rest: 'REST reply',
  'ws-message': 'WebSocket message',
  'close-frame': 'close frame',
  'http-status': 'HTTP status',
};

function headline(
  severity: 'error' | 'note',
  item: ExplanationJson,
  text: string,
  style: Style,
): string {
  const label = `${severity}[${item.exchange} ${printable(item.code)}]`;
  const coloured = severity === 'error' ? style.error(label) : style.note(label);
  return `${coloured}${style.bold(`: ${text}`)}`;
}

function textOf(item: ExplanationJson) {
  return explanationText({
    ...item,
    // OKX documents code 0 without a message: say what it means instead of nothing.
    message: item.message || item.description,
    retryText: item.retry.text,
    retryNote: item.retry.note,
  });
}

function knownHeadline(item: ExplanationJson): string {
  return printable(textOf(item).title);
}

/** The "= " lines every known explanation has: meaning, fix, steps, placeholders. */
function explanationLines(item: ExplanationJson, style: Style): string[] {
  const eq = style.gutter('   =');
  const text = textOf(item);
  const lines: string[] = [];
  if (text.means !== undefined) lines.push(`${eq} means: ${printable(text.means)}`);
  lines.push(`${eq} fix: ${printable(text.fix)}`);
  if (text.steps.length > 0) {
    lines.push(`${eq} steps:`);
    text.steps.forEach((step, i) => {
      lines.push(`       ${i + 1}. ${printable(step)}`);
    });
  }
  const filled = Object.entries(item.placeholders);
  if (filled.length > 0) {
    const pairs = filled.map(
      ([name, value]) => `${printable(placeholderLabel(name))} = ${printable(value)}`,
    );
    lines.push(`${eq} placeholders: ${pairs.join(', ')}`);
  }
  return lines;
}

function alternativeLines(item: ExplanationJson, style: Style): string[] {
  const eq = style.gutter('   =');
  const shown = item.alternatives
    .slice(0, MAX_ALTERNATIVES)
    .map(
      (alternative) =>
        `${eq} also: ${alternative.exchange} ${alternative.code}: ${printable(alternative.message)}`,
    );
  const more = item.alternatives.length - shown.length;
  if (more > 0) shown.push(`${eq} also: ${more} more (see --json)`);
  return shown;
}

export function formatMatch(item: MatchJson, style: Style, observed: string | undefined): string {
  const where = [
    SURFACE_WORDS[item.surface],
    item.httpStatus !== undefined ? ` (HTTP ${item.httpStatus})` : '',
    ` · ${printable(item.source ?? '')}`,
  ].join('');
  const lines = [
    headline(noteWorthy(item) ? 'note' : 'error', item, knownHeadline(item), style),
    `${style.gutter('  -->')} ${where}`,
  ];
  if (observed) lines.push(`${style.gutter('   |')} server said: ${quoted(observed)}`);
  lines.push(...explanationLines(item, style));
  lines.push(`${style.gutter('   =')} category: ${item.category} · retry: ${item.retry.text}`);
  if (item.retry.note) {
    lines.push(`${style.gutter('   =')} how to retry: ${printable(item.retry.note)}`);
  }
  return lines.join('\n');
}

/** Heads `explain --message` output when no entry of the code documents that message. */
export function formatNoMessageMatch(
  code: string,
  exchange: string | undefined,
  observed: string,
  style: Style,
): string {
  const which = exchange ? `${exchange} ${code}` : code;
  return [
    `${style.note('note')}${style.bold(`: no documented message of ${printable(which)} matches what the server said`)}`,
    `${style.gutter('   |')} server said: ${quoted(observed)}`,
    `${style.gutter('   =')} below: every entry of the code, in catalogue order`,
  ].join('\n');
}

/** A looked-up code is a note rather than an error when it reports success or a normal close. */
function noteWorthy(item: MatchJson): boolean {
  return item.category === 'success' || (item.surface === 'close-frame' && item.code === '1000');
}

/** The headline's text after the label: the catalogue's title, or what is unknown. */
export function findingTitle(item: FindingJson): string {
  const sender = item.exchange === 'unknown' ? 'an unidentified exchange' : item.exchange;
  if (item.known) return knownHeadline(item);
  // Unsure and codeless items say so in core's words; a plain unknown code as before.
  return item.confidence === 'unsure' || item.codeless
    ? printable(unexplainedText(item, (id) => id).title)
    : `unknown code ${printable(item.code)} from ${sender}: no bundled catalogue knows it`;
}

export function formatFinding(item: FindingJson, style: Style, withFile = false): string {
  const eq = style.gutter('   =');
  const title = findingTitle(item);
  const lines = [
    headline(item.severity === 'info' ? 'note' : 'error', item, title, style),
    `${style.gutter('  -->')} ${describeLocation(item, withFile)}`,
  ];
  if (item.observedMessage !== undefined) {
    lines.push(`${style.gutter('   |')} server said: ${quoted(item.observedMessage)}`);
  }
  if (item.partial) {
    lines.push(`${eq} note: the payload was not valid JSON; the code was read from its text`);
  }
  const attributed =
    item.confidence === 'unsure'
      ? 'exchange: unsure'
      : `attributed ${describeAttribution(item.attribution)}, ${item.confidence}`;
  if (item.known) {
    lines.push(...explanationLines(item, style));
    const explainedBy =
      item.catalogue && item.catalogue !== item.exchange
        ? ` · explained by the ${item.catalogue} catalogue`
        : '';
    lines.push(
      `${eq} category: ${item.category} · retry: ${item.retry.text} · ${attributed}${explainedBy}`,
    );
    if (item.retry.note) lines.push(`${eq} how to retry: ${printable(item.retry.note)}`);
  } else {
    if (item.confidence === 'unsure' || item.codeless) {
      lines.push(`${eq} means: ${printable(item.description)}`);
    }
    lines.push(`${eq} fix: ${printable(item.fix)}`);
    lines.push(`${eq} ${attributed}`);
  }
  // Anything short of certain says why: a reader must be able to doubt it.
  if (item.confidence !== 'certain') lines.push(`${eq} why: ${printable(item.reason)}`);
  lines.push(...alternativeLines(item, style));
  return lines.join('\n');
}
