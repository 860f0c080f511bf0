// Keeping the screen's bundle current: the update stream (Server-Sent Events, reconnecting on its own), the bundle
// downloaded in the background with its files, removals applied at once, heartbeats and statistics sent when the
// network is there. A failing network is a state, never an error.
import * as store from './store';
import type { Bundle } from './types';

export interface SyncEvents {
	/// The bundle now running lost items or files (made private, loan ended): take them off the screen at once.
	removed(bundle: Bundle, items: Set<string>): void;
	/// A new bundle is downloaded and waits for the next idle reset.
	ready(): void;
	/// The pairing was revoked or the device is unknown.
	unpaired(): void;
	online(state: boolean): void;
}

declare const __APP_VERSION__: string;
export const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

let events: EventSource | null = null;
let active: Bundle | undefined;
let busy: Promise<void> | null = null;
let wanted: string | null = null;

export function setActive(bundle: Bundle | undefined) {
	active = bundle;
}

export function start(handlers: SyncEvents) {
	connect(handlers);
	const beat = () => void heartbeat(handlers);
	setTimeout(beat, 2_000);
	setInterval(beat, Math.max(15, active?.kiosk.heartbeatSeconds ?? 60) * 1000);
	setInterval(() => void sendCounts(), 60_000);
	addEventListener('online', () => {
		handlers.online(true);
		void sendCounts();
		if (!events || events.readyState === EventSource.CLOSED) connect(handlers);
	});
	addEventListener('offline', () => handlers.online(false));
}

function connect(handlers: SyncEvents) {
	events?.close();
	events = new EventSource('/kiosk/api/events');
	events.addEventListener('open', () => handlers.online(true));
	events.addEventListener('bundle', (e) => {
		const version = JSON.parse((e as MessageEvent).data).version as string;
		if (version) void update(version, handlers);
	});
	events.addEventListener('revoked', () => {
		events?.close();
		handlers.unpaired();
	});
	events.addEventListener('error', () => {
		handlers.online(false);
		// A refused stream (401) is closed for good by the browser; ask whether the device is still paired.
		if (events?.readyState === EventSource.CLOSED) setTimeout(() => void checkDevice(handlers).then((paired) => paired && connect(handlers)), 10_000);
	});
}

/// Whether the screen is paired: `paired`, `unpaired` (never, or revoked) or `offline` (no answer).
export async function deviceState(): Promise<'paired' | 'unpaired' | 'offline'> {
	try {
		const response = await fetch('/kiosk/api/device', { cache: 'no-store' });
		return response.status === 401 ? 'unpaired' : response.ok ? 'paired' : 'offline';
	} catch {
		return 'offline';
	}
}

async function checkDevice(handlers: SyncEvents): Promise<boolean> {
	const state = await deviceState();
	if (state === 'unpaired') handlers.unpaired();
	// Offline: keep running from what the screen has.
	return state !== 'unpaired';
}

/// Whatever bundle the archive has now (a screen that has none yet).
export const LATEST = '*';

/// Gets the bundle of a new version, applies its removals at once, downloads its files, then marks it ready. One download
/// at a time: a version announced meanwhile is fetched next.
export function update(version: string, handlers: SyncEvents): Promise<void> {
	wanted = version;
	if (busy) return busy;
	busy = (async () => {
		try {
			while (wanted) {
				const want = wanted;
				wanted = null;
				const pending = await store.loadPending();
				const have = want === LATEST ? pending?.ready : active?.version === want || (pending?.ready && pending.bundle.version === want);
				if (have) continue;
				await download(handlers);
			}
		} finally {
			busy = null;
		}
	})();
	return busy;
}

async function download(handlers: SyncEvents) {
	let response: Response;
	try {
		response = await fetch('/kiosk/api/bundle', { cache: 'no-store' });
	} catch {
		return; // Offline: the next stream event or reconnection tries again.
	}
	if (response.status === 401) return handlers.unpaired();
	if (!response.ok) return;
	const bundle = (await response.json()) as Bundle;
	if (active) {
		const kept = new Set(bundle.items.map((i) => i.key));
		const gone = new Set(active.items.filter((i) => !kept.has(i.key)).map((i) => i.key));
		const files = store.filesOf(bundle.items);
		const lost = [...store.filesOf(active.items)].filter((f) => !files.has(f));
		if (gone.size > 0 || lost.length > 0) {
			active = { ...active, items: active.items.filter((i) => !gone.has(i.key)).map((i) => withoutFiles(i, files)) };
			active.sections = active.sections.map((s) => ({ ...s, items: s.items.filter((k) => !gone.has(k)) }));
			active.attract = active.attract.filter((s) => !gone.has(s.item) && files.has(s.image));
			await store.saveActive(active);
			await store.deleteFiles(lost);
			handlers.removed(active, gone);
		}
	}
	await store.savePending(bundle, false);
	const cache = await caches.open(store.FILES);
	const queue = [...new Set(bundle.files)];
	const worker = async () => {
		for (let url = queue.shift(); url; url = queue.shift()) {
			if (await cache.match(url)) continue;
			try {
				const file = await fetch(url, { cache: 'no-store' });
				if (file.ok && file.status === 200) await cache.put(url, file);
			} catch {
				queue.push(url);
				throw new Error('offline');
			}
		}
	};
	try {
		await Promise.all([worker(), worker(), worker(), worker()]);
	} catch {
		return; // Interrupted: resumed at the next event, skipping what is cached.
	}
	await store.savePending(bundle, true);
	handlers.ready();
}

/// An item keeps only the images and recordings the new bundle still has.
function withoutFiles<T extends Bundle['items'][number]>(item: T, files: Set<string>): T {
	return {
		...item,
		images: item.images.filter((i) => files.has(i.src)),
		recordings: item.recordings.filter((r) => files.has(r.url)),
		audioDescription: Object.fromEntries(Object.entries(item.audioDescription).filter(([, url]) => files.has(url))),
	};
}

/// Makes the downloaded bundle the running one and forgets files neither needs.
export async function swap(): Promise<Bundle | undefined> {
	const pending = await store.loadPending();
	if (!pending?.ready) return undefined;
	active = pending.bundle;
	await store.saveActive(active);
	await store.dropPending();
	await store.keepOnly(new Set(active.files));
	return active;
}

async function heartbeat(handlers: SyncEvents) {
	let free: number | null = null;
	try {
		const estimate = await navigator.storage.estimate();
		free = estimate.quota !== undefined && estimate.usage !== undefined ? Math.max(0, estimate.quota - estimate.usage) : null;
	} catch {
		// Not reported.
	}
	try {
		const response = await fetch('/kiosk/api/heartbeat', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				appVersion,
				bundleVersion: active?.version ?? null,
				freeStorageBytes: free,
				lastError: (await store.lastError()) ?? null,
				screen: `${screen.width}x${screen.height}`,
			}),
		});
		if (response.status === 401) handlers.unpaired();
		else handlers.online(response.ok);
	} catch {
		handlers.online(false);
	}
}

export async function sendCounts() {
	const counts = await store.takeCounts();
	const entries = Object.entries(counts);
	if (entries.length === 0) return;
	try {
		const response = await fetch('/kiosk/api/usage', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				counts: entries.map(([key, value]) => {
					const [day, kind, subject] = key.split('|');
					return { day, kind, subject, count: value.count, dwellMs: value.dwellMs };
				}),
			}),
		});
		if (!response.ok && response.status !== 400) await store.putBackCounts(counts);
	} catch {
		await store.putBackCounts(counts);
	}
}
