// `exchange-lens scan` on the real-exchange corpus (test/fixtures/real-envelopes/index.ts) as JSON
// Lines: every error with its own exchange's meaning and confidence, nothing for the rest; and
// how an unsure finding and a failed Bybit op read in a terminal.
import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { REAL_ENVELOPES } from '../../fixtures/real-envelopes/index.ts';
import { cliWith } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

const CORPUS = `${REAL_ENVELOPES.map((c) => JSON.stringify(c.event)).join('\n')}\n`;

describe('exchange-lens scan on what real exchanges send', () => {
  it('explains each error by its own exchange, with the confidence, and skips the rest', async () => {
    const { code, stdout } = await cliWith(
      { files: { 'real.jsonl': CORPUS } },
      'scan',
      'real.jsonl',
      '--json',
    );
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout) as Findings;
    const got = findings.map((f) => ({
      index: f.index,
      exchange: f.exchange,
      entry: f.entryId?.replace(/#\d+$/, '') ?? null,
      confidence: f.confidence,
      severity: f.severity,
    }));
    const want = REAL_ENVELOPES.flatMap((c, index) =>
      c.expect === 'silent'
        ? []
        : [
            {
              index,
              exchange: c.expect.exchange,
              entry: c.expect.entry,
              confidence: c.expect.confidence,
              severity: c.expect.severity ?? 'error',
            },
          ],
    );
    expect(got).toEqual(want);
  });

  it('says when the exchange is unsure, and lists the candidates instead of a meaning', async () => {
    const line = JSON.stringify({
      type: 'http',
      url: 'http://127.0.0.1:8088/fapi/v1/order',
      status: 400,
      body: '{"code":-2019,"msg":"Order would immediately trigger."}',
    });
    const { stdout } = await cliWith({ files: { 'a.jsonl': `${line}\n` } }, 'scan', 'a.jsonl');
    expect(stdout.split('\n').slice(0, 9)).toEqual([
      'error[unknown -2019]: unsure which exchange sent code -2019',
      '  --> line 1: http://127.0.0.1:8088/fapi/v1/order (HTTP 400)',
      '   | server said: "Order would immediately trigger."',
      "   = means: Code -2019 means different things on gateway and binance-usdm, and the server's words match none of those rows: no meaning is given.",
      "   = fix: Tell exchange-lens the exchange: map this host to it (options page, or scan --hosts); until then the server's words and the candidates are all there is to go on.",
      '   = exchange: unsure',
      '   = why: a Binance-style {"code","msg"} envelope on 127.0.0.1: the server\'s words match no row for -2019 of Gateway and Binance USDⓈ-M',
      '   = also: gateway -2019: Invalid price',
      '   = also: binance-usdm -2019: Margin is insufficient.',
    ]);
  });

  it("names a failed Bybit op, which carries no code, by the op and the server's words", async () => {
    const bybit = REAL_ENVELOPES.find((c) => c.name.startsWith('Bybit WebSocket auth failure'));
    const { stdout } = await cliWith(
      { files: { 'b.jsonl': `${JSON.stringify(bybit?.event)}\n` } },
      'scan',
      'b.jsonl',
    );
    expect(stdout).toContain(
      [
        "error[bybit auth]: bybit's auth op failed",
        '  --> line 1: wss://stream.bybit.com/v5/private (received)',
        '   | server said: "Params Error"',
        '   = means: bybit answers a failed WebSocket op with its words only, no code.',
      ].join('\n'),
    );
    expect(stdout).toContain('   = attributed by host, certain\n');
  });
});
