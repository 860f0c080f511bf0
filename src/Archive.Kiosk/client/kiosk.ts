// Starts the screen: the service worker (so the application opens offline, even before pairing), then either the
// pairing screen or the kiosk from the bundle it keeps. Lockdown: no context menu, no page zoom, no navigation away.
import * as store from './store';
import * as sync from './sync';
import * as pairing from './pairing';
import { run } from './app';

function lockdown() {
	addEventListener('contextmenu', (e) => e.preventDefault());
	addEventListener('dragstart', (e) => e.preventDefault());
	addEventListener('selectstart', (e) => e.preventDefault());
	// Page zoom by keyboard or trackpad pinch (touch pinch is held off by `touch-action` in the style).
	addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
	addEventListener('keydown', (e) => {
		if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 'p', 's', 'o', 'l', 'n', 't', 'w'].includes(e.key.toLowerCase())) e.preventDefault();
		if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) e.preventDefault();
	});
	// The back gesture or key returns to the kiosk itself.
	history.pushState(null, '', location.href);
	addEventListener('popstate', () => history.pushState(null, '', location.href));
	// No error reaches the visitor: it is kept for the heartbeat.
	addEventListener('error', (e) => {
		e.preventDefault();
		void store.noteError(e.message || 'error');
	});
	addEventListener('unhandledrejection', (e) => {
		e.preventDefault();
		void store.noteError(String((e.reason as Error)?.message ?? e.reason));
	});
}

async function registerWorker() {
	try {
		if ('serviceWorker' in navigator) await navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' });
	} catch (e) {
		void store.noteError(`service worker: ${(e as Error).message}`);
	}
}

async function start() {
	lockdown();
	void registerWorker();
	const main = document.getElementById('view')!;
	let active = await store.loadActive();
	const handlers = { removed() {}, ready() {}, unpaired() {}, online() {} };
	let state = await sync.deviceState();
	// With nothing to show, wait for the network to learn whether this screen is paired (the pairing screen says so).
	while (state === 'offline' && !active) {
		pairing.render(main, null, null, true);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		state = await sync.deviceState();
	}
	if (state === 'unpaired') {
		await store.wipe();
		active = undefined;
		await pairing.pair(main);
	}
	if (!active) {
		// Just paired, or a bundle never completed: wait for the first one.
		pairing.waiting(main);
		sync.setActive(undefined);
		let resolve!: () => void;
		const first = new Promise<void>((r) => (resolve = r));
		// Asked again while the kiosk is not published yet, or the network is away (a download cut short resumes).
		const latest = () => void sync.update(sync.LATEST, { ...handlers, ready: resolve, unpaired: () => location.reload() });
		const retry = setInterval(latest, 10_000);
		latest();
		await first;
		clearInterval(retry);
		active = await sync.swap();
	}
	document.body.classList.remove('starting');
	run(active!);
}

void start();
