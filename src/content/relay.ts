// ISOLATED-world relay (content script): placeholder until the capture lands.
export {};
