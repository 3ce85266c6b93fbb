// Bench (Node): the floor of npm run bench:scan, what any scan must at least do: read the file
// as UTF-8 in the CLI's chunk size, split it into lines, one indexOf per line. Prints lines and
// a checksum so the work cannot be skipped.
import { createReadStream } from 'node:fs';

const path = process.argv[2];
const stream =
  path === '-'
    ? process.stdin.setEncoding('utf8')
    : createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
let lines = 0;
let sum = 0;
let rest = '';
for await (const chunk of stream) {
  let start = 0;
  for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
    const line = start === 0 && rest !== '' ? rest + chunk.slice(0, end) : chunk.slice(start, end);
    sum += line.indexOf('code"');
    lines++;
    start = end + 1;
  }
  rest = start === 0 ? rest + chunk : chunk.slice(start);
}
if (rest !== '') {
  sum += rest.indexOf('code"');
  lines++;
}
process.stdout.write(`${JSON.stringify({ lines, sum })}\n`);
