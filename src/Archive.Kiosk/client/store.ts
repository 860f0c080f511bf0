// What a screen keeps across restarts: the bundle it runs (IndexedDB through idb-keyval), the one it is getting ready,
// their files (Cache Storage, served to the page by the service worker), the use counts not yet sent and the last
// error. Nothing about a visitor is ever stored.
import { get, set, del } from 'idb-keyval';
import type { Bundle, Item } from './types';

export const FILES = 'kiosk-bundle-files';

export const loadActive = () => get<Bundle>('active');
export const saveActive = (bundle: Bundle) => set('active', bundle);
export const loadPending = () => get<{ bundle: Bundle; ready: boolean }>('pending');
export const savePending = (bundle: Bundle, ready: boolean) => set('pending', { bundle, ready });
export const dropPending = () => del('pending');

/// The day in Kazakhstan (UTC+5), as the archive counts loan ends and statistics.
export function today(now = Date.now()): string {
	return new Date(now + 5 * 3600_000).toISOString().slice(0, 10);
}

/// An item still within its loan (the screen's own clock: it holds even offline).
export function isCurrent(item: Item, now = Date.now()): boolean {
	return !item.until || item.until >= today(now);
}

/// Every file of a bundle's items, for removing exactly what left.
export function filesOf(items: Item[]): Set<string> {
	const files = new Set<string>();
	for (const item of items) {
		for (const image of item.images) {
			files.add(image.src);
			files.add(image.thumb);
			for (const tile of Object.values(image.zoom?.tiles ?? {})) files.add(tile);
		}
		for (const recording of item.recordings) {
			files.add(recording.url);
			for (const track of Object.values(recording.captions)) files.add(track);
		}
		for (const description of Object.values(item.audioDescription)) files.add(description);
	}
	return files;
}

export async function deleteFiles(urls: Iterable<string>): Promise<void> {
	try {
		const cache = await caches.open(FILES);
		await Promise.all([...urls].map((url) => cache.delete(url)));
	} catch {
		// Storage unavailable: nothing cached to delete.
	}
}

/// Removes from the cache every file no bundle the screen holds still names.
export async function keepOnly(urls: Set<string>): Promise<void> {
	try {
		const cache = await caches.open(FILES);
		for (const request of await cache.keys()) {
			const url = new URL(request.url);
			if (!urls.has(url.pathname + url.search)) await cache.delete(request);
		}
	} catch {
		// Storage unavailable.
	}
}

export async function wipe(): Promise<void> {
	await Promise.all([del('active'), del('pending'), del('usage')]);
	try {
		await caches.delete(FILES);
	} catch {
		// Storage unavailable.
	}
}

// Use statistics: aggregates by day, kind and subject; never a visitor's path.
type Counts = Record<string, { count: number; dwellMs: number }>;

export async function count(kind: 'open' | 'language' | 'visit', subject: string, dwellMs = 0): Promise<void> {
	const counts = (await get<Counts>('usage')) ?? {};
	const key = `${today()}|${kind}|${subject}`;
	const entry = (counts[key] ??= { count: 0, dwellMs: 0 });
	entry.count += 1;
	entry.dwellMs += Math.max(0, Math.round(dwellMs));
	await set('usage', counts);
}

export async function takeCounts(): Promise<Counts> {
	const counts = (await get<Counts>('usage')) ?? {};
	await set('usage', {});
	return counts;
}

export async function putBackCounts(sent: Counts): Promise<void> {
	const counts = (await get<Counts>('usage')) ?? {};
	for (const [key, value] of Object.entries(sent)) {
		const entry = (counts[key] ??= { count: 0, dwellMs: 0 });
		entry.count += value.count;
		entry.dwellMs += value.dwellMs;
	}
	await set('usage', counts);
}

export async function noteError(message: string): Promise<void> {
	await set('lastError', `${new Date().toISOString()} ${message}`.slice(0, 1000));
}

export const lastError = () => get<string>('lastError');
