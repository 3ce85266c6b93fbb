// Types of page-signer.js, the console page's own signer (plain JS, WebCrypto).
import type { ScenarioSigning } from '../scenarios/types.ts';

export interface PageRequest {
  method: string;
  /** The path with its query. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function signHttpRequest(
  sign: ScenarioSigning,
  request: PageRequest,
  clock?: number,
): Promise<{ path: string; headers: Record<string, string>; body?: string }>;
export function signWsApiFrame(
  sign: ScenarioSigning,
  frame: string,
  clock?: number,
): Promise<string>;
export function okxLoginSign(secret: string, timestamp: string): Promise<string>;
export function bybitAuthSign(secret: string, expires: number): Promise<string>;
