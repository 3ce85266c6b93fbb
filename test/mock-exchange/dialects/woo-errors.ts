// Mock exchange (Node): WOO X error replies, {"success":false,"code":-1003,"message":"..."} with
// the HTTP status of the catalogue row; the row (e.g. woo:rest:-1005#2) picks the message.
import { catalogueEntry } from '../catalogue-text.ts';
import type { MockHttpReply } from '../http-io.ts';

export interface WooRejection {
  /** The catalogue row the error comes from: "woo:rest:-1003", "woo:rest:-1005#1". */
  entry: string;
  /** The row's message unless given. */
  message?: string;
}

export function wooError(entry: string, message?: string): WooRejection {
  return message === undefined ? { entry } : { entry, message };
}

export function wooErrorReply(rejection: WooRejection): MockHttpReply {
  const entry = catalogueEntry(rejection.entry);
  return {
    status: entry.httpStatus ?? 400,
    body: {
      success: false,
      code: Number(entry.code),
      message: rejection.message ?? entry.messages.en,
    },
  };
}

export function forcedWooError(name: string | undefined): WooRejection | undefined {
  switch (name) {
    case 'rate-limit':
      return wooError('woo:rest:-1003');
    case 'unknown':
      return wooError('woo:rest:-1000#0');
    default:
      return undefined;
  }
}
