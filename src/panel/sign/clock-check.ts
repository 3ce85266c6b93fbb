// Pure (fetch and clock injected): the exchange's clock against this machine's, from the recipe's
// time endpoint or what a captured reply says, and the judgement of a request's timestamp.
import {
  type ClockVerdict,
  describeDuration,
  judgeClock,
  parseServerTime,
  type ServerTime,
  type SigningRecipeId,
  serverTimeEndpoint,
  serverTimeFromDateHeader,
  serverTimeFromReply,
} from '../../core/index.ts';

export type FetchText = (url: string) => Promise<{ status: number; text: string }>;

export type ServerClockReading =
  | {
      ok: true;
      url: string;
      /** Where it was read: "GET /api/gateway/time". */
      source: string;
      /** The exchange's clock minus this machine's, ms: positive when the exchange is ahead. */
      skewMs: number;
      roundTripMs: number;
    }
  | { ok: false; url: string; reason: string };

function endpointUrl(origin: string, recipe: SigningRecipeId): string {
  return `${origin.replace(/\/+$/, '')}${serverTimeEndpoint(recipe, origin).path}`;
}

/** Asks the recipe's time endpoint at `origin`; this machine's clock is read either side and
 * the exchange's reading is taken to belong to the middle of the round trip. */
export async function readServerClock(
  fetchText: FetchText,
  origin: string,
  recipe: SigningRecipeId,
  now: () => number,
): Promise<ServerClockReading> {
  const url = endpointUrl(origin, recipe);
  if (!/^https?:\/\/[^/]+/.test(origin)) {
    return { ok: false, url, reason: 'enter the exchange address (https://host) to ask it' };
  }
  const before = now();
  let reply: { status: number; text: string };
  try {
    reply = await fetchText(url);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, url, reason: `the request failed (${why})` };
  }
  const after = now();
  if (reply.status < 200 || reply.status > 299) {
    return { ok: false, url, reason: `the exchange answered HTTP ${reply.status}` };
  }
  const server = parseServerTime(recipe, reply.text, serverTimeEndpoint(recipe, origin));
  if (!server) return { ok: false, url, reason: 'the reply carries no server time' };
  const middle = (before + after) / 2;
  return {
    ok: true,
    url,
    source: server.source,
    skewMs: Math.round(server.ms + (server.resolutionMs - 1) / 2 - middle),
    roundTripMs: after - before,
  };
}

/** "This machine is 1.2 s behind the exchange", or "in step". */
export function describeSkew(skewMs: number): string {
  if (Math.abs(skewMs) < 1) return 'This machine is in step with the exchange';
  const side = skewMs > 0 ? 'behind' : 'ahead of';
  return `This machine is ${describeDuration(skewMs)} ${side} the exchange`;
}

export interface ClockJudgement {
  verdict: ClockVerdict;
  /** Which reading of the exchange's clock the verdict rests on, in words. */
  basis: string;
}

export interface TimestampToJudge {
  recipe: SigningRecipeId;
  timestamp: string;
  recvWindow?: number;
}

/** Judges a captured request: against the time its reply carries, else the time endpoint's
 * offset applied to the moment it was sent, else the reply's Date header (to the second). */
export function judgeCaptured(
  request: TimestampToJudge,
  captured: { sentAt: number; reply: { body?: string; date?: string } },
  reading: ServerClockReading | undefined,
): ClockJudgement | undefined {
  const judge = (server: ServerTime, basis: string): ClockJudgement => ({
    verdict: judgeClock({
      recipe: request.recipe,
      timestamp: request.timestamp,
      server,
      ...(request.recvWindow === undefined ? {} : { recvWindow: request.recvWindow }),
    }),
    basis,
  });
  const inReply =
    captured.reply.body === undefined
      ? undefined
      : serverTimeFromReply(request.recipe, captured.reply.body);
  if (inReply) return judge(inReply, `the time in the exchange's reply (${inReply.source})`);
  if (reading?.ok) {
    const server: ServerTime = {
      ms: captured.sentAt + reading.skewMs,
      resolutionMs: 1,
      source: reading.source,
    };
    return judge(server, `the exchange's clock from ${reading.source}, when the request was sent`);
  }
  const date =
    captured.reply.date === undefined ? undefined : serverTimeFromDateHeader(captured.reply.date);
  if (date) return judge(date, "the reply's Date header");
  return undefined;
}

/** Judges a timestamp being written now (the pane's own request) against the exchange's clock. */
export function judgeNow(
  request: TimestampToJudge,
  reading: ServerClockReading | undefined,
  now: number,
): ClockJudgement | undefined {
  if (!reading?.ok) return undefined;
  const server: ServerTime = { ms: now + reading.skewMs, resolutionMs: 1, source: reading.source };
  return {
    verdict: judgeClock({
      recipe: request.recipe,
      timestamp: request.timestamp,
      server,
      ...(request.recvWindow === undefined ? {} : { recvWindow: request.recvWindow }),
    }),
    basis: `the exchange's clock from ${reading.source}, now`,
  };
}
