// Toggle chips that narrow the list to some exchanges; none pressed means every exchange. A chip
// reads as the exchange's id (what `explain --exchange` takes), its tooltip as its name.
import { exchangeLabel } from '../core/exchange-names.ts';

interface Props {
  exchanges: readonly string[];
  selected: ReadonlySet<string>;
  onToggle(exchange: string): void;
}

export function ExchangeChips({ exchanges, selected, onToggle }: Props) {
  return (
    <fieldset class="chips" data-testid="popup-chips">
      <legend class="hidden">Exchanges</legend>
      {exchanges.map((exchange) => (
        <button
          key={exchange}
          type="button"
          class={`chip ex-${exchange}`}
          aria-pressed={selected.has(exchange)}
          data-testid="popup-chip"
          title={exchangeLabel(exchange)}
          onClick={() => onToggle(exchange)}
        >
          {exchange}
        </button>
      ))}
    </fieldset>
  );
}
