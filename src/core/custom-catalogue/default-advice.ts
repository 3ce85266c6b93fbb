// Fills what a custom catalogue leaves out: a category guessed from the words, retry advice
// that follows from it, and an honest fix. Every entry keeps the bundled entries' invariants.
import type { Category, RetryAdvice } from '../catalogue/types.ts';

/** First rule whose pattern appears in the entry's text wins; order goes specific to broad. */
const CATEGORY_RULES: readonly [RegExp, Category][] = [
  [/signature|\bsign\b|签名/, 'signature'],
  [/timestamp|recv ?window|clock|时间戳/, 'timestamp'],
  [/rate ?limit|too many|too frequent|frequency|频繁|限速/, 'rate-limit'],
  [/passphrase|api ?key|apikey|token|login|log in|auth|unauthori[sz]ed|登录/, 'authentication'],
  [/permission|forbidden|not allowed|denied|权限/, 'permission'],
  [/liquidat/, 'liquidation'],
  [/margin|insufficient|balance|余额|保证金/, 'margin'],
  [/position|持仓/, 'position'],
  [/order|订单/, 'order'],
  [/subscri|channel|订阅|频道/, 'subscription'],
  [/connect|disconnect|timeout|timed out|closed|连接/, 'connection'],
  [/not found|not exist|doesn't exist|does not exist|不存在/, 'not-found'],
  [/account|账户/, 'account'],
  [/param|argument|invalid|missing|empty|format|参数/, 'parameter'],
];

export function guessCategory(text: string): Category {
  const lower = text.toLowerCase();
  for (const [pattern, category] of CATEGORY_RULES) if (pattern.test(lower)) return category;
  return 'server';
}

/** Retry advice that follows from a category when the catalogue gives none. */
export function defaultRetry(category: Category): RetryAdvice {
  switch (category) {
    case 'rate-limit':
    case 'server':
      return { kind: 'backoff', source: 'exchange-lens' };
    case 'connection':
      return { kind: 'reconnect', source: 'exchange-lens' };
    case 'success':
      return { kind: 'do-not-retry', source: 'exchange-lens' };
    default:
      return { kind: 'after-fix', source: 'exchange-lens' };
  }
}

export function defaultFix(exchange: string, code: string): string {
  return `Look code ${code} up in ${exchange}'s API documentation; the server's message often names the problem.`;
}
