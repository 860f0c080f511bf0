// The kiosk's service worker (scope /kiosk/): the application shell precached on the very first visit, so the screen
// opens without a network, pairing screen included; the bundle's files (derivatives, tiles, recordings, captions)
// answered from the screen's own cache, byte ranges included, so audio and video seek offline.
/// <reference lib="webworker" />
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { createPartialResponse } from 'workbox-range-requests';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const FILES = 'kiosk-bundle-files';

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/kiosk/'), { allowlist: [/^\/kiosk\/?$/] }));

// Only what a bundle lists is kept; anything else (a file the archive withdrew) goes to the network, which refuses it.
registerRoute(
	({ url, request }) => url.origin === self.location.origin && request.method === 'GET' && (url.pathname.startsWith('/media/') || url.pathname.startsWith('/iiif/3/')),
	async ({ request, url }) => {
		const cache = await caches.open(FILES);
		const kept = await cache.match(url.pathname + url.search);
		if (kept) return request.headers.has('range') ? createPartialResponse(request, kept) : kept;
		try {
			return await fetch(request);
		} catch {
			return new Response(null, { status: 504, statusText: 'Offline' });
		}
	},
);
