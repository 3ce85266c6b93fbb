// Mock exchange (Node, `npm run mock`): starts the server and prints its console page's URL.
// Options: --port N (or PORT; default 8088, 0 = any free port), --idle MS (OKX idle close).
import { parseArgs } from 'node:util';
import { startMockExchange } from './server.ts';

const DEFAULT_PORT = 8088;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    idle: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const port = numberOption(values.port ?? process.env.PORT, '--port') ?? DEFAULT_PORT;
const okxIdleMs = numberOption(values.idle, '--idle');
const exchange = await startMockExchange({
  port,
  ...(okxIdleMs ? { okxIdleMs } : {}),
  ...(values.quiet
    ? {}
    : { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: try --port 0 or PORT=<free port>.`
      : `The mock exchange did not start: ${error.message}`,
  );
  process.exit(1);
});

console.log(`Mock exchange: ${exchange.url} — console page; Ctrl-C to stop`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    exchange.close().finally(() => process.exit(0));
  });
}
