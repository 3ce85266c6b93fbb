// Shared UI: a frame's or body's payload: pretty JSON when it parses, raw text otherwise, a hex
// dump for binary, and a note when the capture cut it. Always rendered as text nodes, hidden
// characters (bidi controls, zero-width, controls) shown as marked stand-ins.
import { base64Bytes, base64Length } from '../core/bytes/base64.ts';
import { hexDump } from '../core/bytes/hex-dump.ts';
import { ShownText } from './shown-text.tsx';

export interface PayloadProps {
  text?: string | undefined;
  /** base64 */
  binary?: string | undefined;
  /** Full size before any cut. */
  size?: number | undefined;
  truncated?: boolean | undefined;
}

/** Parsing and pretty-printing stop here: the raw text is shown instead. */
const MAX_PRETTY_CHARS = 2 * 1024 * 1024;
/** A hex dump of more than this says what it left out. */
const MAX_HEX_BYTES = 64 * 1024;

function pretty(text: string): string | undefined {
  const first = text.trimStart()[0];
  if ((first !== '{' && first !== '[') || text.length > MAX_PRETTY_CHARS) return undefined;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

const number = (value: number): string => value.toLocaleString('en');

export function PayloadView({ text, binary, size, truncated }: PayloadProps) {
  const captured =
    text !== undefined ? text.length : binary !== undefined ? base64Length(binary) : 0;
  const cut =
    truncated || (size !== undefined && size > captured) ? (
      <p class="payload-note" data-testid="payload-truncated">
        truncated at {number(captured)} of {number(size ?? captured)} bytes
      </p>
    ) : null;
  if (text !== undefined) {
    const formatted = pretty(text);
    return (
      <div class="payload" data-testid="payload" data-format={formatted ? 'json' : 'text'}>
        {cut}
        {/* Pretty-printed first, then marked: the stand-ins never reach JSON.parse. */}
        <pre>
          <ShownText text={formatted ?? text} keepLayout />
        </pre>
      </div>
    );
  }
  if (binary !== undefined) {
    const bytes = base64Bytes(binary, MAX_HEX_BYTES);
    const total = base64Length(binary);
    return (
      <div class="payload" data-testid="payload" data-format="hex">
        {cut}
        {total > bytes.length ? (
          <p class="payload-note">
            hex dump of the first {number(bytes.length)} of {number(total)} bytes
          </p>
        ) : null}
        <pre>{hexDump(bytes)}</pre>
      </div>
    );
  }
  return (
    <p class="payload-note" data-testid="payload">
      no payload
    </p>
  );
}
