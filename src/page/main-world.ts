// MAIN-world WebSocket wrapper (page world): placeholder until the capture lands.
export {};
