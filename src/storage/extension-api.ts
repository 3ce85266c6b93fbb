// The slice of the WebExtension API the settings glue uses, as plain interfaces: the real
// `browser` (webextension-polyfill) fits them, and tests pass in-memory fakes.

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}

export type StorageListener = (changes: Record<string, StorageChangeLike>, area: string) => void;

export interface StorageLike {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  /** In memory until the browser restarts; extension pages only. */
  session?: StorageAreaLike;
  onChanged: {
    addListener(listener: StorageListener): void;
    removeListener(listener: StorageListener): void;
  };
}

export type StorageAreaName = 'sync' | 'local';
