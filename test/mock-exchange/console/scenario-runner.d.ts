// Types of scenario-runner.js, the plain-JS runner the console page loads without a build step.
import type { Scenario } from '../scenarios/types.ts';

export type ScenarioStep =
  | {
      type: 'request';
      url: string;
      method: string;
      headers: Record<string, string>;
      body?: string;
      at: number;
    }
  | { type: 'response'; url: string; status: number; contentType: string; body: string; at: number }
  | { type: 'open'; url: string; at: number }
  | { type: 'send'; url: string; data: string; at: number }
  | {
      type: 'receive';
      url: string;
      /** Text frames; '' for binary ones, whose bytes are in `binary` (base64). */
      data: string;
      binary?: string;
      bytes?: number;
      at: number;
    }
  | { type: 'close'; url: string; code: number; reason: string; wasClean: boolean; at: number }
  | { type: 'failed'; url: string; message: string; at: number }
  | { type: 'timeout'; url: string; received: number; at: number };

export interface ScenarioEnv {
  origin: string;
  fetch: typeof fetch;
  WebSocket: new (url: string) => unknown;
  onStep?: (step: ScenarioStep, scenario: Scenario) => void;
}

export function okxLoginSign(secret: string, timestamp: string): Promise<string>;
export function fillPlaceholders(text: string, clock?: number): Promise<string>;
export function runScenario(scenario: Scenario, env: ScenarioEnv): Promise<ScenarioStep[]>;
