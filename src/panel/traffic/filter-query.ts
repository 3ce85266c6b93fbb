// Pure: the toolbar's filter language. Terms separated by spaces must all match; "-term" must
// not; "quoted words" match as one phrase; /regex/ matches the row's text; and field terms in
// the words of exchange APIs: code:-1021 exchange:okx op:order channel:books status:4xx
// dir:send kind:close slow:>500ms. Anything else (wss://host, a word with a colon) is text. A
// term that cannot be read is left out and named, so typing never throws and never empties the
// list by accident.
import { exchangeLabel } from '../../core/exchange-names.ts';
import type { PairingView } from './pairing-index.ts';
import { factsOf } from './row-facts.ts';
import type { RowKind, TrafficRow } from './traffic-row.ts';

export interface FilterContext {
  pairs: PairingView;
}

type Test = (row: TrafficRow, context: FilterContext) => boolean;

interface Term {
  negate: boolean;
  test: Test;
}

export interface FilterQuery {
  terms: readonly Term[];
  /** Terms left out, each with why: "status:abc: expected 404, 4xx or >=400". */
  problems: readonly string[];
}

export const EMPTY_QUERY: FilterQuery = { terms: [], problems: [] };

const KIND_WORDS: Readonly<Record<string, RowKind>> = {
  http: 'http',
  send: 'send',
  sent: 'send',
  receive: 'receive',
  received: 'receive',
  close: 'close',
  open: 'open',
  error: 'error',
};

const DIRECTIONS: Readonly<Record<string, RowKind>> = {
  send: 'send',
  sent: 'send',
  out: 'send',
  receive: 'receive',
  received: 'receive',
  recv: 'receive',
  in: 'receive',
};

/** "500ms", "1.5s", ">2s", ">=300": a threshold in ms. */
function durationMs(text: string): number | undefined {
  const match = /^>?=?\s*(\d+(?:\.\d+)?)\s*(ms|s)?$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2]?.toLowerCase() === 's' ? value * 1000 : value;
}

function statusTest(text: string): Test | undefined {
  const range = /^([1-5])xx$/i.exec(text);
  if (range) {
    const low = Number(range[1]) * 100;
    return (row) => row.status !== undefined && row.status >= low && row.status < low + 100;
  }
  const compared = /^(>=|<=|>|<)?(\d{1,3})$/.exec(text);
  if (!compared) return undefined;
  const value = Number(compared[2]);
  const op = compared[1];
  return (row) => {
    const { status } = row;
    if (status === undefined) return false;
    if (op === '>=') return status >= value;
    if (op === '<=') return status <= value;
    if (op === '>') return status > value;
    if (op === '<') return status < value;
    return status === value;
  };
}

const lower = (text: string | undefined) => text?.toLowerCase() ?? '';
const withoutMinus = (code: string) => (code.startsWith('-') ? code.slice(1) : code);

/** A field term's test, or the reason it cannot be read; undefined when `key` is no field. */
function fieldTest(key: string, value: string): Test | string | undefined {
  const wanted = value.toLowerCase();
  switch (key) {
    case 'code':
      // A missing minus sign is forgiven, as in the popup: code:1021 finds -1021.
      return (row) =>
        factsOf(row).codes.some(
          (code) => code === value || withoutMinus(code) === withoutMinus(value),
        );
    case 'exchange':
      return (row) =>
        factsOf(row).exchanges.some(
          (id) => id === wanted || lower(exchangeLabel(id)).replaceAll(' ', '') === wanted,
        );
    case 'op':
      return (row) => lower(factsOf(row).shape.op).includes(wanted);
    case 'channel':
      return (row) => lower(factsOf(row).shape.channel).includes(wanted);
    case 'status':
      return statusTest(value) ?? 'expected a status such as 429, 4xx or >=400';
    case 'dir': {
      const kind = DIRECTIONS[wanted];
      return kind ? (row) => row.kind === kind : 'expected send or receive';
    }
    case 'kind': {
      const kind = KIND_WORDS[wanted];
      return kind
        ? (row) => row.kind === kind
        : 'expected http, send, receive, open, close or error';
    }
    case 'slow': {
      const threshold = durationMs(value);
      if (threshold === undefined) return 'expected a duration such as >500ms or >2s';
      return (row, context) => context.pairs.isSlow(row.id, threshold);
    }
    default:
      return undefined;
  }
}

function regexTest(body: string, flags: string): Test | string {
  try {
    // The haystack is lower-cased: matching ignores case, as the plain text filter does.
    const pattern = new RegExp(body, `${flags.replace(/[^gimsuy]/g, '').replace('g', '')}i`);
    return (row) => pattern.test(row.haystack);
  } catch (error) {
    return error instanceof Error ? error.message : 'not a valid regular expression';
  }
}

/** Splits on spaces, keeping "quoted phrases" and /regex with spaces/ whole. */
function tokens(input: string): string[] {
  const found: string[] = [];
  const pattern = /-?"[^"]*"?|-?\/(?:\\.|[^/\\])*\/[a-z]*|\S+/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) found.push(match[0]);
  return found;
}

function termOf(token: string): Term | string | undefined {
  const negate = token.length > 1 && token.startsWith('-');
  const body = negate ? token.slice(1) : token;
  const regex = /^\/((?:\\.|[^/\\])*)\/([a-z]*)$/.exec(body);
  if (regex && (regex[1] ?? '') !== '') {
    const test = regexTest(regex[1] ?? '', regex[2] ?? '');
    return typeof test === 'string' ? `${token}: ${test}` : { negate, test };
  }
  if (body.startsWith('"')) {
    const phrase = body.replace(/^"|"$/g, '').toLowerCase();
    return phrase === '' ? undefined : { negate, test: (row) => row.haystack.includes(phrase) };
  }
  const colon = body.indexOf(':');
  if (colon > 0 && colon < body.length - 1) {
    const test = fieldTest(body.slice(0, colon).toLowerCase(), body.slice(colon + 1));
    if (typeof test === 'string') return `${token}: ${test}`;
    if (test) return { negate, test };
  }
  const needle = body.toLowerCase();
  return { negate, test: (row) => row.haystack.includes(needle) };
}

export function parseFilter(input: string): FilterQuery {
  const terms: Term[] = [];
  const problems: string[] = [];
  for (const token of tokens(input.trim())) {
    const term = termOf(token);
    if (typeof term === 'string') problems.push(term);
    else if (term) terms.push(term);
  }
  return { terms, problems };
}

export function matchesQuery(row: TrafficRow, query: FilterQuery, context: FilterContext): boolean {
  for (const term of query.terms) if (term.test(row, context) === term.negate) return false;
  return true;
}
