// Deep zoom on the tiles the bundle keeps (OpenSeadragon, loaded only when a visitor asks for it). The tile source is
// the bundle's own list, so the viewer asks for exactly the files the screen has, and never beyond a loan's size.
import type { Image, Txt } from './types';
import { button, h } from './dom';

type Viewer = { destroy(): void; viewport: { zoomBy(f: number): void; goHome(): void; applyConstraints(): void } };
let viewer: Viewer | null = null;

export async function open(host: HTMLElement, image: Image, words: (key: string) => Txt, onClose: () => void): Promise<void> {
	close();
	const zoom = image.zoom!;
	const { default: OpenSeadragon } = await import('openseadragon');
	const factor = 2 ** (zoom.full - zoom.maxLevel);
	const stage = h('div', { class: 'zoom-stage', role: 'img', 'aria-label': image.alt ? Object.values(image.alt)[0]?.t ?? '' : '' });
	const controls = h('div', { class: 'zoom-controls' },
		button(words('zoomIn'), () => viewer?.viewport.zoomBy(1.5), { class: 'round', 'data-action': 'zoom-in' }),
		button(words('zoomOut'), () => viewer?.viewport.zoomBy(1 / 1.5), { class: 'round', 'data-action': 'zoom-out' }),
		button(words('zoomWhole'), () => viewer?.viewport.goHome(), { class: 'round', 'data-action': 'zoom-home' }),
		button(words('zoomClose'), () => { close(); onClose(); }, { class: 'round', 'data-action': 'zoom-close' }));
	host.replaceChildren(stage, controls);
	host.hidden = false;
	viewer = OpenSeadragon({
		element: stage,
		showNavigationControl: false,
		showNavigator: false,
		visibilityRatio: 1,
		constrainDuringPan: true,
		minZoomImageRatio: 1,
		maxZoomPixelRatio: 1.5,
		gestureSettingsTouch: { pinchToZoom: true, flickEnabled: true, clickToZoom: false, dblClickToZoom: true },
		tileSources: {
			width: Math.ceil(zoom.width / factor),
			height: Math.ceil(zoom.height / factor),
			tileSize: zoom.tileSize,
			tileOverlap: 0,
			minLevel: zoom.minLevel,
			maxLevel: zoom.maxLevel,
			getTileUrl: (level: number, x: number, y: number) => zoom.tiles[`${level}/${x}/${y}`] ?? '',
		},
	}) as unknown as Viewer;
}

export function close() {
	viewer?.destroy();
	viewer = null;
	const host = document.getElementById('zoom');
	if (host) {
		host.replaceChildren();
		host.hidden = true;
	}
}

export const isOpen = () => viewer !== null;
