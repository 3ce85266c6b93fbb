// The rule layer of the annotations: category, retry advice and a fix we wrote, for the rows
// of the exchanges' documents that no hand-written annotation names (there are ~2,000). The
// first rule whose pattern appears in a row's words wins, so rules go from specific to broad;
// hand annotations in catalogue/annotations/<exchange>.json override any of them.
import type { Category, ExchangeId, RetryKind } from '../../src/core/catalogue/types.ts';
import type { Annotation } from './annotations.ts';
import type { SeedRow } from './entry.ts';

export interface AnnotationRule {
  /** Names the rule in tests and the generator's summary. */
  id: string;
  code?: RegExp;
  /** Lower-cased name, messages and description of the row. */
  text?: RegExp;
  /** The row's group (its table or section in the source). */
  group?: RegExp;
  exchanges?: readonly ExchangeId[];
  surface?: SeedRow['surface'];
  category: Category;
  retry: { kind: RetryKind; delayMs?: number };
  fix: string;
}

const FUNDING = /funding|asset|loan|earn|finance|convert|reward|broker|user|rate limit/i;

export const RULES: readonly AnnotationRule[] = [
  {
    id: 'success',
    code: /^0$/,
    category: 'success',
    retry: { kind: 'do-not-retry' },
    fix: 'Nothing to fix: this code reports success. Read the reply data; in a batch reply, still check the code of every item.',
  },
  {
    id: 'http-status-client',
    surface: 'http-status',
    text: /bad request|invalid request|cannot find path|forbidden/,
    category: 'parameter',
    retry: { kind: 'after-fix' },
    fix: 'Read the JSON body for the exchange code that says which part of the request is wrong; check method, path, headers and body against the endpoint documentation.',
  },
  {
    id: 'execution-unknown',
    text: /execution status unknown|does not (mean|indicate) that the request was successful|check the request result|check the order status again|order is modified during the process/,
    category: 'server',
    retry: { kind: 'check-first' },
    fix: 'The exchange cannot say whether the request took effect: query the order (by your client order id) or the account before doing anything else, and resend only what did not happen.',
  },
  {
    id: 'timestamp',
    text: /timestamp (request )?expired|timestamp for this request|invalid (ok-access-)?timestamp|recv_?window|time window|request expired|ahead of the server/,
    category: 'timestamp',
    retry: { kind: 'after-fix' },
    fix: "Sync the client clock (NTP, or the offset from the exchange's server-time endpoint), take the timestamp right before signing and sending, and keep the request inside its receive window; widen the window only a little for slow networks.",
  },
  {
    id: 'signature',
    text: /signature for this request|invalid signature|error sign|invalid sign\b|access-sign|signature (is )?(invalid|not valid|mismatch|error)|signature generation/,
    category: 'signature',
    retry: { kind: 'after-fix' },
    fix: "Recompute the signature with the exchange's recipe: HMAC over exactly the documented string (same parameter order, encoding and body as sent, and the request's own timestamp) with the secret as issued. The Signing pane shows where yours differs.",
  },
  {
    id: 'ip-ban',
    text: /ip (has been |is )?banned|banned until|ip banned|way too many requests/,
    category: 'rate-limit',
    retry: { kind: 'wait' },
    fix: 'Stop sending from this IP until the ban ends (the message or the Retry-After header says when), then stay under the limit; repeated violations make the ban longer.',
  },
  {
    id: 'ip-allow-list',
    text: /\bip\b|ip address|ip white ?list|bound to (an )?ip|bound ip/,
    category: 'permission',
    retry: { kind: 'after-fix' },
    fix: "Call from an IP on the API key's allow-list or add this machine's public IP to the key (behind a proxy or NAT, check which address the exchange sees).",
  },
  {
    id: 'open-order-limit',
    text: /open orders|max(imum)? (number of )?(open |stop |active )?orders|order count|max open order|number of (stop |open |active |pending )?orders|pending (close-)?orders? (count|for)|pending [a-z -]*orders can be held|hold up to .* pending|active orders|too many (stop|conditional|algo) orders|orders exceeds/,
    category: 'order',
    retry: { kind: 'after-fix' },
    fix: 'Cancel open orders you no longer need before placing more: the account is at the limit of open orders the exchange allows for this symbol or account.',
  },
  {
    id: 'rate-limit',
    text: /rate limit|too many (requests|visits|new orders|messages|connections|connection attempts|subscriptions|sessions|login)|too frequent|frequen|request weight|throttl|too much request|too many attempts|visits|flow control|requests? too/,
    category: 'rate-limit',
    retry: { kind: 'backoff', delayMs: 1000 },
    fix: "Slow down: stay under the endpoint's documented limit (request weight, orders or messages per window), back off exponentially when you hit it, read the exchange's rate-limit headers, and use WebSocket streams instead of polling.",
  },
  {
    id: 'liquidation-risk',
    text: /will be triggered immediately by this adjustment|would (be )?liquidat|may lead .*liquidat|trigger liquidation/,
    category: 'margin',
    retry: { kind: 'after-fix' },
    fix: 'The change would put the position at or past its liquidation price: add margin or reduce the position first, or make a smaller change.',
  },
  {
    id: 'liquidation',
    text: /liquidat|auto-deleverag|\badl\b|stop-out|deleverag|bankrupt/,
    category: 'liquidation',
    retry: { kind: 'wait', delayMs: 5000 },
    fix: 'The account or position is being liquidated or auto-deleveraged: wait until that finishes (watch the position and account streams), then check margin and positions before placing new orders.',
  },
  {
    id: 'position-insufficient',
    text: /position (is )?not sufficient|position.{0,20}insufficient|insufficient position|exceeds? (the )?(current )?position/,
    category: 'position',
    retry: { kind: 'after-fix' },
    fix: 'The order closes more than the position holds: read the position size and side first and send at most that quantity on the opposite side.',
  },
  {
    id: 'insufficient-funds',
    text: /insufficient|not sufficient|not enough|balance is|margin is|available (balance|margin|amount)|cover the (position )?margin|collateral|equity/,
    category: 'margin',
    retry: { kind: 'after-fix' },
    fix: 'Lower the quantity or the leverage, or move funds into the account and wallet this request uses (main, trading, futures or sub-account); remember that open orders already hold part of the balance.',
  },
  {
    id: 'reduce-only',
    text: /reduce[- ]?only|close ?position|closeposition/,
    category: 'position',
    retry: { kind: 'after-fix' },
    fix: 'A reduce-only or close-position order must shrink the position: check the position side and size, send the opposite side with at most that quantity, and cancel open orders that conflict with it.',
  },
  {
    id: 'position-mode',
    text: /margin (mode|type)|position (mode|side)|positionside|position_?idx|hedge mode|one-way|isolated|cross margin|multi-assets|asset mode|dual side|buy\/sell mode|long\/short mode/,
    category: 'position',
    retry: { kind: 'after-fix' },
    fix: 'Make the request agree with the account settings: read the margin mode and position mode (one-way or hedge) first, send the matching position side, and close orders or positions first when a switch requires it.',
  },
  {
    id: 'leverage',
    text: /leverage|risk limit|position tier|risk unit/,
    category: 'position',
    retry: { kind: 'after-fix' },
    fix: "Use a leverage and position size the instrument's risk-limit tier allows (read the leverage brackets or risk limits first) and set the leverage before ordering.",
  },
  {
    id: 'no-change',
    text: /no need to|not modified|would change no state|already (been )?(set|activated|enabled|turned on)|is currently set|same as the current|does not need to be adjusted/,
    category: 'parameter',
    retry: { kind: 'do-not-retry' },
    fix: 'Nothing changed because the setting already has the requested value: treat it as done, and read the current setting before changing it next time.',
  },
  {
    id: 'permission',
    text: /permission|not permitted|forbidden|no access|privilege|not authori[sz]ed to|unauthori[sz]ed|not authori[sz]ed/,
    category: 'permission',
    retry: { kind: 'after-fix' },
    fix: 'Give the API key the permission this endpoint needs (reading, spot or futures trading, withdrawal, ...) or use an account that has it; new permissions can take a minute to apply.',
  },
  {
    id: 'api-key',
    text: /api[- _]?key|apikey|passphrase|access[- ]key|authenticat|login|log in|credential|ok-access/,
    category: 'authentication',
    retry: { kind: 'after-fix' },
    fix: 'Check the API key: the exact string issued (no whitespace, not swapped with the secret), active and unexpired, for this environment (live, testnet or demo), sent in the header the exchange expects, with its passphrase where one is required.',
  },
  {
    id: 'account-restricted',
    text: /complian|country|region|local laws|regulat|identity verification|verification|\bkyc\b|terms of (service|use)|risk control|judicial|frozen|blocked|restricted|suspended|disabled|banned|customer (support|service)|contact (us|support)|security (settings|risk)/,
    category: 'account',
    retry: { kind: 'do-not-retry' },
    fix: "The exchange has restricted this account, product or region: no change to the request will help. Read the account's notices on the exchange's website, finish any verification it asks for, or contact its support.",
  },
  {
    id: 'not-found',
    text: /(does not|doesn't|do not|not) exist(?! at the same time)|not found|no such|unknown order|cannot find|can't find|does not match any|no records?|not available to this/,
    category: 'not-found',
    retry: { kind: 'do-not-retry' },
    fix: 'Check that the id names something this account has, in this environment and sub-account; an order that was filled, cancelled or archived can no longer be changed this way. Query it first instead of retrying.',
  },
  {
    id: 'duplicate',
    text: /duplicat|already exists|already in use|repeated|is duplicated|already (placed|submitted)/,
    category: 'order',
    retry: { kind: 'do-not-retry' },
    fix: 'That id or request was already used: look the existing order or request up instead of resending it, and give every new order a fresh client order id.',
  },
  {
    id: 'order-state',
    text: /already (been )?(filled|cancel+ed|completed|triggered|closed|settled|finished)|has been (filled|cancel+ed|completed|triggered)|been (filled|cancel+ed) or|order status|can't be (canceled|cancelled|amended)|cannot be (canceled|cancelled|amended)/,
    category: 'order',
    retry: { kind: 'do-not-retry' },
    fix: 'The order is no longer in a state that allows this (filled, cancelled or triggered): fetch its current status and act on that instead of retrying.',
  },
  {
    id: 'trading-status',
    text: /market is closed|not trading|not in trading|trading (is )?(suspended|halted|paused|closed|unavailable)|suspended|delist|being settled|under delivery|settlement in progress|expired|is closed|not yet listed|not (yet )?open|pre-?market|call auction/,
    category: 'order',
    retry: { kind: 'wait' },
    fix: 'The instrument is not trading right now (closed, suspended, settling, expired or delisted): check its status in the instruments or exchange-info endpoint and trade it only when it is live again.',
  },
  {
    id: 'server',
    text: /system (is )?busy|systems are busy|server is busy|overload|server (error|timeout)|internal (server )?error|system error|service (is )?(temporarily )?unavailable|temporarily unavailable|restarting|maintenance|unknown error|unexpected|timed? ?out|timeout|network error|high server load/,
    category: 'server',
    retry: { kind: 'backoff', delayMs: 1000 },
    fix: 'A temporary problem on the exchange side: retry with exponential backoff (start near 1 s, cap the attempts); for orders, query their status before you resend one.',
  },
  {
    id: 'in-progress',
    text: /in progress|being processed|is processing|request processing|under processing|for processing|pending (settlement|loan|close)|upgrading|is upgraded|currently stopping|operation conflict/,
    category: 'order',
    retry: { kind: 'wait', delayMs: 5000 },
    fix: 'Another operation on the same order, account or product has not finished: wait for it (query its status), then send the request again; do not fire the same request repeatedly meanwhile.',
  },
  {
    id: 'symbol',
    text: /symbol|instrument|instid|inst_?id|\bpair\b|currency|\bccy\b|\bcoin\b|\basset\b|\btoken\b|\bchain\b|underlying|inst ?family|\bcategory\b/,
    category: 'parameter',
    retry: { kind: 'after-fix' },
    fix: 'Use an identifier the exchange lists for this product: take symbols, instrument ids, currencies and chains from its instruments or currencies endpoint, in its exact spelling (BTCUSDT, BTC-USDT, BTC-USDT-SWAP).',
  },
  {
    id: 'funding',
    group: FUNDING,
    text: /withdraw|deposit|transfer|address|loan|borrow|repay|redeem|redemption|subscri|purchase|stak|savings|convert|quote|rebate|reward|voucher|coupon|sub-?account|uid|broker|fiat/,
    category: 'account',
    retry: { kind: 'after-fix' },
    fix: 'Check the funding operation against the account: the balance in the wallet or sub-account it uses, the currency and network, the per-operation and daily limits, and any pending transfer, loan or order it depends on.',
  },
  {
    id: 'subscription',
    text: /subscri|channel|topic|stream|listen ?key/,
    category: 'subscription',
    retry: { kind: 'after-fix' },
    fix: 'Subscribe with the channel, topic or stream name and arguments the WebSocket documentation gives, on the URL that serves it, and within the subscription limits.',
  },
  {
    id: 'connection',
    text: /connection|disconnect|session|websocket|\bws\b/,
    category: 'connection',
    retry: { kind: 'reconnect', delayMs: 1000 },
    fix: 'Open a new connection (with a short backoff), log in again if the channel is private, and resubscribe; keep to the connection limits.',
  },
  {
    id: 'order-type',
    text: /order ?type|time ?in ?force|timeinforce|\btif\b|post[- ]?only|\bfok\b|\bioc\b|\bgtx\b|maker|iceberg|\boco\b|\boto\b|\bopo\b|tp\/sl|take profit|stop loss|trailing|peg|trigger|conditional|algo|cancel-replace|amend|modif/,
    category: 'order',
    retry: { kind: 'after-fix' },
    fix: 'Send an order type and time-in-force the instrument supports, with the fields that type needs (trigger or stop price, TP/SL, iceberg quantity) and none it rejects, and check trigger prices against the current price.',
  },
  {
    id: 'price-quantity',
    text: /price|quantity|\bqty\b|amount|\bsize\b|notional|tick|\blot\b|step|precision|decimal|minimum|maximum|\bmax\b|\bmin\b|value|contracts?\b/,
    category: 'order',
    retry: { kind: 'after-fix' },
    fix: "Round price and quantity to the instrument's tick size and step size and keep them within its minimum and maximum price, quantity and order value (read them from the instruments or exchange-info endpoint before ordering).",
  },
  {
    id: 'parameter',
    text: /param|argument|invalid|illegal|malformed|empty|required|missing|\bmust\b|cannot be|can't be|can not|\bshould\b|format|not support|unsupported|wrong|incorrect|exceed|out of range|\brange\b|greater|\bless\b|too (long|short|large|small|big|many)|\bjson\b|content-type|\bbody\b|\bfields?\b|\btag\b|not valid|\bonly\b|unavailable|not available/,
    category: 'parameter',
    retry: { kind: 'after-fix' },
    fix: "Correct the field the message names: compare its name, type, format and allowed values (and which fields go together) with the endpoint's documentation, and send only fields the endpoint accepts.",
  },
  {
    id: 'funding-other',
    group: FUNDING,
    category: 'account',
    retry: { kind: 'after-fix' },
    fix: 'Check the funding operation against the account: the balance in the wallet or sub-account it uses, the currency and network, the per-operation and daily limits, and any pending transfer, loan or order it depends on.',
  },
  {
    id: 'rejected',
    category: 'order',
    retry: { kind: 'do-not-retry' },
    fix: 'The exchange refused the operation for the business reason its message gives: change what the message names (order, account state or setting) before sending it again; resending it unchanged gets the same answer.',
  },
];

/** The words a rule looks at: name, every message variant and the description. */
export function ruleText(row: SeedRow): string {
  const messages = (row.variants ?? [row.messages]).map((m) => m.en);
  return [row.name ?? '', ...messages, row.description].join(' ').toLowerCase().trim();
}

export function matchingRule(row: SeedRow): AnnotationRule {
  const text = ruleText(row);
  const rule = RULES.find(
    (r) =>
      (!r.exchanges || r.exchanges.includes(row.exchange)) &&
      (!r.surface || r.surface === row.surface) &&
      (!r.code || r.code.test(row.code)) &&
      (!r.group || r.group.test(row.group ?? '')) &&
      (!r.text || r.text.test(text)),
  );
  if (!rule) throw new Error(`${row.exchange} ${row.code}: no annotation rule matches`);
  return rule;
}

export function ruleAnnotation(row: SeedRow): Annotation {
  const { category, retry, fix } = matchingRule(row);
  return { category, retry: { ...retry }, fix };
}
