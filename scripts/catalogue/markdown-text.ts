// Reads the text of a Markdown cell or bullet as a reader sees it rendered: escapes, links,
// bold and HTML entities undone. Backticks stay (matching ignores them); line breaks
// (<br>) are the caller's to split or join, since in a message they separate variants.

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** "[text](url)" -> "text", "**x**" -> "x", "\-1" -> "-1", "&lt;" -> "<", "<code>x</code>" -> "x". */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/<\/?code>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, '$1')
    .replace(/&(?:lt|gt|amp|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
}

const BREAK = /<br\s*\/?>(?:\s*<\/br>)?/gi;

/** A cell's line breaks as spaces: for descriptions, where they only lay text out. */
export function withoutBreaks(text: string): string {
  return text.replace(BREAK, ' ').replace(/\s+/g, ' ').trim();
}

/** A cell cut at its line breaks. */
export function splitBreaks(text: string): string[] {
  return text
    .split(BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "~10018~" -> { text: "10018", struck: true }: Bybit strikes out codes it no longer uses. */
export function struckThrough(text: string): { text: string; struck: boolean } {
  const trimmed = text.trim();
  if (trimmed.length > 2 && trimmed.startsWith('~') && trimmed.endsWith('~')) {
    return { text: trimmed.slice(1, -1).trim(), struck: true };
  }
  return { text: trimmed, struck: false };
}

/** "Public [🔗](https://...)" and "UTA[\u200b](#uta ...)" -> the heading's words. */
export function headingText(line: string): string {
  return plainText(line.trim().replace(/^#+\s*/, ''))
    .replace(/[\u200b\s]*🔗?$/u, '')
    .replace(/\u200b/g, '')
    .trim();
}
