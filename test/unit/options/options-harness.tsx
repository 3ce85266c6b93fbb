// Test support: renders the options page on in-memory storage and a fake permissions API that
// behaves like the browser's (request adds, remove drops, listeners hear both).
import { render } from '@testing-library/preact';
import manifest from '../../../manifest.json' with { type: 'json' };
import { captureScripts } from '../../../src/core/sites/content-scripts.ts';
import { OptionsPage } from '../../../src/options/options-page.tsx';
import type { PermissionsLike } from '../../../src/options/options-services.ts';
import { type FakeStorage, fakeStorage } from '../../support/fake-storage.ts';

/** The manifest's content-script hosts, as the options page gets them from the browser. */
export const BUILT_IN = captureScripts(manifest).builtIn;

export interface FakePermissions extends PermissionsLike {
  origins: string[];
  requested: string[][];
  removed: string[][];
}

export function fakePermissions(granted: string[]): FakePermissions {
  const added = new Set<() => void>();
  const dropped = new Set<() => void>();
  const fake: FakePermissions = {
    origins: [...granted],
    requested: [],
    removed: [],
    getAll: async () => ({ origins: [...fake.origins] }),
    request: async ({ origins }) => {
      fake.requested.push(origins);
      fake.origins.push(...origins.filter((o) => !fake.origins.includes(o)));
      for (const listener of added) listener();
      return true;
    },
    remove: async ({ origins }) => {
      fake.removed.push(origins);
      fake.origins = fake.origins.filter((o) => !origins.includes(o));
      for (const listener of dropped) listener();
      return true;
    },
    onAdded: { addListener: (l) => added.add(l), removeListener: (l) => added.delete(l) },
    onRemoved: { addListener: (l) => dropped.add(l), removeListener: (l) => dropped.delete(l) },
  };
  return fake;
}

export function renderOptions(
  options: { storage?: FakeStorage; permissions?: FakePermissions; grantRequest?: string } = {},
) {
  const storage = options.storage ?? fakeStorage();
  const permissions = options.permissions ?? fakePermissions(BUILT_IN);
  const services = {
    storage,
    permissions,
    builtInPatterns: BUILT_IN,
    ...(options.grantRequest ? { grantRequest: options.grantRequest } : {}),
  };
  return { ...render(<OptionsPage services={services} />), storage, permissions };
}
