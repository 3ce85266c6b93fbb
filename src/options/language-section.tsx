// The language of OKX messages in the quick lookup: follow the browser, English or Chinese.
import type { LangChoice, Settings } from '../core/settings/index.ts';
import type { StorageLike } from '../storage/index.ts';
import { saveSettings } from '../storage/index.ts';

const LABELS: Record<LangChoice, string> = {
  auto: 'Follow the browser',
  en: 'English',
  zh: '中文',
};

export function LanguageSection({
  storage,
  settings,
}: {
  storage: StorageLike;
  settings: Settings;
}) {
  return (
    <section aria-labelledby="lang-heading">
      <h2 id="lang-heading">Language</h2>
      <label>
        OKX messages in the quick lookup{' '}
        <select
          name="lang"
          value={settings.lang}
          onChange={(event) =>
            void saveSettings(storage, { lang: event.currentTarget.value as LangChoice })
          }
        >
          {(Object.keys(LABELS) as LangChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
