// Reads a Binance error-code document (Spot `errors.md`, its Chinese edition, the USDⓈ-M
// Futures page): "-CODE NAME" headings with one bullet per message variant, grouped under
// "10xx - ..." headings, and the message tables ("Messages for -1010 ..., -2010 ...",
// "Filter failures") that list what those codes' `msg` can say.
import { parseMarkdownTables } from '../../src/core/catalogue/markdown-table.ts';
import { headingText, plainText, withoutBreaks } from './markdown-text.ts';

export interface BinanceCode {
  code: string;
  /** The heading's words after the code: "INVALID_TIMESTAMP" (the Chinese edition's title). */
  title: string;
  group: string;
  /** Each bullet, as rendered text: the documented message variants. */
  bullets: string[];
  /** In-page sections a bullet points to instead of giving a message ("Potential error
   * messages can be found in [Filter Failures](#filter-failures) ..."), by anchor. */
  pointers: string[];
  /** The pointing bullets themselves, so a test can account for every bullet. */
  pointerBullets: string[];
}

export interface BinanceMessageRow {
  /** One or more messages ("Rest API trading is not enabled." / "WebSocket API ..."). */
  messages: string[];
  description: string;
}

export interface BinanceMessageList {
  /** Normalised anchor of the section ("otherErrors" for both #other-errors spellings). */
  anchor: string;
  heading: string;
  /** Codes the heading names, with their names: "-2010 NEW_ORDER_REJECTED". */
  codes: { code: string; name: string }[];
  /** The first line of prose under the heading: what the codes mean. */
  prose: string;
  rows: BinanceMessageRow[];
}

export interface BinanceDoc {
  codes: BinanceCode[];
  lists: BinanceMessageList[];
}

const CODE_HEADING = /^(-\d+)\s*(.*)$/;
const BULLET = /^\s*[*-]\s+(.*)$/;
const CONTINUATION = /^\s{2,}(\S.*)$/;
const ANCHOR = /^<a id="([^"]+)"><\/a>$/;
const POINTER = /\]\(#([^)]+)\)/g;

/** "#filter-failures" and id="filter_failures" name the same section. */
export function anchorKey(anchor: string): string {
  return anchor.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The messages of a table cell: each quoted text, or the whole cell when it has no quotes. */
function cellMessages(cell: string): string[] {
  const text = plainText(cell);
  const quoted = [...text.matchAll(/"([^"]+)"/g)].map((m) => (m[1] as string).trim());
  if (quoted.length > 0) return quoted;
  // One row opens a quote it never closes: "FIX API trading is not enabled.
  return [text.replace(/^"/, '').trim()];
}

export function readBinanceDoc(text: string): BinanceDoc {
  const lines = text.split(/\r?\n/);
  const codes: BinanceCode[] = [];
  const sections: { line: number; heading: string; anchor: string; prose: string[] }[] = [];
  let group = '';
  let current: BinanceCode | undefined;
  let anchor = '';
  let lastWasBullet = false;
  lines.forEach((line, index) => {
    const anchorMatch = ANCHOR.exec(line.trim());
    if (anchorMatch) {
      anchor = anchorKey(anchorMatch[1] as string);
      return;
    }
    if (/^\s*#+\s/.test(line)) {
      const heading = headingText(line);
      const code = CODE_HEADING.exec(heading);
      lastWasBullet = false;
      if (code) {
        current = {
          code: code[1] as string,
          title: (code[2] as string).trim(),
          group,
          bullets: [],
          pointers: [],
          pointerBullets: [],
        };
        codes.push(current);
      } else {
        current = undefined;
        group = heading;
        sections.push({ line: index + 1, heading, anchor, prose: [] });
      }
      anchor = '';
      return;
    }
    const bullet = BULLET.exec(line);
    if (current && bullet) {
      const words = plainText(bullet[1] as string);
      const pointers = [...(bullet[1] as string).matchAll(POINTER)].map((m) => m[1] as string);
      if (pointers.length > 0) {
        current.pointers.push(...pointers.map(anchorKey));
        current.pointerBullets.push(words);
        lastWasBullet = false;
      } else {
        current.bullets.push(words);
        lastWasBullet = true;
      }
      return;
    }
    const continuation = CONTINUATION.exec(line);
    if (current && lastWasBullet && continuation) {
      const last = current.bullets.length - 1;
      current.bullets[last] = `${current.bullets[last]} ${plainText(continuation[1] as string)}`;
      return;
    }
    lastWasBullet = false;
    const section = sections[sections.length - 1];
    if (!current && section && line.trim() !== '' && !line.includes('|')) {
      section.prose.push(line.trim());
    }
  });

  const lists: BinanceMessageList[] = [];
  for (const table of parseMarkdownTables(text)) {
    const section = sections.filter((s) => s.line < table.line).pop();
    if (!section) throw new Error(`binance doc: the table on line ${table.line} has no heading`);
    lists.push({
      anchor: section.anchor,
      heading: section.heading,
      codes: [...section.heading.matchAll(/(-\d+)\s+([A-Z_]+)?/g)].map((m) => ({
        code: m[1] as string,
        name: m[2] ?? '',
      })),
      // The first line says what the codes mean; the next only introduces the table.
      prose: section.prose[0] ?? '',
      rows: table.rows.map(({ cells }) => ({
        messages: cellMessages(cells[0] ?? ''),
        description: withoutBreaks(plainText(cells[1] ?? '')),
      })),
    });
  }
  return { codes, lists };
}
