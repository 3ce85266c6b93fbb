// `exchange-lens explain CODE`: every catalogue entry with that code, best first.
import { EXCHANGE_IDS, type ExplainMatch, explain } from '../core/index.ts';
import { entryExplanation, LANGS, type Lang } from './explanation-json.ts';
import { formatMatch } from './format-human.ts';
import type { CliIo } from './io.ts';
import type { MatchJson } from './json-item.ts';
import { oneOf, onePositional, parseArgs } from './parse-args.ts';
import { printable } from './printable.ts';
import { createStyle } from './style.ts';

const EXPLAIN_FLAGS = {
  exchange: 'value',
  message: 'value',
  lang: 'value',
  json: 'boolean',
} as const;

function matchJson(match: ExplainMatch, others: readonly ExplainMatch[], lang: Lang): MatchJson {
  const alternatives = others.filter((other) => other !== match).map((other) => other.entry);
  const item = entryExplanation(match.entry, lang, match.placeholders, alternatives);
  return {
    ...item,
    exchange: match.entry.exchange,
    category: match.entry.category,
    score: match.score,
  };
}

function notFound(code: string, exchange: string | undefined): string {
  if (!exchange) return `unknown code ${code}: no bundled catalogue knows it`;
  const elsewhere = [...new Set(explain(code).map((m) => m.entry.exchange))];
  const hint = elsewhere.length > 0 ? ` (known to ${elsewhere.join(', ')})` : '';
  return `unknown code ${code} for ${exchange}: no bundled ${exchange} entry has it${hint}`;
}

export function explainCommand(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs('explain', args, EXPLAIN_FLAGS);
  const code = onePositional('explain', parsed, 'CODE').trim();
  const exchange = oneOf(parsed, 'exchange', EXCHANGE_IDS);
  const lang = oneOf(parsed, 'lang', LANGS) ?? 'en';
  const message = parsed.values.get('message') || undefined;

  const matches = explain(code, {
    ...(exchange ? { exchange } : {}),
    ...(message ? { message } : {}),
  });
  const items = matches.map((match) => matchJson(match, matches, lang));
  if (parsed.booleans.has('json')) {
    io.stdout(`${JSON.stringify({ matches: items }, null, 2)}\n`);
  } else if (items.length === 0) {
    io.stdout(`${printable(notFound(code, exchange))}\n`);
  } else {
    const style = createStyle(io.colour ?? false);
    io.stdout(`${items.map((item) => formatMatch(item, style, message)).join('\n\n')}\n`);
  }
  return items.length > 0 ? 0 : 1;
}
