// MAIN world (page), document_start: wraps WebSocket before the page's scripts run; talks only
// to the ISOLATED-world relay (src/content/relay.ts), by DOM events.
import { installCapture } from './install-capture.ts';

installCapture(window);
