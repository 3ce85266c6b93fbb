// --catalogue FILE and --hosts FILE: a user's own error catalogue (JSON, or Markdown tables with
// "exchange: NAME" front matter) and host -> exchange map, checked like the options page does.

import { parseCustomCatalogue } from '../core/custom-catalogue/index.ts';
import { BUNDLED_CATALOGUE, type Catalogue, createCatalogue, type HostMap } from '../core/index.ts';
import { parseHostMapText } from '../core/settings/index.ts';
import type { CliIo } from './io.ts';
import type { ParsedArgs } from './parse-args.ts';
import { UsageError } from './usage-error.ts';

/** Problems shown in the one-line usage error before "and N more". */
const SHOWN_PROBLEMS = 3;

function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export async function readText(io: CliIo, file: string): Promise<string> {
  try {
    return await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${readError(error)}`);
  }
}

function summary(problems: readonly string[]): string {
  const more = problems.length - SHOWN_PROBLEMS;
  return `${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** The bundled catalogue plus --catalogue FILE's entries; the bundled one without the flag. */
export async function catalogueFromFlag(parsed: ParsedArgs, io: CliIo): Promise<Catalogue> {
  const file = parsed.values.get('catalogue');
  if (file === undefined) return BUNDLED_CATALOGUE;
  const result = parseCustomCatalogue(await readText(io, file), { source: file });
  if (!result.ok) throw new UsageError(`catalogue ${file}: ${summary(result.problems)}`);
  return createCatalogue([...BUNDLED_CATALOGUE.entries, ...result.entries]);
}

/** --hosts FILE: {"host": "exchange"} JSON or "host -> exchange" lines. */
export async function hostsFromFlag(parsed: ParsedArgs, io: CliIo): Promise<HostMap> {
  const file = parsed.values.get('hosts');
  if (file === undefined) return {};
  const result = parseHostMapText(await readText(io, file));
  if ('problems' in result) throw new UsageError(`hosts ${file}: ${summary(result.problems)}`);
  return result.hosts;
}

/** Every exchange the catalogue knows, bundled first: what --exchange accepts. */
export function exchangesOf(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.entries.map((entry) => entry.exchange))];
}
