// Loads what the popup shows besides the bundled catalogue: the custom catalogues, the language
// choice and the tab's recent findings. The first paint does not wait for any of them.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BUNDLED_CATALOGUE, type Catalogue } from '../core/catalogue/catalogue.ts';
import { type LangChoice, resolveLang } from '../core/settings/index.ts';
import type { RecentFinding } from '../storage/index.ts';
import type { PopupServices } from './popup-services.ts';
import { type Lang, type ResultRow, recentRow } from './result-rows.ts';

export interface PopupData {
  catalogue: Catalogue;
  lang: Lang;
  setLang(lang: Lang): void;
  recentRows: ResultRow[];
}

export function usePopupData(services: PopupServices): PopupData {
  const [catalogue, setCatalogue] = useState<Catalogue>(BUNDLED_CATALOGUE);
  const [langChoice, setLangChoice] = useState<LangChoice>('auto');
  const [recent, setRecent] = useState<RecentFinding[]>([]);

  useEffect(() => {
    let live = true;
    const ignore = () => {};
    services
      .loadCatalogue()
      .then((loaded) => live && setCatalogue(loaded))
      .catch(ignore);
    services
      .loadLang()
      .then((choice) => live && setLangChoice(choice))
      .catch(ignore);
    services
      .recentFindings()
      // An empty list changes nothing: skip the re-render.
      .then((found) => live && found.length > 0 && setRecent(found))
      .catch(ignore);
    return () => {
      live = false;
    };
  }, [services]);

  const recentRows = useMemo(
    () => recent.map((finding, i) => recentRow(catalogue, finding, i)),
    [catalogue, recent],
  );
  const setLang = (lang: Lang) => {
    setLangChoice(lang);
    void services.saveLang(lang).catch(() => {});
  };
  return {
    catalogue,
    lang: resolveLang(langChoice, services.browserLanguage),
    setLang,
    recentRows,
  };
}
