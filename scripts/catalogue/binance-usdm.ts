// Binance USDⓈ-M Futures (REST and WebSocket API) from its error-code page: one row per code,
// every bullet a message variant. Many codes mean something else than on Spot (-2019 is
// "Margin is insufficient."), so the product is an exchange id of its own.
import type { Messages } from '../../src/core/catalogue/types.ts';
import { readBinanceDoc } from './binance-doc.ts';
import { numberRows, type SeedRow } from './entry.ts';

export function binanceUsdmRows(text: string, source: string): SeedRow[] {
  const doc = readBinanceDoc(text);
  if (doc.lists.length > 0) throw new Error(`${source}: unexpected message tables`);
  return numberRows(
    doc.codes.map((code) => {
      const variants: Messages[] = code.bullets.map((en) => ({ en }));
      const [messages] = variants;
      if (!messages) throw new Error(`${source}: ${code.code} has no message`);
      return {
        exchange: 'binance-usdm' as const,
        surface: 'rest' as const,
        code: code.code,
        name: code.title,
        messages,
        ...(variants.length > 1 ? { variants } : {}),
        description: messages.en,
        group: code.group,
        source,
      };
    }),
  );
}
