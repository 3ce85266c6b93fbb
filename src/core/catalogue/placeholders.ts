// Message templates and their placeholders, in every spelling the catalogues use: named
// "{0}", "{param0}", "{instId}" (OKX, WOO X), "{{key0}}" and "{{.replaceKey0}}" (Bybit),
// anonymous printf "%s", "%d", "%b" (Binance; "％s" in its Chinese edition) and "{}" (Bybit),
// each optionally quoted: Binance's "'%s'". One parser gives the names, reads the values out
// of an observed message and fills a template; nothing here uses a backtracking regex.

/** A piece of a template: literal text, or a placeholder (quoted: the template wraps it in
 * quotes, which the server may or may not send). */
type Part = { text: string } | { name: string; quoted: boolean };

const NAME_CHAR = /[A-Za-z0-9_]/;
const QUOTES = `'"\``;
const MAX_MESSAGE = 2000;

/** The placeholder starting at `at`, if any: its name (anonymous ones numbered in order) and
 * its length. */
function placeholderAt(
  template: string,
  at: number,
  anonymous: number,
): { name: string; length: number } | undefined {
  const char = template[at];
  if (char === '%' || char === '％') {
    const kind = template[at + 1];
    if (kind === 's' || kind === 'd' || kind === 'b')
      return { name: `%${anonymous + 1}`, length: 2 };
    return undefined;
  }
  if (char !== '{') return undefined;
  // "{{name}}" and "{{.name}}" (Go templates), "{name}", and the anonymous "{}".
  const double = template[at + 1] === '{';
  let i = at + (double ? 2 : 1);
  if (double && template[i] === '.') i++;
  const start = i;
  while (i < template.length && NAME_CHAR.test(template[i] as string)) i++;
  const close = double ? '}}' : '}';
  if (!template.startsWith(close, i)) return undefined;
  if (i === start) {
    return double ? undefined : { name: `%${anonymous + 1}`, length: i + 1 - at };
  }
  return { name: template.slice(start, i), length: i + close.length - at };
}

/** Cuts a template into literals and placeholders, in one pass. */
function parse(template: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let anonymous = 0;
  for (let i = 0; i < template.length; ) {
    const found = placeholderAt(template, i, anonymous);
    if (!found) {
      literal += template[i];
      i++;
      continue;
    }
    if (found.name.startsWith('%')) anonymous++;
    const before = literal[literal.length - 1];
    const after = template[i + found.length];
    const quoted = before !== undefined && QUOTES.includes(before) && after === before;
    if (quoted) literal = literal.slice(0, -1);
    parts.push({ text: literal }, { name: found.name, quoted });
    literal = '';
    i += found.length + (quoted ? 1 : 0);
  }
  parts.push({ text: literal });
  return parts;
}

function isPlaceholder(part: Part): part is { name: string; quoted: boolean } {
  return 'name' in part;
}

/** Placeholder names of a template, each once, in order: "{0}" gives "0", "%s" gives "%1". */
export function placeholderNames(template: string): string[] {
  const names: string[] = [];
  for (const part of parse(template)) {
    if (isPlaceholder(part) && !names.includes(part.name)) names.push(part.name);
  }
  return names;
}

/** How a placeholder is shown to people: "{instId}", "%1". */
export function placeholderLabel(name: string): string {
  return name.startsWith('%') ? name : `{${name}}`;
}

/** The template with its placeholders blanked out: the words the exchange always sends. */
export function literalText(template: string): string {
  return parse(template)
    .map((part) => (isPlaceholder(part) ? ' ' : part.text))
    .join('');
}

/** The template with each placeholder that has a value replaced by it; others stay. */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string>> | undefined,
): string {
  if (!values) return template;
  let anonymous = 0;
  let out = '';
  for (let i = 0; i < template.length; ) {
    const found = placeholderAt(template, i, anonymous);
    if (!found) {
      out += template[i];
      i++;
      continue;
    }
    if (found.name.startsWith('%')) anonymous++;
    out += Object.hasOwn(values, found.name)
      ? (values[found.name] as string)
      : template.slice(i, i + found.length);
    i += found.length;
  }
  return out;
}

/** Collapses whitespace, drops Markdown's backticks and the closing full stop: servers and
 * documents vary in all three. */
export function tidyMessage(text: string): string {
  return text
    .replaceAll('`', '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.。!！\s]+$/u, '');
}

/** A template cut at its placeholders: literals[i] stands before slots[i]; one more literal
 * closes it. Literals are lower-cased, like the text they are compared to. */
interface CompiledTemplate {
  literals: string[];
  slots: { name: string; quoted: boolean }[];
}

const compiled = new Map<string, CompiledTemplate | null>();

function compile(template: string): CompiledTemplate | null {
  const cached = compiled.get(template);
  if (cached !== undefined) return cached;
  const literals: string[] = [];
  const slots: CompiledTemplate['slots'] = [];
  for (const part of parse(tidyMessage(template))) {
    if (isPlaceholder(part)) slots.push(part);
    else literals.push(part.text.toLowerCase());
  }
  const result = slots.length === 0 ? null : { literals, slots };
  compiled.set(template, result);
  return result;
}

function unquote(value: string): string {
  const first = value[0] as string;
  return value.length > 2 && QUOTES.includes(first) && value.endsWith(first)
    ? value.slice(1, -1)
    : value;
}

/** An observed message tidied and lower-cased once, for reading it against many templates. */
export interface ObservedText {
  original: string;
  lower: string;
}

export function observedText(observed: string): ObservedText {
  const original = tidyMessage(observed.slice(0, MAX_MESSAGE));
  return { original, lower: original.toLowerCase() };
}

/** The placeholder values of an observed message, or undefined when it does not fit the
 * template. "Parameter {0} can not be empty." and "Parameter instId can not be empty" give
 * {"0": "instId"}; "Parameter '%s' was empty." reads "symbol" from "Parameter 'symbol' was
 * empty." and from "Parameter symbol was empty.". */
export function readPlaceholders(
  template: string,
  observed: string | ObservedText,
): Record<string, string> | undefined {
  const compiledTemplate = compile(template);
  if (!compiledTemplate) return undefined;
  const { literals, slots } = compiledTemplate;
  // Compare lower-cased, read the values from the original. A walk from literal to literal
  // (each found at its first place after the last) is linear: a regex of lazy groups is not,
  // and a custom template with many placeholders would stall the panel on a near miss.
  const { original, lower } = typeof observed === 'string' ? observedText(observed) : observed;
  const text = lower.length === original.length ? original : lower;
  const first = literals[0] as string;
  const end = literals[literals.length - 1] as string;
  if (lower.length < first.length + end.length || !lower.startsWith(first)) return undefined;
  if (!lower.endsWith(end)) return undefined;
  const stop = lower.length - end.length;
  const values: Record<string, string> = {};
  let at = first.length;
  for (let i = 0; i < slots.length; i++) {
    const next = literals[i + 1] as string;
    const last = i === slots.length - 1;
    // Every value has at least one character; the last ends where the closing literal starts.
    const until = last ? stop : next === '' ? at + 1 : lower.indexOf(next, at + 1);
    if (until < at + 1 || until > stop) return undefined;
    const slot = slots[i] as CompiledTemplate['slots'][number];
    const value = text.slice(at, until);
    values[slot.name] = slot.quoted ? unquote(value) : value;
    at = until + (last ? 0 : next.length);
  }
  return values;
}

/** Placeholder names of several templates (a message in each language, every variant). */
export function placeholderNamesIn(templates: readonly string[]): string[] {
  const names: string[] = [];
  for (const template of templates) {
    for (const name of placeholderNames(template)) if (!names.includes(name)) names.push(name);
  }
  return names;
}
