// Text a server sent cannot reorder or hide part of the panel: bidi controls, zero-width and
// control characters show as ⟨U+XXXX⟩ on the row, in its tooltip, in the details and in the
// payload, which stays pretty-printed.
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frame, okxError, received, resetSeqs, tabFrames } from '../support/frames.ts';
import { renderPanel } from '../support/render-panel.tsx';

let panel: ReturnType<typeof renderPanel> | undefined;
beforeEach(resetSeqs);
afterEach(() => panel?.cleanup());

/** What a server can slip into a message: every family of hidden character. */
const HOSTILE = 'Order \u202edenied\u202c \u2066ok\u2069\u061c\u200b\u200d\ufeff';
const SHOWN = 'Order ⟨U+202E⟩denied⟨U+202C⟩ ⟨U+2066⟩ok⟨U+2069⟩⟨U+061C⟩⟨U+200B⟩⟨U+200D⟩⟨U+FEFF⟩';
const RAW = /[\u202a-\u202e\u2066-\u2069\u061c\u200b-\u200f\ufeff]/;

function rendered(): { text: string; attributes: string } {
  const attributes = [...document.querySelectorAll('*')]
    .flatMap((element) => [...element.attributes].map((attribute) => attribute.value))
    .join('\n');
  return { text: document.body.textContent ?? '', attributes };
}

describe('hidden characters from a server', () => {
  it('are shown on the row, its tooltip, and the details of an unknown code', () => {
    panel = renderPanel();
    panel.session.ingestFrames(tabFrames([received(okxError('99999', HOSTILE))]));
    panel.flush();
    const row = screen.getByTestId('row');
    const annotation = within(row).getByTestId('annotation');
    expect(annotation.textContent).toContain(`unknown code 99999 from OKX: ${SHOWN}`);
    expect(annotation.getAttribute('title')).toContain(SHOWN);
    expect(row.querySelector('.cell-preview')?.textContent).toContain(`"msg":"${SHOWN}"`);
    const marks = within(annotation).getAllByTestId('hidden-char');
    expect(marks[0]?.getAttribute('title')).toBe('U+202E right-to-left override');

    fireEvent.click(row);
    const details = screen.getByTestId('details');
    expect(within(details).getByTestId('observed-message').textContent).toBe(SHOWN);
    const payload = within(details).getByTestId('payload');
    expect(payload.dataset.format).toBe('json');
    expect(payload.textContent).toContain(`\n  "msg": "${SHOWN}",\n`);
    expect(RAW.test(rendered().text)).toBe(false);
    expect(RAW.test(rendered().attributes)).toBe(false);
  });

  it('are shown in a filled placeholder and in a close reason', () => {
    panel = renderPanel();
    panel.session.ingestFrames(
      tabFrames([
        received(okxError('60027', 'Parameter inst\u202eDIdtsni can not be empty.')),
        frame({ kind: 'close', code: 4004, reason: 'idle \u2067reason\u2069', wasClean: true }),
      ]),
    );
    panel.flush();
    const [error, close] = screen.getAllByTestId('row');
    expect(within(error as HTMLElement).getByTestId('annotation').textContent).toContain(
      'Parameter inst⟨U+202E⟩DIdtsni can not be empty.',
    );
    fireEvent.click(error as HTMLElement);
    expect(screen.getByTestId('placeholders').textContent).toBe('{0} = inst⟨U+202E⟩DIdtsni');
    fireEvent.click(close as HTMLElement);
    expect(screen.getByTestId('close-reason').textContent).toBe('idle ⟨U+2067⟩reason⟨U+2069⟩');
    expect((close as HTMLElement).querySelector('.cell-preview')?.textContent).toBe(
      '4004 idle ⟨U+2067⟩reason⟨U+2069⟩ · clean',
    );
    expect(RAW.test(rendered().text)).toBe(false);
  });

  it('are shown in a raw text payload, whose line breaks stay line breaks', () => {
    panel = renderPanel();
    panel.session.ingestFrames(tabFrames([received('line one\u200b\nline\u202e two\u0007')]));
    panel.flush();
    fireEvent.click(screen.getByTestId('row'));
    const payload = screen.getByTestId('payload');
    expect(payload.dataset.format).toBe('text');
    expect(payload.querySelector('pre')?.textContent).toBe(
      'line one⟨U+200B⟩\nline⟨U+202E⟩ two⟨U+0007⟩',
    );
  });
});
