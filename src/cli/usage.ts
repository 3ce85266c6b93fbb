// The usage text printed by --help (stdout) and by a bare `exchange-lens` (stderr, exit 2).
export const USAGE = `exchange-lens: explains crypto-exchange API errors from bundled catalogues

Usage:
  exchange-lens explain CODE [--exchange ID] [--message TEXT]
                             [--lang en|zh] [--catalogue FILE] [--json]
  exchange-lens scan FILE|PATTERN|- ... [--format human|github | --json | --jsonl]
                     [--fail-on error|warning|never] [--summary] [--stdin-name NAME]
                     [--catalogue FILE] [--hosts FILE]
  exchange-lens sign --recipe gateway|binance|okx|okx-ws-login|woo-v1|woo-v3|bybit
                     --secret S | --secret-file FILE
                     [--method M] [--path P] [--query Q] [--body B] [--timestamp T]
                     [--key K] [--passphrase P] [--recv-window MS] [--json]
  exchange-lens --help

explain  looks CODE up in every bundled catalogue and prints each match, best first.
         --message is the message the server sent: it picks the best row and fills
         placeholders. --exchange narrows it to one catalogue: gateway, binance (Spot),
         binance-usdm, bybit, okx, woo, rfc6455, or a custom catalogue's exchange.
         Exit 0 when something matched, 1 when no catalogue knows CODE.
scan     reads captures, each a HAR 1.2 file (WebSocket frames included, compressed
         binary frames inflated) or JSON Lines of {"type":"http","url","status","body"},
         {"type":"ws","url","direction","data"}, {"type":"close","url","code","reason"},
         as a stream, and explains every error as it is found. Several files and quoted
         patterns ('captures/**/*.har': * ? [a-z] **) may be given; - reads standard
         input (--stdin-name names it in the output). --format github prints GitHub
         Actions annotations; --json one {"findings":[...]} document; --jsonl one finding
         a line. --summary adds counts by exchange and code (stderr with --jsonl).
         --fail-on error (default): exit 1 when an error was found; warning: also on
         notes and on input problems (bad lines, skipped entries, a truncated file);
         never: exit 0. A file that cannot be read, or is not a capture: exit 2.
         --catalogue FILE adds your own codes (explain and scan): JSON, an array of
         {exchange, code, message, ...} or {exchange, entries}, or Markdown tables as
         the options page takes them, after "exchange: NAME" front matter.
         --hosts FILE maps hosts to exchanges: "testnet.example.com -> gateway" lines
         or a JSON object {"testnet.example.com": "gateway"}.
sign     prints the exact string a recipe signs (the prehash), the HMAC-SHA256 signature
         and the headers (and parameters) to send. --path is the path without its query,
         --query the query string; --body and --secret are used exactly as given. Adds
         nothing you did not give but the timestamp (--timestamp, default now). --method
         defaults to GET, POST with a body. The secret is never printed; --secret-file
         keeps it out of your shell history. --json: prehash, signature, encoding,
         headers, plus params {query, body} (gateway, binance) or login (okx-ws-login).

Human output counts entries, lines and frames from 1; --json indexes them from 0.
Exit 2 on a usage error. Colour only on a terminal, and never when NO_COLOR is set.
`;
