// Unit (Node, fake WebSocket): binary frames cost a page with no panel open one copy each; they
// are put in base64, and their Blobs read, only when a panel takes them, and they still say what
// the network carried when the page reuses, rewrites or transfers its buffers.
import { describe, expect, it, vi } from 'vitest';
import type { CapturedFrame } from '../../../src/protocol/index.ts';
import { FakeFileReader } from '../../support/fake-dom.ts';
import { fakePage } from '../../support/fake-page.ts';

const URL = 'wss://ws.example/ws/v5/public';

const summary = (frames: CapturedFrame[]) =>
  frames.map(({ kind, binary, size }) => ({ kind, binary, size }));

/** A page whose base64 encoders and Blob reader count their calls. */
function countingPage() {
  const counts = { encoded: 0, blobsRead: 0 };
  function toBase64(this: Uint8Array) {
    counts.encoded += 1;
    return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
  }
  // The capture takes `result` from the prototype it is given: defined here again.
  class CountingFileReader extends FakeFileReader {
    override get result() {
      return super.result;
    }
    override readAsArrayBuffer(blob: Blob): void {
      counts.blobsRead += 1;
      super.readAsArrayBuffer(blob);
    }
  }
  const page = fakePage({
    globals: {
      Uint8Array: { prototype: { toBase64 } } as unknown as typeof Uint8Array,
      // The encoder of browsers without toBase64: counted too.
      btoa: (binary: string) => {
        counts.encoded += 1;
        return btoa(binary);
      },
      FileReader: CountingFileReader,
    },
  });
  return { page, counts };
}

describe('binary capture', () => {
  it('encodes nothing and reads no Blob until a panel takes the frames, then each once', async () => {
    const { page, counts } = countingPage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    ws.send(new Uint8Array([1, 2, 3]));
    ws.binaryType = 'arraybuffer';
    ws.serverSends(new Uint8Array([4, 5, 6]));
    ws.binaryType = 'blob';
    ws.serverSends(new Uint8Array([7, 8]));
    ws.send(new Blob([new Uint8Array([9])]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual({ encoded: 0, blobsRead: 0 });

    page.relay.forwardLive(true, true);
    await vi.waitFor(() => expect(page.frames()).toHaveLength(5), { timeout: 2000 });
    expect(summary(page.frames().slice(1))).toEqual([
      { kind: 'send', binary: 'AQID', size: 3 },
      { kind: 'receive', binary: 'BAUG', size: 3 },
      { kind: 'receive', binary: 'Bwg=', size: 2 },
      { kind: 'send', binary: 'CQ==', size: 1 },
    ]);
    expect(counts).toEqual({ encoded: 4, blobsRead: 2 });

    // The panel reconnects (a service-worker restart): the history replays, as kept.
    page.relay.forwardLive(true, true);
    await vi.waitFor(() => expect(page.frames()).toHaveLength(10), { timeout: 2000 });
    expect(page.frames().slice(5)).toEqual(page.frames().slice(0, 5));
    expect(counts).toEqual({ encoded: 4, blobsRead: 2 });
  });

  it('keeps what the network carried when the page reuses or transfers its buffers', async () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    ws.binaryType = 'arraybuffer';
    // The page hands each received buffer to a worker, as decoders do: it is detached here.
    ws.addEventListener('message', (event) => {
      const data = (event as MessageEvent).data;
      if (data instanceof ArrayBuffer) structuredClone(data, { transfer: [data] });
    });
    const outgoing = new Uint8Array([1, 2, 3, 4]);
    ws.send(outgoing.subarray(1, 3));
    outgoing.fill(0xff);
    ws.serverSends(new Uint8Array([5, 6, 7]));
    page.relay.forwardLive(true, true);
    await vi.waitFor(() => expect(page.frames()).toHaveLength(3), { timeout: 2000 });
    expect(summary(page.frames().slice(1))).toEqual([
      { kind: 'send', binary: 'AgM=', size: 2 },
      { kind: 'receive', binary: 'BQYH', size: 3 },
    ]);
  });

  it('counts a binary frame by its base64 against the history caps before encoding it', async () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    ws.binaryType = 'arraybuffer';
    // 40 frames of 192 KiB, 256 KiB of base64 each: 31 fit in the 8 MiB of history.
    for (let i = 0; i < 40; i += 1) ws.serverSends(new Uint8Array(192 * 1024).fill(i));
    page.relay.forwardLive(true, true);
    await vi.waitFor(() => expect(page.frames()).toHaveLength(1 + 31), { timeout: 2000 });
    const kept = page.frames().filter((frame) => frame.kind === 'receive');
    expect(kept.map((frame) => Buffer.from(frame.binary ?? '', 'base64')[0])).toEqual(
      Array.from({ length: 31 }, (_, i) => 9 + i),
    );
    expect(page.batches.every((batch) => batch.dropped === 9)).toBe(true);
  });

  it('sends a Blob right away and, a panel being live, records its bytes when read', async () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.forwardLive(true, false);
    const blob = new Blob([new Uint8Array([9, 8, 7])]);
    ws.send(blob);
    expect(ws.wire).toEqual([blob]);
    ws.serverSends(new Uint8Array([1, 2])); // binaryType blob: a Blob arrives
    await vi.waitFor(() => expect(page.frames().length).toBe(2), { timeout: 2000 });
    expect(summary(page.frames())).toEqual([
      { kind: 'send', binary: 'CQgH', size: 3 },
      { kind: 'receive', binary: 'AQI=', size: 2 },
    ]);
  });
});
