// Enhancements only: every page works without this script. It finds what a page offers and loads the rest on demand.
import { enhanceSearch } from './suggest';

// Deep zoom is offered by a button; the viewer (the largest script) is fetched only when it is asked for.
document.querySelectorAll<HTMLElement>('[data-zoom]').forEach((figure) => {
	const button = figure.querySelector<HTMLButtonElement>('[data-zoom-open]');
	if (!button) return;
	button.hidden = false;
	button.addEventListener('click', () => import('./zoom').then((m) => m.deepZoom(figure)).catch(report), { once: true });
});

const maps = document.querySelectorAll<HTMLElement>('[data-map]');
if (maps.length > 0) import('./map').then((m) => maps.forEach(m.drawMap)).catch(report);

document.querySelectorAll<HTMLFormElement>('form[data-suggest]').forEach(enhanceSearch);

// A switch of language is remembered for the next visit to the front page (the links work without it too).
document.querySelectorAll<HTMLAnchorElement>('a[data-culture]').forEach((link) =>
	link.addEventListener('click', () => {
		document.cookie = `archive-culture=${link.dataset.culture}; path=/; max-age=31536000; samesite=lax`;
	}),
);

function report(error: unknown) {
	// A failed enhancement leaves the plain page; it never breaks it.
	console.warn('Archive: an enhancement could not load', error);
}
