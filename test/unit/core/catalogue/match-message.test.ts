// Which row of a code the server's message names: word overlap without stop words, a floor
// under which no row counts as matching, every documented variant in both languages.
import { describe, expect, it } from 'vitest';
import { messageAsSent, messageVariants } from '../../../../src/core/catalogue/match-message.ts';
import {
  BUNDLED_CATALOGUE,
  explain,
  fillPlaceholders,
  MESSAGE_MATCH_FLOOR,
  messageSimilarity,
  placeholderLabel,
  placeholderNames,
  readPlaceholders,
} from '../../../../src/core/index.ts';

const WOO_MARGIN = 'Amount is required for buy market orders when margin disabled.';

describe('choosing a row by the message', () => {
  it('does not rank a row first for sharing only "is" with the message (WOO X -1012)', () => {
    const matches = explain('-1012', { exchange: 'woo', message: WOO_MARGIN });
    expect(matches.map((m) => [m.entry.id, m.score, m.messageMatched])).toEqual([
      ['woo:rest:-1012#0', 0, false],
      ['woo:rest:-1012#1', 0, false],
    ]);
    // The row it used to pick shares a stop word and nothing else.
    expect(messageSimilarity('Another liquidation is in process', WOO_MARGIN)).toBe(0);
  });

  it('still picks the row the message names', () => {
    const [match] = explain('-1012', {
      exchange: 'woo',
      message: 'Another liquidation is in process',
    });
    expect(match).toMatchObject({
      entry: { id: 'woo:rest:-1012#1' },
      score: 1,
      messageMatched: true,
    });
  });

  it('has a floor: a common word or two out of many is not a match', () => {
    expect(MESSAGE_MATCH_FLOOR).toBeGreaterThan(0);
    expect(
      messageSimilarity('Order does not exist.', 'Order would immediately match and take.'),
    ).toBe(0);
    expect(
      messageSimilarity('Filter failure: PERCENT_PRICE', 'Filter failure: PERCENT_PRICE_BY_SIDE'),
    ).toBeGreaterThan(MESSAGE_MATCH_FLOOR);
  });

  it('matches any documented variant, not only the main message', () => {
    // Binance -1021's second variant, with another skew than the document's 1000ms.
    const message = "Timestamp for this request was 1500ms ahead of the server's time.";
    const [match] = explain('-1021', { exchange: 'binance', message });
    expect(match?.messageMatched).toBe(true);
    expect(match?.score).toBeGreaterThan(0.5);
    // A templated variant fills from the observed message.
    const [weight] = explain('-1003', {
      exchange: 'binance',
      message:
        'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.',
    });
    expect(weight).toMatchObject({ score: 0.95, placeholders: { '%1': '6000', '%2': '1 MINUTE' } });
  });

  it('explains the message, not only the code: Binance -2010 and -1013 rows', () => {
    const [balance] = explain('-2010', {
      exchange: 'binance',
      message: 'Account has insufficient balance for requested action.',
    });
    expect(balance?.entry).toMatchObject({
      category: 'margin',
      description: 'Not enough funds to complete the action.',
    });
    const [lot] = explain('-1013', { exchange: 'binance', message: 'Filter failure: LOT_SIZE' });
    expect(lot?.entry.fix).toMatch(/stepSize/);
    const [closed] = explain('-1013', { exchange: 'binance', message: 'Market is closed.' });
    expect(closed?.entry.group).toMatch(/^Messages for -1010/);
  });

  it('picks each row of every multi-row code by its own message', () => {
    const multiRow = BUNDLED_CATALOGUE.entries.filter((e) => e.id.includes('#'));
    expect(multiRow.length).toBeGreaterThan(300);
    for (const entry of multiRow) {
      const siblings = BUNDLED_CATALOGUE.byCode(entry.code).filter(
        (e) => e.exchange === entry.exchange && e.surface === entry.surface,
      );
      const message = entry.messages.en || entry.description;
      // Some documents list the same text twice (OKX 54036); the first of them wins.
      const first = siblings.find((e) => (e.messages.en || e.description) === message);
      const [best] = explain(entry.code, { exchange: entry.exchange, message }).filter(
        (m) => m.entry.surface === entry.surface,
      );
      expect(best?.entry.id, entry.id).toBe(first?.id);
    }
  });
});

describe('placeholders, in every spelling', () => {
  it('names them: braces by name, printf and {} by position', () => {
    expect(placeholderNames('Parameter {param0} can not be empty.')).toEqual(['param0']);
    expect(
      placeholderNames('Subscribe to both {channelName} and books-l2-tbt for {instId}'),
    ).toEqual(['channelName', 'instId']);
    expect(placeholderNames("Param '%s' or '%s' must be sent, but both were empty/null!")).toEqual([
      '%1',
      '%2',
    ]);
    expect(placeholderNames("Target strategy invalid for orderType '%s',reduceOnly '%b'.")).toEqual(
      ['%1', '%2'],
    );
    expect(placeholderNames('Settlement in progress! {{key0}} not available for trading.')).toEqual(
      ['key0'],
    );
    expect(placeholderNames("the current available limit is ''{{.replaceKey0}}'' USDT\"")).toEqual([
      'replaceKey0',
    ]);
    expect(placeholderNames('Order price cannot be lower than {}, the price limitation')).toEqual([
      '%1',
    ]);
    expect(placeholderNames('请求权重过多； IP被禁止，直到％s。')).toEqual(['%1']);
    expect(placeholderNames('Price is X% too high or 110% of the price')).toEqual([]);
    expect(placeholderLabel('%1')).toBe('%1');
    expect(placeholderLabel('instId')).toBe('{instId}');
  });

  it("reads Binance's quoted '%s' with or without the quotes the server sends", () => {
    const template = "Mandatory parameter '%s' was not sent, was empty/null, or malformed.";
    const quoted = "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.";
    const bare = 'Mandatory parameter symbol was not sent, was empty/null, or malformed.';
    expect(readPlaceholders(template, quoted)).toEqual({ '%1': 'symbol' });
    expect(readPlaceholders(template, bare)).toEqual({ '%1': 'symbol' });
    expect(readPlaceholders('Leverage `%s` is not valid', 'Leverage 150 is not valid')).toEqual({
      '%1': '150',
    });
  });

  it('fills a template and keeps what it has no value for', () => {
    expect(fillPlaceholders("Parameter '%s' was empty.", { '%1': 'symbol' })).toBe(
      "Parameter 'symbol' was empty.",
    );
    expect(fillPlaceholders('Invalid op: {op}', {})).toBe('Invalid op: {op}');
    expect(fillPlaceholders('{{key0}} not available', { key0: 'BTCUSDT' })).toBe(
      'BTCUSDT not available',
    );
    expect(fillPlaceholders('Parameter {0} can not be empty.', { '0': 'instId' })).toBe(
      'Parameter instId can not be empty.',
    );
  });

  it('stays linear on long near misses with printf placeholders', () => {
    const template = '%s %s %s %s %s end';
    expect(readPlaceholders(template, 'a b c d e end')).toEqual({
      '%1': 'a',
      '%2': 'b',
      '%3': 'c',
      '%4': 'd',
      '%5': 'e',
    });
    expect(readPlaceholders(template, 'x '.repeat(1000))).toBeUndefined();
    expect(
      readPlaceholders("Param '%s' or '%s' must be sent", "Param '".repeat(300)),
    ).toBeUndefined();
  });

  it('are recorded on entries from every variant', () => {
    const weight = BUNDLED_CATALOGUE.byCode('-1003').find((e) => e.exchange === 'binance');
    if (!weight) throw new Error('binance -1003 is not catalogued');
    expect(messageVariants(weight)).toHaveLength(3);
    expect(weight?.placeholders).toEqual(['%1', '%2']);
  });
});

describe('messageAsSent', () => {
  const entry = (id: string) => {
    const found = BUNDLED_CATALOGUE.entries.find((e) => e.id === id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };

  it('names the documented variant the server sent, not only the first one', () => {
    const timestamp = entry('binance:rest:-1021');
    expect(
      messageAsSent(timestamp, "Timestamp for this request was 1000ms ahead of the server's time."),
    ).toBe("Timestamp for this request was 1000ms ahead of the server's time.");
    expect(messageAsSent(timestamp, undefined)).toBe(timestamp.messages.en);
  });

  it("fills the template from the server's words, in the language asked for", () => {
    const empty = BUNDLED_CATALOGUE.entries.find((e) => e.exchange === 'okx' && e.code === '60027');
    if (!empty) throw new Error('no okx 60027');
    expect(messageAsSent(empty, 'Parameter instId can not be empty.')).toBe(
      'Parameter instId can not be empty.',
    );
    expect(messageAsSent(empty, 'Parameter instId can not be empty.', 'zh')).toBe(
      '参数instId不可为空',
    );
  });

  it('keeps the main message when the words fit no variant', () => {
    const timestamp = entry('binance:rest:-1021');
    expect(messageAsSent(timestamp, 'Something else entirely.')).toBe(timestamp.messages.en);
  });
});
