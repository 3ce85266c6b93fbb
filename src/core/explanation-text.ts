// Plain-text parts of an explanation, in the order every surface prints them: what the code is
// called, what it means, the fix and its steps, category and retry. The CLI and the popup's
// copied text render these with their own labels; neither decides on its own what to say.

export interface ExplainedCode {
  /** The catalogue message, in the language asked for (as sent: variant chosen, filled). */
  message: string;
  /** The documented text behind `message`, when it differs (a template, another variant). */
  documentedMessage?: string | undefined;
  name?: string | undefined;
  description: string;
  fix: string;
  steps?: readonly string[] | undefined;
  category: string;
  /** describeRetry's wording. */
  retryText: string;
  retryNote?: string | undefined;
}

export interface ExplanationText {
  /** "Invalid signature (INVALID_SIGNATURE)". */
  title: string;
  /** Left out where the source's description only repeats the message (OKX, WOO X). */
  means: string | undefined;
  fix: string;
  steps: readonly string[];
  category: string;
  retry: string;
  /** The source's own words on how to retry, where it gives any. */
  howToRetry: string | undefined;
}

export function explanationText(code: ExplainedCode): ExplanationText {
  const name = code.name && code.name !== code.message ? ` (${code.name})` : '';
  return {
    // OKX documents code 0 without a message: say what it means instead of nothing.
    title: `${code.message || code.description}${name}`,
    means:
      code.description !== code.message && code.description !== code.documentedMessage
        ? code.description
        : undefined,
    fix: code.fix,
    steps: code.steps ?? [],
    category: code.category,
    retry: code.retryText,
    howToRetry: code.retryNote || undefined,
  };
}
