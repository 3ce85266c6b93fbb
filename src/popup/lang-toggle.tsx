// EN / 中文: the language of the messages of catalogues with Chinese text (OKX, Binance Spot).
import type { Lang } from './result-rows.ts';

interface Props {
  lang: Lang;
  onChange(lang: Lang): void;
}

export function LangToggle({ lang, onChange }: Props) {
  return (
    <fieldset class="lang">
      <legend class="hidden">Message language</legend>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => onChange('en')}>
        EN
      </button>
      <button type="button" lang="zh" aria-pressed={lang === 'zh'} onClick={() => onChange('zh')}>
        中文
      </button>
    </fieldset>
  );
}
