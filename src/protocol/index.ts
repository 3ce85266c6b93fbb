// Every cross-context message type, its guard and the protocol version, in one import.
export * from './captured-frame.ts';
export * from './hub-messages.ts';
export * from './page-messages.ts';
export * from './payload-cap.ts';
export * from './port.ts';
export * from './version.ts';
