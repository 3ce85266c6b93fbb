// Mock exchange (shared): every console scenario, in the order the page shows them.
import { BINANCE_SCENARIOS } from './binance.ts';
import { BYBIT_SCENARIOS } from './bybit.ts';
import { GATEWAY_SCENARIOS } from './gateway.ts';
import { OKX_SCENARIOS } from './okx.ts';
import { SIGNING_SCENARIOS } from './signing.ts';
import type { Scenario } from './types.ts';
import { WOO_SCENARIOS } from './woo.ts';

export * from './types.ts';

export const SCENARIOS: readonly Scenario[] = [
  ...SIGNING_SCENARIOS,
  ...GATEWAY_SCENARIOS,
  ...OKX_SCENARIOS,
  ...WOO_SCENARIOS,
  ...BINANCE_SCENARIOS,
  ...BYBIT_SCENARIOS,
];
