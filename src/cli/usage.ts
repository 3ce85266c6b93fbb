// The usage text printed by --help (stdout) and by a bare `exchange-lens` (stderr, exit 2).
export const USAGE = `exchange-lens: explains crypto-exchange API errors from bundled catalogues

Usage:
  exchange-lens explain CODE [--exchange gateway|okx|woo|rfc6455] [--message TEXT]
                             [--lang en|zh] [--json]
  exchange-lens scan FILE [--json]
  exchange-lens --help

explain  looks CODE up in every bundled catalogue and prints each match, best first.
         --message is the message the server sent: it picks the best row and fills
         placeholders. Exit 0 when something matched, 1 when no catalogue knows CODE.
scan     reads FILE, a HAR 1.2 capture (WebSocket frames included) or JSON Lines of
         {"type":"http","url","status","body"}, {"type":"ws","url","direction","data"},
         {"type":"close","url","code","reason"}, and explains every error in it.
         Exit 0 when there are no errors, 1 when there are (notes do not count).

Human output counts entries, lines and frames from 1; --json indexes them from 0.
Exit 2 on a usage error. Colour only on a terminal, and never when NO_COLOR is set.
`;
