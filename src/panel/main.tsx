// DevTools panel (extension page inside DevTools): renders the UI; talks to no one yet.
import { render } from 'preact';

function Panel() {
  return (
    <main data-testid="panel">
      <h1 data-testid="panel-heading">Exchange Lens</h1>
      <p data-testid="panel-placeholder">
        Exchange API errors seen on this page will be explained here.
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) render(<Panel />, root);
