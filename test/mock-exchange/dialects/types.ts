// Mock exchange (Node): what a dialect plugs into the server: HTTP routes and WebSocket paths.
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';

export interface HttpDialect {
  name: string;
  /** True for the paths this dialect answers (even with its own "not found" envelope). */
  owns(path: string): boolean;
  handle(request: MockHttpRequest): Promise<MockHttpReply>;
}

export interface WsDialect {
  name: string;
  owns(path: string): boolean;
  /** Takes over an upgraded socket; the dialect cleans up its timers when the socket closes. */
  accept(socket: WebSocket, url: URL, request: IncomingMessage): void;
}
