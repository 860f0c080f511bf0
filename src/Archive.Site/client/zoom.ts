// Deep zoom on Archive's IIIF Image service with OpenSeadragon. The viewer's own keys work once it has focus
// (arrows or WASD to pan, + and − to zoom, 0 for the whole image, R to turn); the page's buttons say the same in
// the visitor's language. The still image stays in the page until the viewer is asked for (site.ts loads this
// module on that click).
import OpenSeadragon from 'openseadragon';

export function deepZoom(figure: HTMLElement) {
	const button = figure.querySelector<HTMLButtonElement>('[data-zoom-open]');
	const stage = figure.querySelector<HTMLElement>('[data-zoom-stage]');
	const controls = figure.querySelector<HTMLElement>('[data-zoom-controls]');
	if (!button || !stage || !controls) return;
	button.hidden = true;
	stage.hidden = false;
	controls.hidden = false;
	const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	const viewer = OpenSeadragon({
		element: stage,
		tileSources: figure.dataset.zoom!,
		showNavigationControl: false,
		crossOriginPolicy: 'Anonymous',
		animationTime: reduced ? 0 : 0.8,
		springStiffness: reduced ? 100 : 6.5,
		gestureSettingsMouse: { clickToZoom: false },
		keyboardNavEnabled: true,
	});
	viewer.addHandler('open', () => {
		// The canvas is the viewer's keyboard target: named for screen readers and focused, so keys work at once.
		const canvas = stage.querySelector<HTMLElement>('.openseadragon-canvas');
		if (canvas) {
			canvas.setAttribute('role', 'application');
			canvas.setAttribute('aria-label', stage.dataset.label ?? '');
			canvas.setAttribute('aria-roledescription', stage.dataset.role ?? '');
			canvas.focus();
		}
		figure.dataset.zoomReady = 'true';
	});
	// The viewer's state, on the figure: what it shows is readable without reaching into the viewer.
	const report = () => {
		const center = viewer.viewport.getCenter(true);
		figure.dataset.zoomLevel = viewer.viewport.getZoom(true).toFixed(3);
		figure.dataset.zoomCenter = `${center.x.toFixed(3)},${center.y.toFixed(3)}`;
	};
	viewer.addHandler('animation-finish', report);
	viewer.addHandler('open', report);
	const act = (name: string) => {
		const viewport = viewer.viewport;
		if (name === 'in') viewport.zoomBy(1.5);
		else if (name === 'out') viewport.zoomBy(1 / 1.5);
		else if (name === 'home') viewport.goHome();
		else if (name === 'rotate') viewport.setRotation((viewport.getRotation() + 90) % 360);
		else if (name === 'full') viewer.setFullScreen(!viewer.isFullPage());
		viewport.applyConstraints();
	};
	controls.querySelectorAll<HTMLButtonElement>('button[data-act]').forEach((b) => b.addEventListener('click', () => act(b.dataset.act!)));
}
