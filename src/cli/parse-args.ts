// Parses one command's arguments against the flags it accepts. Hand-written rather than
// node:util parseArgs because codes are negative numbers ("-1021") and must stay positional.
import { UsageError } from './usage-error.ts';

/** Each accepted long flag: whether it takes a value; a 'raw' value keeps its surrounding
 * whitespace (a body or secret to sign exactly as given). */
export type FlagSpec = Readonly<Record<string, 'value' | 'raw' | 'boolean'>>;

export interface ParsedArgs {
  positionals: string[];
  /** Flag values by name, without the dashes; the last occurrence wins. */
  values: Map<string, string>;
  booleans: Set<string>;
}

const NEGATIVE_NUMBER = /^-\d/;

export function parseArgs(command: string, args: readonly string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), booleans: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    // --help never gets here: run() answers it before any command parses its flags.
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
      if (!kind) throw new UsageError(`${command} does not take --${name}`);
      if (kind === 'boolean') {
        if (equals >= 0) throw new UsageError(`--${name} takes no value`);
        parsed.booleans.add(name);
        continue;
      }
      let value = equals >= 0 ? arg.slice(equals + 1) : args[i + 1];
      // "--message --json" is a forgotten value, not a message; "--message=--json" says it is.
      if (value === undefined || (equals < 0 && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      if (equals < 0) i++;
      if (kind === 'value') value = value.trim();
      parsed.values.set(name, value);
    } else if (arg.startsWith('-') && arg !== '-' && !NEGATIVE_NUMBER.test(arg)) {
      throw new UsageError(`${command} does not take ${arg}`);
    } else {
      parsed.positionals.push(arg);
    }
  }
  return parsed;
}

/** The one positional argument a command needs, named as in the usage text. */
export function onePositional(command: string, parsed: ParsedArgs, name: string): string {
  const [first, ...rest] = parsed.positionals;
  if (first === undefined || first.trim() === '') {
    throw new UsageError(`${command} needs a ${name}`);
  }
  if (rest.length > 0) throw new UsageError(`${command} takes one ${name}, got ${rest.length + 1}`);
  return first;
}

/** A flag value that must be one of a fixed set. */
export function oneOf<T extends string>(
  parsed: ParsedArgs,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = parsed.values.get(name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}
