// The rows the popup lists: a tab's recent findings on top (empty query only), then search hits,
// each with the plain-text block that Enter copies.

import type { Catalogue } from '../core/catalogue/catalogue.ts';
import type { CatalogueEntry, Lang } from '../core/catalogue/types.ts';
import { describeRetry, entryMessage } from '../core/describe.ts';
import { explain } from '../core/explain.ts';
import { explanationText } from '../core/explanation-text.ts';
import { showHiddenChars } from '../core/hidden-chars.ts';
import type { MatchKind } from '../core/search/index.ts';
import type { RecentFinding } from '../storage/index.ts';

export type { Lang };

export interface ResultRow {
  /** Unique in the list, also the option's DOM id suffix. */
  key: string;
  entry?: CatalogueEntry;
  /** Set when the row is a finding seen in the current tab. */
  recent?: RecentFinding;
  kind?: MatchKind;
  /** A recent finding whose code has several meanings, none of which the server's words fit:
   * no entry is shown, as the panel shows none. */
  unsure?: true;
}

/** The catalogue entry that explains a recent finding best, if any catalogue knows it. */
export function recentRow(catalogue: Catalogue, recent: RecentFinding, index: number): ResultRow {
  const exchange = recent.exchange === 'unknown' ? undefined : recent.exchange;
  const options = { catalogue, ...(recent.message ? { message: recent.message } : {}) };
  const own = explain(recent.code, { ...options, ...(exchange ? { exchange } : {}) });
  const matches = own.length > 0 ? own : explain(recent.code, options);
  const key = `recent-${index}`;
  // Several meanings and words that fit none: picking the first would be a confident guess.
  if (recent.message && matches.length > 1 && !matches.some((match) => match.score > 0)) {
    return { key, recent, unsure: true };
  }
  const entry = matches[0]?.entry;
  return { key, recent, ...(entry ? { entry } : {}) };
}

/** What Enter copies: the explanation as plain text, ready for a ticket or a chat. */
export function rowText(row: ResultRow, lang: Lang): string {
  const { entry, recent } = row;
  const lines: string[] = [];
  if (!entry) {
    const why = row.unsure
      ? "several meanings, and the server's words fit none of them"
      : 'not in any catalogue';
    lines.push(`${recent?.exchange ?? 'unknown'} ${recent?.code ?? ''}: ${why}`);
  } else {
    const text = explanationText({
      ...entry,
      message: entryMessage(entry, lang),
      retryText: describeRetry(entry.retry),
      retryNote: entry.retry.note,
    });
    lines.push(`${entry.exchange} ${entry.code}: ${text.title}`);
    if (text.means !== undefined) lines.push(`Means: ${text.means}`);
    lines.push(`Fix: ${text.fix}`);
    text.steps.forEach((step, i) => {
      lines.push(`  ${i + 1}. ${step}`);
    });
    lines.push(`Category: ${text.category} · Retry: ${text.retry}`);
    if (text.howToRetry) lines.push(`How to retry: ${text.howToRetry}`);
  }
  // Pasted into a ticket, a bidi control would reorder the text there: copied as stand-ins.
  if (recent?.message)
    lines.push(`Server said: ${showHiddenChars(JSON.stringify(recent.message))}`);
  if (entry) lines.push(`Source: ${entry.source}`);
  return lines.join('\n');
}
