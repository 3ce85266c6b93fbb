// `exchange-lens explain CODE`: every catalogue entry with that code, best first.
import { type Catalogue, type ExplainMatch, explain } from '../core/index.ts';
import { catalogueFromFlag, exchangesOf } from './catalogue-flags.ts';
import { entryExplanation, LANGS, type Lang } from './explanation-json.ts';
import { formatMatch, formatNoMessageMatch } from './format-human.ts';
import type { CliIo } from './io.ts';
import type { MatchJson } from './json-item.ts';
import { oneOf, onePositional, parseArgs } from './parse-args.ts';
import { printable } from './printable.ts';
import { createStyle } from './style.ts';

const EXPLAIN_FLAGS = {
  exchange: 'value',
  message: 'value',
  lang: 'value',
  catalogue: 'value',
  json: 'boolean',
} as const;

function matchJson(
  match: ExplainMatch,
  others: readonly ExplainMatch[],
  lang: Lang,
  message: string | undefined,
): MatchJson {
  const alternatives = others.filter((other) => other !== match).map((other) => other.entry);
  const item = entryExplanation(match.entry, lang, match.placeholders, alternatives, message);
  return {
    ...item,
    exchange: match.entry.exchange,
    category: match.entry.category,
    score: match.score,
    ...(match.messageMatched !== undefined ? { messageMatched: match.messageMatched } : {}),
  };
}

function notFound(code: string, exchange: string | undefined, catalogue: Catalogue): string {
  const which = catalogue.entries.some((e) => e.origin === 'custom')
    ? 'bundled or custom'
    : 'bundled';
  if (!exchange) return `unknown code ${code}: no ${which} catalogue knows it`;
  const elsewhere = [...new Set(explain(code, { catalogue }).map((m) => m.entry.exchange))];
  const hint = elsewhere.length > 0 ? ` (known to ${elsewhere.join(', ')})` : '';
  return `unknown code ${code} for ${exchange}: no ${which} ${exchange} entry has it${hint}`;
}

export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('explain', args, EXPLAIN_FLAGS);
  const code = onePositional('explain', parsed, 'CODE').trim();
  const catalogue = await catalogueFromFlag(parsed, io);
  const exchange = oneOf(parsed, 'exchange', exchangesOf(catalogue));
  const lang = oneOf(parsed, 'lang', LANGS) ?? 'en';
  const message = parsed.values.get('message') || undefined;

  const matches = explain(code, {
    catalogue,
    ...(exchange ? { exchange } : {}),
    ...(message ? { message } : {}),
  });
  const items = matches.map((match) => matchJson(match, matches, lang, message));
  if (parsed.booleans.has('json')) {
    io.stdout(`${JSON.stringify({ matches: items }, null, 2)}\n`);
  } else if (items.length === 0) {
    io.stdout(`${printable(notFound(code, exchange, catalogue))}\n`);
  } else {
    const style = createStyle(io.colour ?? false);
    // Said once, above the entries: none of the code's documented messages is what the server
    // sent, so the order below is the catalogue's, not a guess from a shared word or two.
    const unmatched = message && matches.every((match) => !match.messageMatched);
    const note = unmatched ? `${formatNoMessageMatch(code, exchange, message, style)}\n\n` : '';
    io.stdout(`${note}${items.map((item) => formatMatch(item, style, message)).join('\n\n')}\n`);
  }
  return items.length > 0 ? 0 : 1;
}
