// Mock exchange (shared): every console scenario, in the order the page shows them.
import { GATEWAY_SCENARIOS } from './gateway.ts';
import { OKX_SCENARIOS } from './okx.ts';
import type { Scenario } from './types.ts';
import { WOO_SCENARIOS } from './woo.ts';

export * from './types.ts';

export const SCENARIOS: readonly Scenario[] = [
  ...GATEWAY_SCENARIOS,
  ...OKX_SCENARIOS,
  ...WOO_SCENARIOS,
];
