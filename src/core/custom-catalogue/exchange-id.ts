// Names a custom catalogue may give its exchange: short, lower-case, safe in ids and CSS.

const EXCHANGE_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;
/** Used by findings for "no exchange known"; a catalogue may not claim it. */
const RESERVED = new Set(['unknown', 'custom']);

/** Why `id` cannot name an exchange, or undefined when it can. */
export function exchangeIdProblem(id: string): string | undefined {
  if (id === '') return 'the exchange id is empty';
  if (RESERVED.has(id)) return `'${id}' is reserved and cannot name an exchange`;
  if (!EXCHANGE_ID.test(id)) {
    return `exchange id '${id}' must be 1-32 lower-case letters, digits, '.', '_' or '-'`;
  }
  return undefined;
}
