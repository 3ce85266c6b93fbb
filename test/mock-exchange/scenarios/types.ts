// Mock exchange (shared): what one console button does and what it must provoke. The page runs
// scenarios with console/scenario-runner.js; the tests run the same ones under Node.

export const SCENARIO_GROUPS = {
  signing: 'Signed requests (real HMAC with the test credentials above)',
  'gateway-rest': 'Gateway REST (/api/gateway, /fapi)',
  'gateway-ws-api': 'Gateway WebSocket API (/ws-api)',
  'gateway-streams': 'Gateway market streams (/ws, /stream)',
  'okx-ws': 'OKX WebSocket (/ws/v5)',
  'okx-rest': 'OKX REST (/api/v5)',
  'woo-rest': 'WOO X REST (/v1, /v3)',
  'binance-rest': 'Binance Spot REST (/api/v3)',
  bybit: 'Bybit v5 (REST /v5, WebSocket /v5/public, /v5/private)',
} as const;
export type ScenarioGroup = keyof typeof SCENARIO_GROUPS;

/** An error finding the detector must report, in order of appearance. */
export interface ExpectedFinding {
  code: string;
  /** The catalogue entry that explains it; null when no catalogue knows the code. */
  entry: string | null;
  /** JSON path of a per-item error (OKX batch replies). */
  path?: string;
}

/** Mistakes the page signer can plant, named as the signing core's mistake finder names them
 * (or, for the timestamp's unit, as its clock judge does). */
export type PlantedMistake =
  | 'params-unsorted'
  | 'timestamp-in-seconds'
  | 'method-lowercase'
  | 'recv-window-left-out';

/**
 * Signed when the button is pressed (console/page-signer.js, WebCrypto) after the placeholders
 * are filled: the recipe's timestamp and signature are added where the recipe carries them.
 */
export interface ScenarioSigning {
  /** binance: Binance Spot REST, or (in a WebSocket scenario) API frames {"id","method","params"}. */
  recipe: 'gateway' | 'binance' | 'okx' | 'woo-v1' | 'woo-v3' | 'bybit';
  /** Sent in the recipe's key header or parameter; none when absent (the gateway's Bearer flow). */
  key?: string;
  secret: string;
  /** OKX only. */
  passphrase?: string;
  /** Added to the page's clock for the timestamp: a client whose clock is off. */
  skewMs?: number;
  mistake?: PlantedMistake;
}

interface BaseScenario {
  /** The button's id and data-testid. */
  id: string;
  group: ScenarioGroup;
  label: string;
  expect: {
    /** HTTP status (http scenarios). */
    status?: number;
    /** Error findings of everything received, close frames included; [] for a success. */
    findings: ExpectedFinding[];
  };
}

/**
 * Text fields may hold placeholders the runner fills when the button is pressed:
 * {{now}} ms, {{nowSec}} s, {{staleMs}} and {{staleSec}} a minute ago, {{pad:N}} N "x",
 * {{okxSign:SECRET}} OKX's login sign of {{nowSec}} with SECRET, {{expiresMs}} 10 s from now
 * and {{bybitAuthSign:SECRET}} Bybit's WebSocket auth signature of {{expiresMs}}.
 */
export interface HttpScenario extends BaseScenario {
  kind: 'http';
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  sign?: ScenarioSigning;
}

export interface WsScenario extends BaseScenario {
  kind: 'ws';
  path: string;
  /** Sent in turn: the first on open, each next one after one more frame was received. */
  send: string[];
  /** Close after this many frames were received, or wait for the server to close. */
  until: number | 'close';
  timeoutMs?: number;
  /** Signs every frame that has params (the gateway's WebSocket API). */
  sign?: ScenarioSigning;
}

export type Scenario = HttpScenario | WsScenario;
