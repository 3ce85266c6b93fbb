// Unit (Node, fake WebSocket): what the page can see of the wrapped constructor is the native's.
import { describe, expect, it } from 'vitest';
import { type CaptureTarget, installCapture } from '../../../src/page/install-capture.ts';
import { fakeGlobals, fakePage } from '../../support/fake-page.ts';

describe('wrapped WebSocket, as the page sees it', () => {
  it('keeps the name, length, constants, prototype and identity checks', () => {
    const { WebSocket, NativeWebSocket, wrapped } = fakePage();
    expect(wrapped).toBe(true);
    expect(WebSocket).not.toBe(NativeWebSocket);
    expect([WebSocket.name, WebSocket.length]).toEqual([
      NativeWebSocket.name,
      NativeWebSocket.length,
    ]);
    expect([WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED]).toEqual([
      0, 1, 2, 3,
    ]);
    expect(WebSocket.prototype).toBe(NativeWebSocket.prototype);
    expect(WebSocket.prototype.constructor).toBe(WebSocket);

    const ws = new WebSocket('wss://ws.example/ws');
    expect(ws).toBeInstanceOf(WebSocket);
    expect(ws.constructor).toBe(WebSocket);
    expect(Object.getPrototypeOf(ws)).toBe(WebSocket.prototype);
    const unwrapped = new NativeWebSocket('wss://ws.example/ws');
    expect(Object.getOwnPropertyNames(ws)).toEqual(Object.getOwnPropertyNames(unwrapped));
    expect(Object.getOwnPropertySymbols(ws)).toEqual(Object.getOwnPropertySymbols(unwrapped));
  });

  it('keeps the property attributes of window.WebSocket, send and constructor', () => {
    const { global } = fakeGlobals();
    const proto = global.WebSocket.prototype;
    const read = () => ({
      global: flags(Object.getOwnPropertyDescriptor(global, 'WebSocket')),
      send: flags(Object.getOwnPropertyDescriptor(proto, 'send')),
      constructor: flags(Object.getOwnPropertyDescriptor(proto, 'constructor')),
      toString: flags(Object.getOwnPropertyDescriptor(global.Function.prototype, 'toString')),
      sendName: [proto.send.name, proto.send.length],
    });
    const before = read();
    installCapture(global as unknown as CaptureTarget);
    expect(global.WebSocket.prototype).toBe(proto);
    expect(read()).toEqual(before);
  });

  it('prints the native source for the constructor, send and toString itself', () => {
    const { global } = fakeGlobals();
    const { WebSocket: NativeWebSocket } = global;
    const nativeSend = NativeWebSocket.prototype.send;
    const native = Function.prototype.toString;
    installCapture(global as unknown as CaptureTarget);
    const masked = global.Function.prototype.toString;
    expect(masked).not.toBe(native);
    expect(masked.call(global.WebSocket)).toBe(native.call(NativeWebSocket));
    expect(masked.call(global.WebSocket.prototype.send)).toBe(native.call(nativeSend));
    expect(masked.call(masked)).toBe(native.call(native));
    expect(masked.call(Math.max)).toBe('function max() { [native code] }');
    expect(() => masked.call({})).toThrow(TypeError);
  });

  it('passes the browser exceptions through untouched', () => {
    const { WebSocket } = fakePage();
    expect(() => new WebSocket('https://ws.example/#x')).toThrow(
      expect.objectContaining({ name: 'SyntaxError' }),
    );
    const ws = new WebSocket('wss://ws.example/ws');
    expect(() => ws.send('early')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    expect(() => ws.close(999)).toThrow(expect.objectContaining({ name: 'InvalidAccessError' }));
    expect(() => (WebSocket as unknown as () => void)()).toThrow(TypeError);
  });

  it('wraps subclasses: they construct through the wrapper and keep their own prototype', () => {
    const { WebSocket } = fakePage();
    class Feed extends WebSocket {}
    const feed = new Feed('wss://ws.example/feed');
    expect(feed).toBeInstanceOf(Feed);
    expect(feed.constructor).toBe(Feed);
  });
});

function flags(d: PropertyDescriptor | undefined) {
  return { writable: d?.writable, enumerable: d?.enumerable, configurable: d?.configurable };
}
