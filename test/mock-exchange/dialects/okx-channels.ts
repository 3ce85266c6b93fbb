// Mock exchange (Node): the OKX channels the mock serves, which URL serves each, what argument
// each needs, and the data frames it pushes.

import { okxTickerFrame } from '../market/frame-templates.ts';
import { INSTRUMENTS, type Instrument, priceAt, priceDecimals } from '../market/instruments.ts';

export type OkxEndpoint = 'public' | 'private' | 'business';

export interface ChannelSpec {
  endpoint: OkxEndpoint;
  /** The argument that must accompany the channel. */
  needs: 'instId' | 'instType' | 'none';
  /** Data frames for one push round; first is true for the push right after subscribing. */
  push?: (
    arg: Record<string, string>,
    instrument: Instrument,
    seq: number,
    first: boolean,
  ) => string;
}

function level(instrument: Instrument, seq: number, offset: number, size: string): string[] {
  const decimals = priceDecimals(instrument);
  const px = (priceAt(instrument, seq) + offset * 10 ** -decimals).toFixed(decimals);
  return [px, size, '0', String(1 + (seq % 5))];
}

function books(depth: number) {
  return (arg: Record<string, string>, instrument: Instrument, seq: number, first: boolean) => {
    const now = Date.now();
    const asks = Array.from({ length: depth }, (_, i) =>
      level(instrument, seq, i + 1, `${(i + 1) * 0.4}`),
    );
    const bids = Array.from({ length: depth }, (_, i) =>
      level(instrument, seq, -i, `${(i + 1) * 0.3}`),
    );
    const data: Record<string, unknown> = { asks, bids, ts: String(now), seqId: seq };
    if (arg.channel === 'books') {
      data.checksum = -855196043 + seq;
      data.prevSeqId = first ? -1 : seq - 1;
      return JSON.stringify({ arg, action: first ? 'snapshot' : 'update', data: [data] });
    }
    return JSON.stringify({ arg, data: [{ ...data, instId: instrument.okx }] });
  };
}

const candle: ChannelSpec = {
  endpoint: 'business',
  needs: 'instId',
  push: (arg, instrument, seq) => {
    const decimals = priceDecimals(instrument);
    const px = (offset: number) => (priceAt(instrument, seq) * (1 + offset)).toFixed(decimals);
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const row = [
      String(minute),
      px(0),
      px(0.001),
      px(-0.001),
      px(0.0005),
      '12.5',
      '812500',
      '812500',
      '0',
    ];
    return JSON.stringify({ arg, data: [row] });
  },
};

const CHANNELS: Readonly<Record<string, ChannelSpec>> = {
  tickers: {
    endpoint: 'public',
    needs: 'instId',
    push: (_arg, instrument, seq) => okxTickerFrame(instrument, seq, Date.now()),
  },
  books: { endpoint: 'public', needs: 'instId', push: books(5) },
  books5: { endpoint: 'public', needs: 'instId', push: books(5) },
  'bbo-tbt': { endpoint: 'public', needs: 'instId', push: books(1) },
  trades: {
    endpoint: 'public',
    needs: 'instId',
    push: (arg, instrument, seq) =>
      JSON.stringify({
        arg,
        data: [
          {
            instId: instrument.okx,
            tradeId: String(130_639_474 + seq),
            px: priceAt(instrument, seq).toFixed(priceDecimals(instrument)),
            sz: '0.012',
            side: seq % 2 === 0 ? 'buy' : 'sell',
            ts: String(Date.now()),
            count: '1',
          },
        ],
      }),
  },
  instruments: { endpoint: 'public', needs: 'instType' },
  orders: { endpoint: 'private', needs: 'instType' },
  positions: { endpoint: 'private', needs: 'instType' },
  account: { endpoint: 'private', needs: 'none' },
  balance_and_position: { endpoint: 'private', needs: 'none' },
  candle1m: candle,
  candle5m: candle,
  candle1H: candle,
  candle1D: candle,
};

export function channelSpec(channel: string): ChannelSpec | undefined {
  return Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel] : undefined;
}

export function okxInstrument(instId: string | undefined): Instrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.okx === instId);
}

export const OKX_INST_TYPES = ['SPOT', 'MARGIN', 'SWAP', 'FUTURES', 'OPTION', 'ANY'];
