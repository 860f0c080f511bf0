// The media workspace's "Deep zoom" view: the image as the IIIF Image API serves it to the back office
// (published or not), in OpenSeadragon, so a curator can check a scan's detail — an inscription, a hallmark, a
// restorer's note — before it goes public. Keyboard and touch work as in the viewer; the buttons have names.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_MEDIA_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/media';
import OpenSeadragon from 'openseadragon';
import { managementFetch } from '../management-fetch.js';

type State = 'loading' | 'ready' | 'none' | 'failed';
type Persisted = { unique?: string; values?: Array<{ alias: string; value?: { src?: string } | null }> } | undefined;

export class ArchiveDeepZoomElement extends UmbLitElement {
	static override properties = { _state: { state: true } };

	declare _state: State;
	#viewer?: OpenSeadragon.Viewer;
	#shown?: string;

	constructor() {
		super();
		this._state = 'loading';
		this.consumeContext(UMB_MEDIA_WORKSPACE_CONTEXT, (context) => {
			// What was saved, not what is being edited: the service reads the stored file.
			this.observe(context?.persistedData, (data) => void this.#show(data as Persisted), 'archiveDeepZoomPersisted');
		});
	}

	async #show(data: Persisted) {
		const src = data?.values?.find((v) => v.alias === 'umbracoFile')?.value?.src ?? '';
		const shown = data?.unique ? `${data.unique}|${src}` : undefined;
		if (shown === this.#shown) return;
		this.#shown = shown;
		this.#viewer?.destroy();
		this.#viewer = undefined;
		if (!data?.unique) return;
		this._state = 'loading';
		const response = await managementFetch(`archive/iiif/${data.unique}/info.json`).catch(() => undefined);
		if (shown !== this.#shown) return;
		if (response?.status === 404) {
			this._state = 'none';
			return;
		}
		if (!response?.ok) {
			this._state = 'failed';
			return;
		}
		const info = await response.json();
		this._state = 'ready';
		await this.updateComplete;
		const element = this.renderRoot.querySelector<HTMLElement>('#viewer');
		if (!element || shown !== this.#shown) return;
		this.#viewer = OpenSeadragon({
			element,
			tileSources: info,
			// The access token stays in its HttpOnly cookie: the bearer placeholder tells the server to take it from there.
			loadTilesWithAjax: true,
			ajaxHeaders: { Authorization: 'Bearer [redacted]' },
			drawer: 'canvas',
			showNavigationControl: false,
			visibilityRatio: 0.5,
			maxZoomPixelRatio: 2,
			gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
		});
		// The canvas takes the keys; a screen reader says what it is and which keys it answers to.
		const canvas = this.#viewer.canvas as HTMLElement;
		canvas.setAttribute('role', 'application');
		canvas.setAttribute('aria-label', this.localize.term('archive_deepZoomOf'));
		canvas.setAttribute('aria-describedby', 'keys');
		this.#viewer.addHandler('open-failed', () => (this._state = 'failed'));
	}

	#zoom(factor: number) {
		const viewport = this.#viewer?.viewport;
		if (!viewport) return;
		viewport.zoomBy(factor);
		viewport.applyConstraints();
	}

	#fullScreen() {
		const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
		if (document.fullscreenElement) void document.exitFullscreen();
		else void frame?.requestFullscreen?.();
	}

	override disconnectedCallback() {
		this.#viewer?.destroy();
		this.#viewer = undefined;
		this.#shown = undefined;
		super.disconnectedCallback();
	}

	override render() {
		if (this._state === 'none' || this._state === 'failed')
			return html`<uui-box><p role="status">${this.localize.term(this._state === 'none' ? 'archive_noImage' : 'archive_zoomFailed')}</p></uui-box>`;
		return html`
			<uui-box headline=${this.localize.term('archive_deepZoom')}>
				<div class="frame">
					<div class="tools" role="toolbar" aria-label=${this.localize.term('archive_deepZoom')}>
						<uui-button look="secondary" compact label=${this.localize.term('archive_zoomIn')} @click=${() => this.#zoom(1.5)}>+</uui-button>
						<uui-button look="secondary" compact label=${this.localize.term('archive_zoomOut')} @click=${() => this.#zoom(1 / 1.5)}>−</uui-button>
						<uui-button look="secondary" label=${this.localize.term('archive_zoomWhole')} @click=${() => this.#viewer?.viewport.goHome()}></uui-button>
						<uui-button look="secondary" label=${this.localize.term('archive_rotate')}
							@click=${() => this.#viewer?.viewport.setRotation((this.#viewer.viewport.getRotation() + 90) % 360)}></uui-button>
						<uui-button look="secondary" label=${this.localize.term('archive_fullScreen')} @click=${this.#fullScreen}></uui-button>
					</div>
					<div id="viewer" aria-busy=${this._state === 'loading' ? 'true' : 'false'}></div>
				</div>
				<p id="keys" class="keys">${this.localize.term('archive_deepZoomKeys')}</p>
			</uui-box>
		`;
	}

	static override styles = css`
		:host { display: block; padding: var(--uui-size-layout-1); }
		.frame { display: flex; flex-direction: column; gap: var(--uui-size-space-3); background: var(--uui-color-surface); }
		.frame:fullscreen { padding: var(--uui-size-space-4); }
		.tools { display: flex; flex-wrap: wrap; gap: var(--uui-size-space-2); }
		#viewer { height: min(70vh, 48rem); min-height: 16rem; background: var(--uui-color-surface-alt); border-radius: var(--uui-border-radius); }
		.frame:fullscreen #viewer { flex: 1; height: auto; }
		.keys { margin: var(--uui-size-space-3) 0 0; color: var(--uui-color-text-alt); }
	`;
}

customElements.define('archive-media-deep-zoom', ArchiveDeepZoomElement);
export { ArchiveDeepZoomElement as element };
