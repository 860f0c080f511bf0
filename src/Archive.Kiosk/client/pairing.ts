// The screen before it is paired: a code a curator types in the back office, in the three first languages of the
// archive (the screen knows nothing else yet). Works offline: it says it waits for the network and keeps asking.
import { h } from './dom';

const WORDS = [
	{ lang: 'kk', title: 'Бұл экран әлі қосылмаған', text: 'Кураторға осы кодты айтыңыз: ол оны басқару панеліндегі киоскіге енгізеді.', offline: 'Желі жоқ: қосылуды күтіп тұрмыз.' },
	{ lang: 'ru', title: 'Этот экран ещё не подключён', text: 'Сообщите этот код куратору: он введёт его у киоска в административной панели.', offline: 'Нет сети: ждём подключения.' },
	{ lang: 'en', title: 'This screen is not paired yet', text: 'Give this code to a curator, who enters it on the kiosk in the back office.', offline: 'No network: waiting to connect.' },
];

export function render(main: HTMLElement, code: string | null, expiresAt: string | null, offline = false) {
	document.documentElement.lang = 'kk';
	document.documentElement.dir = 'ltr';
	document.body.dataset.screen = 'pairing';
	main.replaceChildren(h('section', { class: 'pairing', 'aria-labelledby': 'pairing-title' },
		h('h1', { id: 'pairing-title' }, ...WORDS.flatMap((w, i) => [i > 0 ? h('br') : null, h('span', { lang: w.lang }, w.title)])),
		code
			? h('p', { class: 'code', 'aria-live': 'polite', 'data-code': code, 'data-expires': expiresAt ?? '' }, code)
			: h('p', { class: 'code waiting', 'aria-live': 'polite' }, '····-····'),
		...WORDS.map((w) => h('p', { lang: w.lang }, code && !offline ? w.text : w.offline))));
}

/// Asks for a code and polls until a curator has entered it; resolves once the device cookie is set.
export async function pair(main: HTMLElement): Promise<void> {
	let code: string | null = null;
	let expires = 0;
	for (;;) {
		try {
			if (!code || Date.now() > expires) {
				const started = await fetch('/kiosk/api/pairing', { method: 'POST' });
				if (started.ok) {
					const body = await started.json();
					code = body.code;
					expires = Date.parse(body.expiresAt);
					render(main, code, body.expiresAt);
				} else {
					render(main, null, null);
				}
			} else {
				const asked = await fetch('/kiosk/api/pairing', { cache: 'no-store' });
				if (asked.ok) {
					const body = await asked.json();
					if (body.state === 'paired') return;
				} else if (asked.status === 404) {
					code = null;
				}
			}
		} catch {
			// Offline: the code stays (a curator may enter it meanwhile); asked again when the network is back.
			render(main, code, null, true);
		}
		await new Promise((resolve) => setTimeout(resolve, 3000));
	}
}

const WAITING = [
	{ lang: 'kk', text: 'Экран қосылды. Мазмұн жүктелуде…' },
	{ lang: 'ru', text: 'Экран подключён. Загружается содержание…' },
	{ lang: 'en', text: 'Screen paired. Loading its content…' },
];

/// Paired, before the first bundle is complete (or while the kiosk is not published yet).
export function waiting(main: HTMLElement) {
	document.body.dataset.screen = 'pairing';
	main.replaceChildren(h('section', { class: 'pairing', 'aria-live': 'polite' }, ...WAITING.map((w) => h('p', { lang: w.lang }, w.text))));
}
