// One row of the popup's list: code, exchange, message, description, fix, category and retry
// advice of an entry; a recent finding also shows when it was seen and what the server said.
import { Component } from 'preact';
import { describeRetry, entryMessage } from '../core/describe.ts';
import { ShownText } from '../ui/shown-text.tsx';
import type { Lang, ResultRow } from './result-rows.ts';

interface Props {
  row: ResultRow;
  id: string;
  selected: boolean;
  lang: Lang;
  /** True when this exchange and code were seen in the current tab. */
  seen: boolean;
  /** Called with the row's key; stable across renders so unchanged rows can skip rendering. */
  onPick(key: string): void;
}

function clock(time: number): string {
  return new Date(time).toLocaleTimeString(undefined, { hour12: false });
}

function renderItem({ row, id, selected, lang, seen, onPick }: Props) {
  const { entry, recent } = row;
  const exchange = entry?.exchange ?? recent?.exchange ?? '';
  const code = entry?.code ?? recent?.code ?? '';
  const message = entry
    ? entryMessage(entry, lang)
    : row.unsure
      ? "Unsure: several meanings, and the server's words fit none of them"
      : 'Not in any catalogue';
  return (
    // Options of a listbox: the search input keeps focus and drives them with the arrow keys.
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter in the search field copies the selection
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      class={`result${selected ? ' selected' : ''}${recent ? ' recent' : ''}`}
      data-testid="popup-result"
      data-exchange={exchange}
      data-code={code}
      onClick={() => onPick(row.key)}
    >
      <div class="head">
        <code class="code" data-testid="result-code">
          {code}
        </code>
        <span class={`exchange ex-${exchange}`} data-testid="result-exchange">
          {exchange}
        </span>
        {entry?.origin === 'custom' && <span class="tag">custom</span>}
        {(recent || seen) && (
          <span class="tag seen">
            {recent ? `seen in this tab ${clock(recent.time)}` : 'seen in this tab'}
          </span>
        )}
        {row.kind === 'typo' && <span class="tag">close match</span>}
      </div>
      <div
        class="message"
        data-testid="result-message"
        lang={lang === 'zh' && entry?.messages.zh ? 'zh' : 'en'}
      >
        {message}
        {entry?.name && entry.name !== entry.messages.en && <span class="name"> {entry.name}</span>}
      </div>
      {recent?.message && (
        <div class="said" data-testid="result-said">
          Server said: <ShownText text={recent.message} />
        </div>
      )}
      {entry && (
        <>
          {/* OKX's and WOO's descriptions repeat the message; saying it twice adds nothing. */}
          {entry.description !== entry.messages.en && (
            <div class="description" data-testid="result-description">
              {entry.description}
            </div>
          )}
          <div class="fix" data-testid="result-fix">
            <b>Fix:</b> {entry.fix}
          </div>
          <div class="meta" data-testid="result-meta">
            {entry.category} · {describeRetry(entry.retry)}
          </div>
        </>
      )}
    </div>
  );
}

/**
 * A row re-renders only when what it shows changes: while a code is typed most rows stay the
 * same entries, and skipping them keeps a keystroke well inside a frame.
 */
export class ResultItem extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (
      now.row.entry !== next.row.entry ||
      now.row.recent !== next.row.recent ||
      (now.row.kind === 'typo') !== (next.row.kind === 'typo') ||
      now.selected !== next.selected ||
      now.lang !== next.lang ||
      now.seen !== next.seen ||
      now.id !== next.id
    );
  }

  override render() {
    return renderItem(this.props);
  }
}
