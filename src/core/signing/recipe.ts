// What every signing recipe is, and the request plumbing they share: splitting a path from its
// query, the default method, the timestamp and recvWindow parameters of query-signing recipes.
import { appendParam, looksLikeJson, paramValue, type ValueSpelling } from './params.ts';
import { FORMAT_WORDS, type ParsedTimestamp, parseTimestamp, timestampText } from './timestamp.ts';
import {
  type OkxLoginMessage,
  type SignatureEncoding,
  type SignedParams,
  type SignInput,
  SigningInputError,
  type SigningRecipeId,
  type TimestampFormat,
} from './types.ts';

/** A request with every signed part in place (the timestamp included). */
export interface PrehashParts {
  method: string;
  path: string;
  /** Without "?". */
  query: string;
  body: string;
  /** The timestamp of recipes that sign it apart from the parameters ("" for the others). */
  timestamp: string;
  /** bybit: the API key, which it signs. */
  key?: string;
  /** bybit: the recv_window as sent, signed when sent. */
  recvWindow?: string;
}

/** How a recipe turns parameters into text: sorted or not, values spelled how. */
export interface Canonicalisation {
  sort: boolean;
  values: ValueSpelling;
}

export interface Delivery {
  headers: Record<string, string>;
  params?: SignedParams;
  login?: OkxLoginMessage;
}

export interface PreparedRequest {
  parts: PrehashParts;
  /** The timestamp as signed. */
  timestamp: string;
  warnings: string[];
  deliver(signature: string): Delivery;
}

export interface SigningRecipe {
  id: SigningRecipeId;
  /** "OKX REST", for the pane's picker. */
  title: string;
  /** The recipe in one line, for the pane and --help. */
  formula: string;
  encoding: SignatureEncoding;
  timestampFormat: TimestampFormat;
  /** Where the request carries the timestamp: a parameter, a header, or the login args. */
  timestampIn: 'params' | 'header' | 'login';
  /** The recipe's own canonicalisation; the mistake finder tries the others. */
  canonical: Canonicalisation;
  /** The string to sign for a complete request. */
  compose(parts: PrehashParts, how?: Canonicalisation): string;
  /** Completes the user's request (the timestamp, recvWindow) and says how to send it. */
  prepare(input: SignInput, now: number): PreparedRequest;
}

/** The path and query of the input: "?q" in the path is split off; a query given twice is an
 * error rather than a guess. */
export function splitTarget(input: SignInput): { path: string; query: string } {
  const rawPath = input.path ?? '';
  const query = (input.query ?? '').replace(/^\?/, '');
  const mark = rawPath.indexOf('?');
  if (mark < 0) return { path: rawPath, query };
  if (query !== '') {
    throw new SigningInputError('the query is given twice: in the path and apart from it');
  }
  return { path: rawPath.slice(0, mark), query: rawPath.slice(mark + 1) };
}

export function pathWithQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** GET without a body, POST with one; recipes that sign the method upper-case it. */
export function methodOf(input: SignInput): string {
  return (input.method ?? ((input.body ?? '') === '' ? 'GET' : 'POST')).toUpperCase();
}

/** The key header, only when the user gave a key: recipes add nothing the user did not give. */
export function keyHeader(name: string, key: string | undefined): Record<string, string> {
  return key === undefined || key === '' ? {} : { [name]: key };
}

function givenTwice(name: string, inRequest: string, given: string): SigningInputError {
  return new SigningInputError(
    `${name} is given twice: ${inRequest} in the request and ${given} apart from it`,
  );
}

/** For recipes whose timestamp and recvWindow are parameters (gateway, binance): the query with
 * recvWindow and timestamp appended when the request carries none, and the timestamp signed. */
export function completeParams(
  input: SignInput,
  query: string,
  body: string,
  now: number,
): { query: string; timestamp: string } {
  if (paramValue(query, 'signature') !== undefined || paramValue(body, 'signature') !== undefined) {
    throw new SigningInputError('the request already has a signature parameter: leave it out');
  }
  let completed = query;
  const recvWindow = paramValue(query, 'recvWindow') ?? paramValue(body, 'recvWindow');
  if (input.recvWindow !== undefined) {
    const given = String(input.recvWindow);
    if (recvWindow === undefined) completed = appendParam(completed, 'recvWindow', given);
    else if (recvWindow !== given) throw givenTwice('recvWindow', recvWindow, given);
  }
  const inRequest = paramValue(query, 'timestamp') ?? paramValue(body, 'timestamp');
  if (inRequest === undefined) {
    const timestamp = timestampText(input.timestamp, 'epoch-ms', now);
    return { query: appendParam(completed, 'timestamp', timestamp), timestamp };
  }
  if (input.timestamp !== undefined) {
    const given = timestampText(input.timestamp, 'epoch-ms', now);
    if (given !== inRequest) throw givenTwice('the timestamp', inRequest, given);
  }
  return { query: completed, timestamp: inRequest };
}

/** Where a query-signing recipe puts its signature: after a form body's parameters when there
 * are any (as Binance's examples do), else after the query's. */
export function withSignature(query: string, body: string, signature: string): SignedParams {
  return body.trim() === '' || looksLikeJson(body)
    ? { query: appendParam(query, 'signature', signature), body }
    : { query, body: appendParam(body, 'signature', signature) };
}

/** A warning when a timestamp the user gave is not in the spelling the recipe wants. */
export function formatWarnings(
  title: string,
  timestamp: string,
  want: TimestampFormat,
  alsoFine: readonly ParsedTimestamp['format'][] = [],
): string[] {
  const parsed = parseTimestamp(timestamp);
  if (parsed && (parsed.format === want || alsoFine.includes(parsed.format))) return [];
  const seen = parsed ? `in ${FORMAT_WORDS[parsed.format]}` : 'not a timestamp';
  return [`the timestamp ${timestamp} is ${seen}; ${title} wants ${FORMAT_WORDS[want]}`];
}
