// What the options page needs from the browser: storage (through src/storage) and the host
// permissions. main.tsx passes the real ones, tests fakes.
import type { StorageLike } from '../storage/index.ts';

export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  onAdded?: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  onRemoved?: {
    addListener(listener: () => void): void;
    removeListener(listener: () => void): void;
  };
}

export interface OptionsServices {
  storage: StorageLike;
  permissions: PermissionsLike;
  /** The manifest's content-script hosts. */
  builtInPatterns: string[];
  /** The origin of ?grant=<origin>, when the panel sent the user here to grant capture. */
  grantRequest?: string;
}
