import { Workbox } from 'workbox-window';
import {
  type CachePackageMessage,
  type CachePackageReply,
  packageFileUrls,
} from '../core/package/offline-files';
import { store } from '../state/store';
import { pwaStatus } from './pwa-status';

/** Sends a message to the active service worker and waits for its answer. */
async function ask(message: CachePackageMessage): Promise<CachePackageReply | null> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as CachePackageReply);
    worker.postMessage(message, [channel.port2]);
  });
}

/**
 * Keeps every package the map opens from an address for offline use: the service worker fetches
 * its files whole into its package cache (docs/offline.md). The demo is in the precache already;
 * a package opened from a file lives in this page only and is not kept.
 */
function keepOpenedPackages(): void {
  let last: string | null = null;
  const follow = () => {
    const { catalogue, catalogueUrl } = store.getState();
    if (!catalogue || !catalogueUrl || catalogueUrl === last) return;
    last = catalogueUrl;
    const urls = packageFileUrls(catalogue, catalogueUrl);
    if (urls.length > 0) void ask({ type: 'CACHE_PACKAGE', urls }).catch(() => {});
  };
  store.subscribe(follow);
  follow();
}

/**
 * Registers the service worker, offers a new version when one waits (the page reloads into it
 * when the user agrees), and keeps opened packages. A browser that refuses the registration (a
 * private window, a blocked worker) leaves the app as it is, without a message: it works online.
 */
export async function registerServiceWorker(): Promise<void> {
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    pwaStatus.setState({
      dismissed: false,
      update: () => {
        // The page's own controllerchange, not workbox-window's `controlling`: that one is not
        // sent when the update was found outside this Workbox instance (an update check of the
        // browser or of another tab), and the page would then never reload.
        let reloading = false;
        navigator.serviceWorker.addEventListener('controllerchange', () => {
          if (reloading) return;
          reloading = true;
          window.location.reload();
        });
        workbox.messageSkipWaiting();
      },
    });
  });
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await workbox.register();
  } catch {
    return;
  }
  if (!registration) return;
  keepOpenedPackages();
}
