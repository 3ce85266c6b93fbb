// Popup (extension page behind the toolbar button): quick error lookup; talks to no one yet.
import { render } from 'preact';

function Popup() {
  return (
    <main data-testid="popup">
      <input
        type="search"
        data-testid="popup-search"
        aria-label="Search exchange errors"
        placeholder="Code, name or words"
        // biome-ignore lint/a11y/noAutofocus: the popup exists to type a query straight away
        autoFocus
      />
      <ul data-testid="popup-results" aria-label="Results" />
    </main>
  );
}

const root = document.getElementById('root');
if (root) render(<Popup />, root);
