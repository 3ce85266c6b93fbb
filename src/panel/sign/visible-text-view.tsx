// Panel UI: a string to sign with its invisible characters shown, and two such strings with
// their first difference marked (what the recipe signs vs what reproduces the sent signature).
import { firstDifference, visiblePieces } from './visible-text.ts';

export function VisibleText({ text }: { text: string }) {
  return (
    <>
      {visiblePieces(text).map((piece, i) =>
        piece.invisible ? (
          <span key={i} class="invisible-char" title={piece.invisible}>
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}

/** Characters of common prefix kept before the first difference; the rest is elided. */
const CONTEXT_CHARS = 48;

function DiffLine({ text, at, testId }: { text: string; at: number; testId: string }) {
  const start = Math.max(0, at - CONTEXT_CHARS);
  const differing = text.slice(at, at + 1);
  return (
    <pre class="sign-text diff-line" data-testid={testId}>
      {start > 0 ? <span class="muted">…</span> : null}
      <VisibleText text={text.slice(start, at)} />
      <mark class="diff-at" data-testid={`${testId}-at`}>
        {differing === '' ? '⟨end⟩' : <VisibleText text={differing} />}
      </mark>
      <VisibleText text={text.slice(at + 1)} />
    </pre>
  );
}

export function PrehashDiff({ expected, reproduced }: { expected: string; reproduced: string }) {
  const at = firstDifference(expected, reproduced);
  if (at === undefined) {
    return (
      <p class="muted" data-testid="sign-diff">
        Same string to sign: the difference is in how it was signed (secret or encoding).
      </p>
    );
  }
  return (
    <div class="sign-diff" data-testid="sign-diff" data-at={at}>
      <div class="diff-label">
        Expected (what the recipe signs), first difference at character {at + 1}:
      </div>
      <DiffLine text={expected} at={at} testId="sign-diff-expected" />
      <div class="diff-label">What reproduces the signature sent:</div>
      <DiffLine text={reproduced} at={at} testId="sign-diff-reproduced" />
    </div>
  );
}
