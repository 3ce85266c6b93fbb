// Plain-text words for a finding that carries no catalogue entry, shared by the panel and the
// CLI: a code no catalogue knows, a code whose exchange is unsure (its words match none of the
// candidates' rows), or a failed Bybit op, which carries no code at all.
import type { Finding } from './detect/types.ts';
import { exchangeLabel, senderLabel } from './exchange-names.ts';

export interface UnexplainedText {
  /** One line: "unsure which exchange: code -2019 means different things on …". */
  title: string;
  means: string;
  fix: string;
}

type UnexplainedFinding = Pick<Finding, 'exchange' | 'surface' | 'code' | 'confidence'> & {
  codeless?: true | undefined;
  /** Who else uses the code: the candidates of an unsure finding. */
  alternatives: readonly { exchange: string }[];
};

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `name` spells an exchange id: the panel's labels ("Binance USDⓈ-M"), the CLI's ids. */
export function unexplainedText(
  finding: UnexplainedFinding,
  name: (exchange: string) => string = exchangeLabel,
): UnexplainedText {
  const sender =
    finding.exchange === 'unknown' ? senderLabel(finding) : name(finding.exchange as string);
  if (finding.codeless) {
    return {
      title: `${sender}'s ${finding.code} op failed`,
      means: `${sender} answers a failed WebSocket op with its words only, no code.`,
      fix: `Read the server's words: for auth, check the API key and the signature of the auth args; for subscribe, the topic's name.`,
    };
  }
  if (finding.confidence === 'unsure' && finding.exchange !== 'unknown') {
    return {
      title: `unsure which of ${sender}'s meanings of code ${finding.code}`,
      means: `${sender} documents several meanings of code ${finding.code}, and the server's words match none of them: no meaning is given.`,
      fix: `Read the server's words against the candidates below; they are ${sender}'s own rows for the code.`,
    };
  }
  if (finding.confidence === 'unsure') {
    const candidates = [...new Set(finding.alternatives.map((e) => name(e.exchange)))];
    const where = candidates.length > 0 ? ` on ${listed(candidates)}` : '';
    return {
      title: `unsure which exchange sent code ${finding.code}`,
      means:
        candidates.length > 0
          ? `Code ${finding.code} means different things${where}, and the server's words match none of those rows: no meaning is given.`
          : `Nothing tells which exchange sent code ${finding.code}.`,
      fix: `Tell exchange-lens the exchange: map this host to it (options page, or scan --hosts); until then the server's words and the candidates are all there is to go on.`,
    };
  }
  const whose = finding.exchange === 'unknown' ? "the exchange's" : `${sender}'s`;
  const forWhom = finding.exchange === 'unknown' ? '' : ` for ${sender}`;
  return {
    title: `unknown code ${finding.code} from ${sender}`,
    means: `No bundled catalogue documents code ${finding.code}${forWhom}; the server's message is all there is to go on.`,
    fix: `Look code ${finding.code} up in ${whose} API documentation; the server's message often names the problem.`,
  };
}
