// Test support: in-memory storage.sync / local / session with onChanged, shaped like the
// WebExtension API (values are copied in and out, as the browser serialises them).
import type {
  StorageAreaLike,
  StorageLike,
  StorageListener,
} from '../../src/storage/extension-api.ts';

export interface FakeArea extends StorageAreaLike {
  /** The raw contents, for assertions. */
  readonly items: Map<string, unknown>;
  /** Makes the next set() reject with this message (a quota error, say). */
  failNextSet(message: string): void;
}

export interface FakeStorage extends StorageLike {
  sync: FakeArea;
  local: FakeArea;
  session: FakeArea;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function fakeStorage(): FakeStorage {
  const listeners = new Set<StorageListener>();
  const area = (name: string): FakeArea => {
    const items = new Map<string, unknown>();
    let failure: string | undefined;
    const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
      for (const listener of listeners) listener(changes, name);
    };
    return {
      items,
      failNextSet(message) {
        failure = message;
      },
      async get(keys) {
        const wanted = keys === undefined || keys === null ? [...items.keys()] : [keys].flat();
        const result: Record<string, unknown> = {};
        for (const key of wanted) if (items.has(key)) result[key] = copy(items.get(key));
        return result;
      },
      async set(values) {
        if (failure) {
          const message = failure;
          failure = undefined;
          throw new Error(message);
        }
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [key, value] of Object.entries(values)) {
          changes[key] = { oldValue: items.get(key), newValue: copy(value) };
          items.set(key, copy(value));
        }
        notify(changes);
      },
      async remove(keys) {
        const changes: Record<string, { oldValue?: unknown }> = {};
        for (const key of [keys].flat()) {
          if (!items.has(key)) continue;
          changes[key] = { oldValue: items.get(key) };
          items.delete(key);
        }
        if (Object.keys(changes).length > 0) notify(changes);
      },
    };
  };
  return {
    sync: area('sync'),
    local: area('local'),
    session: area('session'),
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
}
