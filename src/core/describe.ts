// Plain-text wording shared by the CLI and the UI: retry advice, categories, attributions.
import type { CatalogueEntry, Lang, RetryAdvice } from './catalogue/types.ts';
import type { Attribution } from './detect/types.ts';

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function describeRetry(retry: RetryAdvice): string {
  const delay = retry.delayMs !== undefined ? ` (${seconds(retry.delayMs)})` : '';
  switch (retry.kind) {
    case 'do-not-retry':
      return 'do not retry';
    case 'backoff':
      return `retry with backoff${delay}`;
    case 'after-fix':
      return 'retry after fixing the request';
    case 'reconnect':
      return `reconnect${delay}`;
    case 'wait':
      return `wait${delay}, then retry`;
    case 'check-first':
      return 'check the order status before retrying';
  }
}

export function describeAttribution(attribution: Attribution): string {
  switch (attribution) {
    case 'host':
      return 'by host';
    case 'envelope':
      return 'by envelope shape';
    case 'message':
      return "by the server's message";
    case 'guess':
      return 'guessed from the code';
  }
}

/** The entry's message in the requested language, falling back to English. */
export function entryMessage(entry: CatalogueEntry, lang: Lang = 'en'): string {
  return (lang === 'zh' && entry.messages.zh) || entry.messages.en;
}
