// Options page (extension page embedded in the add-ons settings): settings; talks to no one yet.
import { render } from 'preact';

function Options() {
  return (
    <main data-testid="options">
      <h1>Exchange Lens options</h1>
      <p data-testid="options-placeholder">No settings yet.</p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) render(<Options />, root);
