// Pure: a catalogue message with its placeholders replaced by observed values. The one
// implementation lives in core/catalogue/placeholders.ts, with every placeholder spelling.
export { fillPlaceholders as fillMessage } from '../core/catalogue/placeholders.ts';
