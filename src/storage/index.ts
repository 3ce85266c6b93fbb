// Storage glue shared by the panel, popup, options and hub: settings, custom catalogues and each
// tab's recent findings, on any StorageLike (the real one comes from browser-storage.ts).
export * from './active-catalogue.ts';
export * from './custom-catalogue-store.ts';
export type * from './extension-api.ts';
export * from './recent-findings.ts';
export * from './settings-store.ts';
export * from './storage-keys.ts';
