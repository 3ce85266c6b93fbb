// Pure: the short texts of a row (connection label, preview, time, size, filter haystack).
// Labels and previews carry text a server or page sent: its hidden characters are shown as
// stand-ins (⟨U+202E⟩) here, once, so no row can reorder itself or its neighbours.
import { cutWhole, showHiddenChars } from '../../core/hidden-chars.ts';
import type { Finding } from '../../core/index.ts';
import { frameLabel } from './socket-labels.ts';
import type { TrafficRow } from './traffic-row.ts';

export const PREVIEW_CHARS = 160;
const MAX_WHERE = 200;

/** Host, port and path of a URL, without scheme, credentials or query: what fits a column. */
export function hostAndPath(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return cutWhole(showHiddenChars(url), MAX_WHERE);
  const rest = url.slice(scheme + 3);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  let path = end < 0 ? '' : rest.slice(end);
  const query = path.search(/[?#]/);
  if (query >= 0) path = `${path.slice(0, query)}${path[query] === '?' ? '?…' : ''}`;
  if (!path.startsWith('/')) path = `/${path}`;
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  return cutWhole(showHiddenChars(`${host}${path}`), MAX_WHERE);
}

/**
 * " · frame https://other.example:8443" for a wrapper socket outside the top document (the
 * origin of the frame's URL, or its number while the URL is unknown); "" otherwise. The row's
 * label and its filter text both take it from here.
 */
export function frameTag(row: Pick<TrafficRow, 'source' | 'frameId' | 'frameUrl'>): string {
  if (row.source !== 'wrapper' || row.frameId === undefined) return '';
  const label = frameLabel(row.frameId, row.frameUrl);
  return label === undefined ? '' : ` · ${oneLine(label)}`;
}

/** A single line of at most PREVIEW_CHARS characters from any text. */
export function oneLine(text: string): string {
  const head = cutWhole(text, PREVIEW_CHARS * 4);
  const line = showHiddenChars(head, { keepLayout: true }).replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_CHARS ? `${cutWhole(line, PREVIEW_CHARS - 1)}…` : line;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** HH:MM:SS.mmm in local time, as DevTools shows times. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '--:--:--.---';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the text filter matches: URL, preview, codes and the messages of the findings. */
export function haystackOf(url: string, preview: string, findings: readonly Finding[]): string {
  let text = `${url}\n${preview}`;
  for (const f of findings) {
    text += `\n${f.code}\n${f.exchange}\n${f.observedMessage ?? ''}`;
    if (f.entry)
      text += `\n${f.entry.messages.en}\n${f.entry.messages.zh ?? ''}\n${f.entry.category}`;
  }
  return text.toLowerCase();
}
