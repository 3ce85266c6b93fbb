// Panel UI: a compressed frame's payload in the details pane: what it inflated to (text, JSON,
// or hex when it is not text), from how many bytes and how, whether it was cut, and the raw
// compressed bytes on demand.
import { PayloadView } from '../../ui/payload-view.tsx';
import type { RowPayload } from '../traffic/traffic-row.ts';

const number = (value: number) => value.toLocaleString('en');

export function InflatedPayload({ payload }: { payload: RowPayload }) {
  const inflated = payload.inflated;
  if (!inflated) return null;
  return (
    <>
      <p class="payload-note" data-testid="inflated-note">
        inflated from {number(inflated.fromBytes)} bytes ({inflated.format}) to{' '}
        {number(inflated.bytes)} bytes
        {inflated.cut
          ? ', cut there: the panel stops inflating at 4 MB (a compression bomb guard) or the capture had cut the frame'
          : ''}
      </p>
      <PayloadView text={inflated.text} binary={inflated.binary} />
      <details class="raw-bytes">
        <summary>Compressed bytes (hex)</summary>
        <PayloadView binary={payload.binary} size={payload.size} truncated={payload.truncated} />
      </details>
    </>
  );
}
