// Glob patterns for `scan`, expanded here because a quoted pattern reaches us unexpanded (CI
// steps quote them so the shell leaves `**` alone) and Node 20 has no fs.glob. `*` and `?` match
// within one path segment, `[abc]`, `[a-z]` and `[!a]` match one character, `**` matches any
// number of directories. As in shells, a wildcard does not match a leading dot.
import type { CliIo } from './io.ts';

/** True when the argument has a wildcard, so it is a pattern rather than a file name. */
export function isGlob(argument: string): boolean {
  return /[*?[]/.test(argument);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|\\/\]]/g, '\\$&');
}

/** A regular expression for one segment of a pattern (no slashes in it). */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else source += escapeRegExp(c);
  }
  const dotOk = segment.startsWith('.');
  return new RegExp(`^${dotOk ? '' : '(?!\\.)'}${source}$`);
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}

async function walk(
  io: CliIo,
  base: string,
  segments: readonly string[],
  found: Set<string>,
): Promise<void> {
  const [segment, ...rest] = segments;
  if (segment === undefined) {
    if ((await io.pathKind(base || '.')) === 'file') found.add(base);
    return;
  }
  if (!isGlob(segment)) {
    const next = join(base, segment);
    if (rest.length === 0 || (await io.pathKind(next)) === 'directory') {
      await walk(io, next, rest, found);
    }
    return;
  }
  let entries: Awaited<ReturnType<CliIo['readDirectory']>>;
  try {
    entries = await io.readDirectory(base || '.');
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (segment === '**') {
    // Zero directories, then each directory below (not hidden ones, as shells do).
    await walk(io, base, rest, found);
    for (const entry of entries) {
      if (entry.directory && !entry.name.startsWith('.')) {
        await walk(io, join(base, entry.name), segments, found);
      }
    }
    return;
  }
  const pattern = segmentRegExp(segment);
  for (const entry of entries) {
    if (!pattern.test(entry.name)) continue;
    if (rest.length === 0) {
      if (!entry.directory) found.add(join(base, entry.name));
    } else if (entry.directory) {
      await walk(io, join(base, entry.name), rest, found);
    }
  }
}

/** The files a pattern matches, sorted, as paths written like the pattern (relative or not). */
export async function expandGlob(io: CliIo, pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((segment, i) => segment !== '' || i === 0);
  const base = absolute ? '/' : '';
  const found = new Set<string>();
  await walk(io, base, absolute ? segments.slice(1) : segments, found);
  return [...found];
}
