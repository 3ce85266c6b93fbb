// Mock exchange (Node): gateway error replies, {"code":-1120,"msg":"Invalid symbol"} with the
// HTTP status the gateway's document gives the error's kind.
import { catalogueMessage } from '../catalogue-text.ts';
import type { MockHttpReply } from '../http-io.ts';

export interface GatewayRejection {
  /** The code as the catalogue writes it: "-1120". */
  code: string;
  status: number;
  msg: string;
}

const STATUS_OF: Readonly<Record<string, number>> = {
  '-1000': 500,
  '-1002': 401,
  '-1003': 429,
  '-1004': 404,
  '-1008': 503,
  '-2014': 401,
};

/** A rejection with the catalogue's message for the code (REST rows, then WebSocket rows). */
export function gatewayError(code: string, message?: string): GatewayRejection {
  const msg =
    message ??
    (code.startsWith('-3')
      ? catalogueMessage(`gateway:ws-message:${code}`)
      : catalogueMessage(`gateway:rest:${code}`));
  return { code, status: STATUS_OF[code] ?? 400, msg };
}

export function gatewayErrorReply(rejection: GatewayRejection): MockHttpReply {
  return { status: rejection.status, body: { code: Number(rejection.code), msg: rejection.msg } };
}

export function gatewaySuccess(data: unknown): MockHttpReply {
  return { status: 200, body: { code: 0, msg: 'success', data } };
}

/** Errors a single honest request cannot provoke, asked for with ?mock=<name>. */
export function forcedGatewayError(name: string | undefined): GatewayRejection | undefined {
  switch (name) {
    case 'rate-limit':
      return gatewayError('-1003');
    case 'busy':
      return gatewayError('-1008');
    case 'unknown':
      return gatewayError('-1000');
    default:
      return undefined;
  }
}
