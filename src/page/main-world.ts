// biome-ignore lint/suspicious/noRedundantUseStrict: the IIFE bundle is a classic script, where only this makes every function strict (V8 then hides their receivers and callees from Error.prepareStackTrace)
'use strict';
// MAIN world (page), document_start: wraps WebSocket before the page's scripts run; talks only
// to the ISOLATED-world relay (src/content/relay.ts), on a private link.
import { installCapture } from './install-capture.ts';

installCapture(window);
