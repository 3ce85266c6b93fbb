// Shared UI: text a server or a page sent, with its hidden characters (bidi controls,
// zero-width and control characters, lone surrogates: core/hidden-chars.ts) shown as marked
// stand-ins, ⟨U+202E⟩, each naming itself in a tooltip. Plain text nodes otherwise.
import { hasHiddenChars, hiddenCharPieces, type ShowOptions } from '../core/hidden-chars.ts';

/** Past this many stand-ins one text node carries them all: a span each would cost layout. */
const MAX_MARKED = 2_000;

export function ShownText({ text, keepLayout }: { text: string; keepLayout?: boolean }) {
  if (!hasHiddenChars(text)) return <>{text}</>;
  const options: ShowOptions = { keepLayout: keepLayout === true };
  const pieces = hiddenCharPieces(text, options);
  if (pieces.length > MAX_MARKED * 2) return <>{pieces.map((piece) => piece.text).join('')}</>;
  return (
    <>
      {pieces.map((piece, i) =>
        piece.hidden === undefined ? (
          piece.text
        ) : (
          <span key={i} class="hidden-char" data-testid="hidden-char" title={piece.hidden}>
            {piece.text}
          </span>
        ),
      )}
    </>
  );
}
