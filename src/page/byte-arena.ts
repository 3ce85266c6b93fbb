// MAIN world (page): where binary payloads wait, as bytes, while no panel is open. Copying a
// frame into fresh memory costs as much as putting it in base64 (the page faults of new memory
// dominate), so the bytes go into one ring of reused memory instead: a copy into warm memory
// is several times cheaper (npm run bench:wrapper). The ring starts small and doubles up to
// `capacity`, then wraps and writes over its oldest bytes.
//
// Why nothing still needed is ever written over: the history's ordinary messages hold at most
// historyChars of cost, and a binary frame costs the base64 of its bytes (4/3 of them), so the
// history holds at most 3/4 historyChars of bytes; it drops its oldest first, so every frame
// written after a kept one is kept too. A capacity of that plus two frames (one for the space
// a wrap skips, one for the frame itself) is never lapped while a frame is in the history. While
// a panel is live, frames are encoded as they come and the ring is not written: the batches
// and replays in flight only hold frames the history held when they started.
import type { Natives } from './natives.ts';

type ArenaNatives = Pick<Natives, 'newBytes' | 'copyInto' | 'view' | 'byteLength' | 'min'>;

export interface ByteArena {
  /** A view of a copy of the first `max` bytes of `bytes`, valid while the history holds it. */
  keep(bytes: Uint8Array, max: number): Uint8Array;
}

const FIRST_BYTES = 64 * 1024;

export function arenaCapacity(historyChars: number, frameBytes: number): number {
  return ((historyChars * 3) / 4 + 2 * frameBytes) | 0;
}

/** `capacity` must hold at least one frame of `max` bytes (see arenaCapacity). */
export function createByteArena(n: ArenaNatives, capacity: number): ByteArena {
  let ring: Uint8Array | undefined;
  let size = 0;
  let at = 0;

  return {
    keep(bytes, max) {
      const length = n.min(n.byteLength(bytes), max);
      if (ring === undefined || at + length > size) {
        if (ring !== undefined && size >= capacity) {
          at = 0;
        } else {
          // Grown, not wrapped: frames in the old ring keep it alive, and it is never written again.
          let next = size === 0 ? FIRST_BYTES : size * 2;
          while (next < length) next *= 2;
          size = n.min(next, capacity);
          ring = n.newBytes(size);
          at = 0;
        }
      }
      n.copyInto(ring, bytes, at, length);
      const view = n.view(ring, at, length);
      at += length;
      return view;
    },
  };
}
