// Pure: how every surface (panel, popup, CLI) names exchanges and catalogues.

const LABELS: Record<string, string> = {
  gateway: 'Gateway',
  binance: 'Binance',
  'binance-usdm': 'Binance USDⓈ-M',
  bybit: 'Bybit',
  okx: 'OKX',
  woo: 'WOO X',
  rfc6455: 'RFC 6455',
  unknown: 'unknown exchange',
};

export function exchangeLabel(id: string): string {
  return LABELS[id] ?? id;
}

/** Who sent a finding's code: an HTTP status alone names no exchange, only the protocol. */
export function senderLabel(finding: { exchange: string; surface: string }): string {
  if (finding.exchange === 'unknown' && finding.surface === 'http-status') return 'HTTP';
  return exchangeLabel(finding.exchange);
}

/** The key the error summary counts a finding under; `senderKeyLabel` names it. */
export function senderKey(finding: { exchange: string; surface: string }): string {
  return finding.exchange === 'unknown' && finding.surface === 'http-status'
    ? 'http'
    : finding.exchange;
}

export function senderKeyLabel(key: string): string {
  return key === 'http' ? 'HTTP' : exchangeLabel(key);
}
