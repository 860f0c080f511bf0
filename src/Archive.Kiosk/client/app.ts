// The kiosk: the attract loop until someone touches the screen, then the objects and stories it shows, in any of its
// languages, with a two-stage idle reset that forgets the visit. Runs from the bundle the screen keeps; the network is
// only for updates.
import * as store from './store';
import * as sync from './sync';
import * as zoom from './zoom';
import { button, h, txt } from './dom';
import type { Bundle, Image, Item, Txt } from './types';

type Screen = 'attract' | 'browse' | 'item' | 'empty';

let bundle: Bundle;
let language = '';
// The accessibility mode's three parts, each starting from the kiosk's defaults at every visit.
let large = false;
let contrast = false;
let describeFirst = false;
let screenName: Screen = 'attract';
let current: Item | null = null;
let openedAt = 0;
let imageIndex = 0;
let lastTouch = Date.now();
let countdownFrom = 0;
let readyToSwap = false;
let slideTimer = 0;
let online = navigator.onLine;

const main = () => document.getElementById('view')!;
const header = () => document.getElementById('bar')!;
const still = () => document.getElementById('still')!;

const words = (key: string): Txt => bundle.texts[language]?.[key] ?? bundle.texts[bundle.kiosk.defaultLanguage]?.[key] ?? { t: key, l: 'en' };
const said = (key: string, ...args: (string | number)[]): Txt => {
	const w = words(key);
	return { ...w, t: args.reduce<string>((text, arg, i) => text.replace(`{${i}}`, String(arg)), w.t) };
};
const itemText = (item: Item) => item.text[language] ?? item.text[bundle.kiosk.defaultLanguage] ?? Object.values(item.text)[0];
const visible = () => bundle.items.filter((i) => store.isCurrent(i));
const find = (key: string) => visible().find((i) => i.key === key) ?? null;

export function run(initial: Bundle) {
	bundle = initial;
	document.body.dataset.bundle = bundle.version;
	sync.setActive(bundle);
	resetPreferences();
	for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) addEventListener(type, touched, { capture: true, passive: true });
	setInterval(tick, 250);
	// The hall's control system (or a technician's script) may end a visit at once, as the countdown would.
	addEventListener('archive-kiosk-reset', () => void reset());
	sync.start({
		removed(next, gone) {
			bundle = next;
			if (current && gone.has(current.key)) {
				leaveItem();
				showBrowse(said('removed'));
			} else if (screenName === 'browse') showBrowse();
			else if (screenName === 'attract') showAttract();
			else if (current) showItem(current.key, imageIndex);
		},
		ready() {
			readyToSwap = true;
			document.body.dataset.update = 'ready';
			// Nobody is visiting: the new content can go up now.
			if (screenName === 'attract' || screenName === 'empty') void reset();
		},
		unpaired() {
			void store.wipe().then(() => location.reload());
		},
		online(state) {
			online = state;
			document.body.classList.toggle('offline', !online);
		},
	});
	showAttract();
}

function resetPreferences() {
	language = bundle.kiosk.defaultLanguage;
	large = bundle.kiosk.largeText;
	contrast = bundle.kiosk.highContrast;
	describeFirst = bundle.kiosk.audioDescriptions;
	applyFrame();
}

function applyFrame() {
	const lang = bundle.kiosk.languages.find((l) => l.code === language) ?? bundle.kiosk.languages[0];
	document.documentElement.lang = lang.lang;
	document.documentElement.dir = lang.dir;
	document.documentElement.classList.toggle('large', large);
	document.documentElement.classList.toggle('contrast', contrast);
	document.title = bundle.kiosk.name[language]?.t ?? 'Kiosk';
	renderBar();
}

function renderBar() {
	const bar = header();
	const home = button(words('home'), toAll, { class: 'home', 'data-action': 'home' });
	const languages = h('div', { class: 'languages', role: 'group', 'aria-label': words('languages').t },
		...bundle.kiosk.languages.map((l) => button(l.name, () => choose(l.code), { lang: l.lang, dir: l.dir, 'aria-pressed': String(l.code === language), 'data-language': l.code })));
	const access = button(words('accessibility'), toggleAccessible, { class: 'access', 'aria-pressed': String(accessible()), 'data-action': 'accessibility' });
	bar.replaceChildren(home, languages, access, txt('span', words('offline'), { class: 'offline-note', role: 'status' }));
	bar.hidden = screenName === 'attract';
}

function choose(code: string) {
	if (code === language) return;
	language = code;
	void store.count('language', code);
	applyFrame();
	rerender();
}

const accessible = () => large && contrast && describeFirst;

/// One touch turns the whole mode on (larger text, higher contrast, audio descriptions first), another turns it off.
function toggleAccessible() {
	large = contrast = describeFirst = !accessible();
	applyFrame();
	rerender();
	if (describeFirst && current) describe(current, true);
}

function toAll() {
	leaveItem();
	showBrowse();
}

function rerender() {
	if (screenName === 'item' && current) showItem(current.key, imageIndex, true);
	else if (screenName === 'browse') showBrowse();
}

// The attract loop: each slide full-bleed, its title in the next language in turn.
function showAttract() {
	screenName = 'attract';
	document.body.dataset.screen = 'attract';
	header().hidden = true;
	const slides = bundle.attract.filter((s) => find(s.item));
	let index = 0;
	let turn = 0;
	const show = () => {
		const slide = slides[index % slides.length];
		const item = slide ? find(slide.item) : null;
		const lang = bundle.kiosk.languages[turn % bundle.kiosk.languages.length];
		const title = item ? item.text[lang.code]?.name : undefined;
		const prompt = bundle.texts[lang.code]?.touchToBegin;
		main().replaceChildren(h('section', { class: 'attract', 'aria-roledescription': 'slideshow' },
			slide ? h('img', { src: slide.image, alt: '', class: 'bleed', draggable: 'false' }) : null,
			h('div', { class: 'attract-text', lang: lang.lang, dir: lang.dir },
				title ? txt('h1', title) : txt('h1', bundle.kiosk.name[lang.code]),
				txt('p', prompt, { class: 'prompt' }))));
		index++;
		turn++;
	};
	show();
	clearInterval(slideTimer);
	slideTimer = window.setInterval(show, bundle.kiosk.attractSeconds * 1000);
	// On click, not pointerup: the click that ends a tap would otherwise land on the card drawn beneath the finger.
	main().onclick = () => begin();
	main().onkeydown = (e) => (e.key === 'Enter' || e.key === ' ') && begin();
	main().tabIndex = 0;
}

function begin() {
	if (screenName !== 'attract') return;
	clearInterval(slideTimer);
	main().onclick = null;
	main().onkeydown = null;
	main().removeAttribute('tabindex');
	void store.count('visit', '');
	showBrowse();
}

function showBrowse(notice?: Txt) {
	clearInterval(slideTimer);
	const wasBrowsing = screenName === 'browse';
	const scroll = wasBrowsing ? main().scrollTop : 0;
	screenName = visible().length === 0 ? 'empty' : 'browse';
	document.body.dataset.screen = screenName;
	renderBar();
	const sections = bundle.sections.map((section) => {
		const items = section.items.map(find).filter((i): i is Item => i !== null);
		if (items.length === 0) return null;
		return h('section', { class: 'section', 'aria-labelledby': `s-${section.key}` },
			txt('h2', section.name[language], { id: `s-${section.key}` }),
			h('ul', { class: 'cards' }, ...items.map((item) => h('li', {}, card(item)))));
	});
	main().replaceChildren(
		notice ? txt('p', notice, { class: 'notice', role: 'status' }) : '',
		txt('h1', bundle.kiosk.name[language], { class: 'visually-hidden' }),
		...(screenName === 'empty' ? [txt('p', words('nothing'), { class: 'notice' })] : sections));
	main().scrollTop = scroll;
}

function card(item: Item): HTMLButtonElement {
	const text = itemText(item);
	const image = item.images[0];
	const b = h('button', { type: 'button', class: 'card', 'data-item': item.key },
		image ? h('img', { src: image.thumb, alt: '', width: 400, height: 400, draggable: 'false' }) : h('span', { class: 'no-image', 'aria-hidden': 'true' }),
		txt('span', text.name, { class: 'card-name' }),
		text.dating ? txt('span', text.dating, { class: 'card-meta' }) : '');
	b.addEventListener('pointerdown', () => performance.mark('kiosk-touch'));
	b.addEventListener('click', () => showItem(item.key));
	return b;
}

function showItem(key: string, image = 0, keepScroll = false) {
	const item = find(key);
	if (!item) return showBrowse(said('removed'));
	const scroll = keepScroll ? (document.querySelector('.item-text') as HTMLElement | null)?.scrollTop ?? 0 : 0;
	if (current?.key !== item.key) {
		leaveItem();
		current = item;
		openedAt = Date.now();
	}
	screenName = 'item';
	document.body.dataset.screen = 'item';
	renderBar();
	imageIndex = Math.min(image, Math.max(0, item.images.length - 1));
	const text = itemText(item);
	const list = orderOf(item);
	const position = list.indexOf(item.key);
	const previous = position > 0 ? list[position - 1] : null;
	const next = position >= 0 && position < list.length - 1 ? list[position + 1] : null;
	const media = h('div', { class: 'item-media' }, stage(item), thumbs(item),
		item.images[imageIndex]?.zoom && !item.noZoom
			? button(words('zoom'), () => void zoom.open(document.getElementById('zoom')!, item.images[imageIndex], words, () => showItem(item.key, imageIndex, true)), { class: 'zoom-button', 'data-action': 'zoom' })
			: '',
		item.noPhotography ? txt('p', words('noPhotography'), { class: 'note' }) : '');
	const description = item.audioDescription[language];
	const body = h('div', { class: 'item-text', tabindex: 0 },
		txt('h1', text.name),
		text.dating ? txt('p', text.dating, { class: 'dating' }) : '',
		text.label ? h('blockquote', { class: 'label' }, txt('p', text.label)) : '',
		description ? button(words('listen'), () => describe(item, false), { class: 'listen', 'data-action': 'listen' }) : '',
		description ? h('audio', { class: 'description', src: description, preload: 'none' }) : '',
		...text.paragraphs.map((p) => txt('p', p)),
		text.facts.length ? h('dl', { class: 'facts' }, ...text.facts.flatMap((f) => [txt('dt', f.label), ...f.values.map((v) => txt('dd', v))])) : '',
		recordings(item),
		text.credit ? txt('p', text.credit, { class: 'credit' }) : '',
		text.loanCredit ? txt('p', text.loanCredit, { class: 'credit' }) : '');
	const nav = h('nav', { class: 'item-nav', 'aria-label': words('objects').t },
		button(words('all'), toAll, { 'data-action': 'all' }),
		previous ? button(words('previous'), () => showItem(previous), { 'data-action': 'previous' }) : '',
		next ? button(words('next'), () => showItem(next), { 'data-action': 'next' }) : '');
	main().replaceChildren(h('article', { class: 'item', 'data-item': item.key }, media, body), nav);
	(document.querySelector('.item-text') as HTMLElement).scrollTop = scroll;
	if (!keepScroll) main().scrollTop = 0;
	requestAnimationFrame(() => {
		if (performance.getEntriesByName('kiosk-touch').length) {
			performance.measure('kiosk-open', 'kiosk-touch');
			performance.clearMarks('kiosk-touch');
		}
	});
	if (describeFirst && description && !keepScroll) describe(item, true);
}

/// The objects in the order the browse screen shows them (for previous and next).
function orderOf(item: Item): string[] {
	const section = bundle.sections.find((s) => s.items.includes(item.key));
	return (section?.items ?? []).filter((k) => find(k));
}

function stage(item: Item): HTMLElement {
	const image: Image | undefined = item.images[imageIndex];
	const figure = h('figure', { class: 'stage' },
		image ? h('img', { src: image.src, alt: image.alt[language]?.t ?? '', lang: image.alt[language]?.l, width: image.width, height: image.height, draggable: 'false' }) : '');
	// Swipe between the object's images (mirrored right to left).
	let startX = 0;
	figure.addEventListener('pointerdown', (e) => (startX = e.clientX));
	figure.addEventListener('pointerup', (e) => {
		const dx = e.clientX - startX;
		if (Math.abs(dx) < 60 || item.images.length < 2) return;
		const forward = (dx < 0) !== (document.documentElement.dir === 'rtl');
		const index = (imageIndex + (forward ? 1 : -1) + item.images.length) % item.images.length;
		showItem(item.key, index, true);
	});
	return figure;
}

function thumbs(item: Item): HTMLElement | string {
	if (item.images.length < 2) return '';
	return h('div', { class: 'thumbs', role: 'group' }, ...item.images.map((image, i) => {
		const b = h('button', { type: 'button', 'aria-pressed': String(i === imageIndex), 'aria-label': said('image', i + 1, item.images.length).t },
			h('img', { src: image.thumb, alt: '', draggable: 'false' }));
		b.addEventListener('click', () => showItem(item.key, i, true));
		return b;
	}));
}

function recordings(item: Item): HTMLElement | string {
	if (item.recordings.length === 0) return '';
	return h('section', { class: 'recordings' }, txt('h2', words('recordings')),
		...item.recordings.map((r) => {
			const player = h(r.kind === 'video' ? 'video' : 'audio', { controls: true, preload: 'metadata', controlslist: 'nodownload noplaybackrate', disablepictureinpicture: r.kind === 'video' },
				h('source', { src: r.url, type: r.type }));
			const captions = r.captions[language] ?? r.captions[bundle.kiosk.defaultLanguage];
			if (captions) player.append(h('track', { kind: 'captions', src: captions, srclang: language, label: words('captions').t, default: true }));
			return h('figure', {}, player, txt('figcaption', r.name[language]));
		}));
}

function describe(item: Item, automatic: boolean) {
	const audio = document.querySelector<HTMLAudioElement>('audio.description');
	if (!audio || !item.audioDescription[language]) return;
	if (!audio.paused && !automatic) {
		audio.pause();
		return;
	}
	void audio.play().catch(() => undefined);
}

function leaveItem() {
	zoom.close();
	stopMedia();
	if (current) void store.count('open', current.key, Date.now() - openedAt);
	current = null;
}

function stopMedia() {
	for (const media of document.querySelectorAll<HTMLMediaElement>('audio, video')) {
		media.pause();
		try {
			media.currentTime = 0;
		} catch {
			// Not loaded.
		}
	}
}

function touched() {
	lastTouch = Date.now();
	if (countdownFrom) hideCountdown();
}

// Two-stage idle reset: silence, then "Still there?" counting down, then the start, forgetting everything.
function tick() {
	const now = Date.now();
	if (screenName === 'item' && current && !store.isCurrent(current, now)) {
		leaveItem();
		showBrowse(said('removed'));
	}
	if (screenName === 'attract') return;
	const playing = [...document.querySelectorAll<HTMLMediaElement>('audio, video')].some((m) => !m.paused);
	if (playing) lastTouch = now;
	if (!countdownFrom && now - lastTouch >= bundle.kiosk.idleSeconds * 1000) showCountdown(now);
	if (countdownFrom) {
		const left = Math.ceil((countdownFrom + bundle.kiosk.countdownSeconds * 1000 - now) / 1000);
		if (left <= 0) void reset();
		else document.getElementById('still-left')!.textContent = said('returning', left).t;
	}
}

function showCountdown(now: number) {
	countdownFrom = now;
	const dialog = still();
	dialog.replaceChildren(h('div', { class: 'still-box' },
		txt('h2', words('stillThere'), { id: 'still-title' }),
		txt('p', said('returning', bundle.kiosk.countdownSeconds), { id: 'still-left', 'aria-live': 'polite' }),
		button(words('continue'), hideCountdown, { class: 'primary', 'data-action': 'continue' })));
	dialog.hidden = false;
	(dialog.querySelector('button') as HTMLButtonElement).focus();
}

function hideCountdown() {
	countdownFrom = 0;
	lastTouch = Date.now();
	still().hidden = true;
	still().replaceChildren();
}

/// Back to the start as if nobody had been here: viewer closed, media stopped, panels shut, scroll at the top, the
/// default language and accessibility settings; then the waiting bundle swapped in. Between visits (the attract loop)
/// only the swap happens, and a visitor who touches the screen meanwhile keeps their visit.
export async function reset() {
	const visiting = screenName !== 'attract' && screenName !== 'empty';
	hideCountdown();
	if (visiting) {
		leaveItem();
		(document.activeElement as HTMLElement | null)?.blur();
		resetPreferences();
		window.scrollTo(0, 0);
		main().scrollTop = 0;
		showAttract();
		void sync.sendCounts();
	}
	if (!readyToSwap) return;
	readyToSwap = false;
	const next = await sync.swap();
	if (!next) return;
	bundle = next;
	document.body.dataset.bundle = bundle.version;
	delete document.body.dataset.update;
	if (screenName === 'attract' || screenName === 'empty') showAttract();
	else rerender();
}
