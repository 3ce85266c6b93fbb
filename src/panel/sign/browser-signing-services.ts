// Panel glue (extension page) -> storage.sync (read only): the signing pane's services with the
// user's host map from the options. The pane writes nothing anywhere.
import { extensionStorage } from '../../storage/browser-storage.ts';
import { loadSettings } from '../../storage/index.ts';
import { fetchWithoutCredentials, type SigningServices } from './signing-services.ts';

export function browserSigningServices(): SigningServices {
  return {
    loadHostMap: async () => (await loadSettings(extensionStorage())).hosts,
    fetchText: fetchWithoutCredentials,
    now: () => Date.now(),
  };
}
