// `exchange-lens sign --recipe R --secret S ...`: the prehash, the signature and what to send,
// for one request. The secret goes into the HMAC and nowhere else: never printed, not even in
// an error message.

import { escapeHiddenChars, hasHiddenChars, hiddenCharsIn } from '../core/hidden-chars.ts';
import {
  isSigningRecipeId,
  SIGNING_RECIPE_IDS,
  SIGNING_RECIPES,
  type SignInput,
  SigningInputError,
  type SignResult,
  signRequest,
} from '../core/index.ts';
import type { CliIo } from './io.ts';
import { oneOf, parseArgs } from './parse-args.ts';
import { printable } from './printable.ts';
import { createStyle, type Style } from './style.ts';
import { UsageError } from './usage-error.ts';

const SIGN_FLAGS = {
  recipe: 'value',
  secret: 'raw',
  'secret-file': 'value',
  method: 'value',
  path: 'value',
  query: 'raw',
  body: 'raw',
  timestamp: 'value',
  key: 'value',
  passphrase: 'raw',
  'recv-window': 'value',
  json: 'boolean',
} as const;

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

const RECV_WINDOW = /^\d+(\.\d{1,3})?$/;

/** Invisible characters made visible: control pictures for line breaks and tabs, U+ codes for
 * the rest (core's hidden characters, and the no-break space that signs unlike a space), so a
 * trailing newline in a body cannot hide in the prehash. */
const NBSP = '\u00a0';
const PICTURES: Record<string, [string, string]> = {
  '\n': ['␊', 'newline'],
  '\r': ['␍', 'carriage return'],
  '\t': ['␉', 'tab'],
};

function marker(c: string): [string, string] {
  const code = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return PICTURES[c] ?? [`⟨U+${code}⟩`, `invisible U+${code}`];
}

function visible(text: string): string {
  const shown = escapeHiddenChars(text, (code) => marker(String.fromCodePoint(code))[0]);
  return shown.replaceAll(NBSP, marker(NBSP)[0]);
}

const isInvisible = (c: string): boolean => c === NBSP || hasHiddenChars(c);

/** The legend of the markers a prehash shows, and whether one ends it: a trailing newline is
 * the classic way to sign something other than what was sent. */
function invisibleNote(text: string): string | undefined {
  const hidden = hiddenCharsIn(text);
  const found = (text.includes(NBSP) ? [...hidden, NBSP] : hidden).map(marker);
  if (found.length === 0) return undefined;
  const legend = found.map(([picture, name]) => `${picture} ${name}`).join(', ');
  const last = [...text].at(-1) ?? '';
  const ends = isInvisible(last) ? `; the prehash ends with a ${marker(last)[1]}` : '';
  return `invisible characters are shown as ${legend}${ends}`;
}

async function readSecret(values: Map<string, string>, io: CliIo): Promise<string> {
  const inline = values.get('secret');
  const file = values.get('secret-file');
  if (inline !== undefined && file !== undefined) {
    throw new UsageError('give the secret once: --secret or --secret-file');
  }
  if (file !== undefined) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      // The words scan uses; never the error's own message, in case it quotes the file.
      const code = (error as { code?: unknown } | null)?.code;
      const why = READ_ERRORS[String(code)] ?? `error ${String(code ?? 'reading it')}`;
      throw new UsageError(`cannot read ${file}: ${why}`);
    }
    // An editor ends a file with a newline; the secret does not.
    return text.replace(/\r?\n$/, '');
  }
  if (inline === undefined || inline === '') throw new UsageError('sign needs --secret');
  return inline;
}

function recvWindowOf(values: Map<string, string>, recipe: string): number | undefined {
  const text = values.get('recv-window');
  if (text === undefined) return undefined;
  if (recipe !== 'binance' && recipe !== 'gateway' && recipe !== 'bybit') {
    throw new UsageError('--recv-window is for the binance, gateway and bybit recipes only');
  }
  if (!RECV_WINDOW.test(text)) {
    throw new UsageError(`--recv-window takes milliseconds, not "${text}"`);
  }
  return Number(text);
}

function inputOf(values: Map<string, string>, secret: string): SignInput {
  const input: SignInput = { secret };
  for (const name of [
    'method',
    'path',
    'query',
    'body',
    'timestamp',
    'key',
    'passphrase',
  ] as const) {
    const value = values.get(name);
    if (value !== undefined) input[name] = value;
  }
  return input;
}

function resultJson(result: SignResult): Record<string, unknown> {
  return {
    recipe: result.recipe,
    prehash: result.prehash,
    signature: result.signature,
    encoding: result.encoding,
    timestamp: result.timestamp,
    headers: result.headers,
    ...(result.params ? { params: result.params } : {}),
    ...(result.login ? { login: result.login } : {}),
    ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
  };
}

function humanLines(result: SignResult, style: Style): string[] {
  const label = (name: string) => style.bold(name.padEnd(11));
  const indent = ' '.repeat(11);
  const lines = [
    `${label('recipe')}${result.recipe}: ${SIGNING_RECIPES[result.recipe].formula}`,
    `${label('prehash')}"${visible(result.prehash)}"`,
    `${label('signature')}${printable(result.signature)} (${result.encoding})`,
  ];
  const headers = Object.entries(result.headers).map(([k, v]) => `${k}: ${printable(v)}`);
  headers.forEach((header, i) => {
    lines.push(`${i === 0 ? label('headers') : indent}${header}`);
  });
  if (result.params) {
    lines.push(`${label('query')}${visible(result.params.query)}`);
    if (result.params.body !== '') lines.push(`${label('body')}${visible(result.params.body)}`);
  }
  if (result.login) lines.push(`${label('login')}${visible(JSON.stringify(result.login))}`);
  const note = invisibleNote(result.prehash);
  if (note) lines.push(`${style.note('note')}: ${note}`);
  for (const warning of result.warnings)
    lines.push(`${style.warning('warning')}: ${printable(warning)}`);
  return lines;
}

export async function signCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('sign', args, SIGN_FLAGS);
  // Never echo a stray argument: it may well be the secret, typed without its flag.
  if (parsed.positionals.length > 0) {
    throw new UsageError(
      `sign takes flags only; got ${parsed.positionals.length} argument(s) without a flag`,
    );
  }
  const recipe = oneOf(parsed, 'recipe', SIGNING_RECIPE_IDS);
  if (!recipe || !isSigningRecipeId(recipe)) {
    throw new UsageError(`sign needs --recipe ${SIGNING_RECIPE_IDS.join('|')}`);
  }
  const secret = await readSecret(parsed.values, io);
  const input = inputOf(parsed.values, secret);
  const recvWindow = recvWindowOf(parsed.values, recipe);
  if (recvWindow !== undefined) input.recvWindow = recvWindow;

  let result: SignResult;
  try {
    result = await signRequest(recipe, input);
  } catch (error) {
    if (error instanceof SigningInputError) throw new UsageError(error.message);
    throw error;
  }
  if (parsed.booleans.has('json')) {
    io.stdout(`${JSON.stringify(resultJson(result), null, 2)}\n`);
  } else {
    io.stdout(`${humanLines(result, createStyle(io.colour ?? false)).join('\n')}\n`);
  }
  return 0;
}
