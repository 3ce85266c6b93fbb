// The options page: hosts, custom catalogues, capture sites, history and language. Each section
// saves on its own; nothing is written until what it writes has been checked.
import { useMemo } from 'preact/hooks';
import { EXCHANGE_IDS } from '../core/catalogue/types.ts';
import { CaptureSitesSection } from './capture-sites-section.tsx';
import { CatalogueSection } from './catalogue-section.tsx';
import { HistorySection } from './history-section.tsx';
import { HostMapSection } from './host-map-section.tsx';
import { LanguageSection } from './language-section.tsx';
import type { OptionsServices } from './options-services.ts';
import { useOptionsData } from './use-options-data.ts';

export function OptionsPage({ services }: { services: OptionsServices }) {
  const { storage } = services;
  const { settings, catalogues } = useOptionsData(storage);
  const exchanges = useMemo(() => {
    const custom = catalogues?.stored.catalogues.map((catalogue) => catalogue.exchange) ?? [];
    return [...new Set<string>([...EXCHANGE_IDS, ...custom])];
  }, [catalogues]);

  return (
    <main data-testid="options">
      <h1>Exchange Lens options</h1>
      <CaptureSitesSection
        permissions={services.permissions}
        builtInPatterns={services.builtInPatterns}
        grantRequest={services.grantRequest}
      />
      {settings && <HostMapSection storage={storage} settings={settings} exchanges={exchanges} />}
      {catalogues && <CatalogueSection storage={storage} catalogues={catalogues} />}
      {settings && <HistorySection storage={storage} settings={settings} />}
      {settings && <LanguageSection storage={storage} settings={settings} />}
    </main>
  );
}
