// The editor of Archive.GeoPoint: latitude and longitude as numbers, checked as they are typed (a house
// of friendship, a find spot), and a map to place the point on where the archive has map tiles configured.
// Without tiles, or without a pointer, the numbers are the whole editor.
import { LitElement, html, css, nothing, unsafeCSS, type PropertyValues } from '@umbraco-cms/backoffice/external/lit';
import { UmbElementMixin } from '@umbraco-cms/backoffice/element-api';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';
import { Map as LeafletMap, TileLayer, CircleMarker, Control, type LeafletMouseEvent } from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css';
import { mapSettings, type MapSettings } from './map-settings.js';
import { term } from './terms.js';

type GeoPoint = { latitude: number; longitude: number } | undefined;

// Where a map without a point opens: Kazakhstan whole.
const country = { center: [48.0, 67.0] as [number, number], zoom: 4 };

export class ArchiveGeoPointElement extends UmbElementMixin(LitElement) {
	static override properties = {
		value: { attribute: false },
		readonly: { type: Boolean, reflect: true },
		_problem: { state: true },
		_map: { state: true },
	};

	// Reactive properties are declared, not defined as fields: a field would hide Lit's accessor.
	declare value: GeoPoint;
	declare readonly: boolean;
	declare _problem?: string;
	declare _map?: MapSettings;
	#leaflet?: LeafletMap;
	#marker?: CircleMarker;
	#resize = new ResizeObserver(() => this.#leaflet?.invalidateSize());

	constructor() {
		super();
		this.readonly = false;
	}

	override connectedCallback() {
		super.connectedCallback();
		void mapSettings().then((settings) => (this._map = settings));
	}

	override disconnectedCallback() {
		this.#resize.disconnect();
		this.#leaflet?.remove();
		this.#leaflet = undefined;
		this.#marker = undefined;
		super.disconnectedCallback();
	}

	#set(point: { latitude: number; longitude: number }) {
		this._problem = undefined;
		this.value = point;
		this.dispatchEvent(new UmbChangeEvent());
	}

	#change(which: 'latitude' | 'longitude', event: Event) {
		const text = (event.target as HTMLInputElement).value.replace(',', '.').trim();
		const number = Number(text);
		const limit = which === 'latitude' ? 90 : 180;
		if (text === '' || Number.isNaN(number) || Math.abs(number) > limit) {
			this._problem = term(this, which === 'latitude' ? 'latitudeRange' : 'longitudeRange');
			return;
		}
		const other = which === 'latitude' ? this.value?.longitude : this.value?.latitude;
		this.#set(which === 'latitude' ? { latitude: number, longitude: other ?? 0 } : { latitude: other ?? 0, longitude: number });
	}

	protected override updated(changed: PropertyValues) {
		super.updated(changed);
		if (this._map && !this.#leaflet) this.#drawMap(this._map);
		if (changed.has('value') || changed.has('_map')) this.#placeMarker();
	}

	#drawMap(settings: MapSettings) {
		const element = this.renderRoot.querySelector<HTMLElement>('#map');
		if (!element) return;
		const map = new LeafletMap(element, { zoomControl: false, attributionControl: true });
		new Control.Zoom({ zoomInTitle: term(this, 'zoomIn'), zoomOutTitle: term(this, 'zoomOut') }).addTo(map);
		// Leaflet writes attributions as markup; the configured one is the provider's text, so it is escaped first.
		const attribution = (settings.attribution ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		new TileLayer(settings.tileUrl, { maxZoom: settings.maxZoom, attribution }).addTo(map);
		map.attributionControl.setPrefix(false);
		const point = this.value;
		if (point) map.setView([point.latitude, point.longitude], 12);
		else map.setView(country.center, country.zoom);
		if (!this.readonly)
			map.on('click', (event: LeafletMouseEvent) => {
				const { lat, lng } = event.latlng.wrap();
				this.#set({ latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lng * 1e6) / 1e6 });
			});
		map.getContainer().setAttribute('aria-label', term(this, 'map'));
		map.getContainer().setAttribute('aria-describedby', 'map-help');
		this.#leaflet = map;
		this.#resize.observe(element);
	}

	#placeMarker() {
		const map = this.#leaflet;
		const point = this.value;
		if (!map) return;
		if (!point) {
			this.#marker?.remove();
			this.#marker = undefined;
			return;
		}
		const at: [number, number] = [point.latitude, point.longitude];
		if (this.#marker) this.#marker.setLatLng(at);
		else this.#marker = new CircleMarker(at, { radius: 9, weight: 3, color: '#1b264f', fillColor: '#f5c1bc', fillOpacity: 0.9, interactive: false }).addTo(map);
		if (!map.getBounds().contains(at)) map.panTo(at);
	}

	override render() {
		return html`
			<div class="pair">
				<uui-input type="text" inputmode="decimal" label=${term(this, 'latitude')} placeholder=${term(this, 'latitude')}
					.value=${this.value?.latitude?.toString() ?? ''} ?readonly=${this.readonly}
					@change=${(e: Event) => this.#change('latitude', e)}></uui-input>
				<uui-input type="text" inputmode="decimal" label=${term(this, 'longitude')} placeholder=${term(this, 'longitude')}
					.value=${this.value?.longitude?.toString() ?? ''} ?readonly=${this.readonly}
					@change=${(e: Event) => this.#change('longitude', e)}></uui-input>
			</div>
			${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
			${this._map
				? html`<div id="map" role="application"></div>${this.readonly ? nothing : html`<p id="map-help" class="help">${term(this, 'mapHelp')}</p>`}`
				: nothing}
		`;
	}

	static override styles = [
		unsafeCSS(leafletCss),
		css`
			:host { display: block; }
			.pair { display: flex; gap: var(--uui-size-space-3); flex-wrap: wrap; }
			uui-input { flex: 1 1 10rem; }
			.problem { margin: var(--uui-size-space-2) 0 0; color: var(--uui-color-danger-standalone); }
			#map { height: 18rem; margin-top: var(--uui-size-space-3); border-radius: var(--uui-border-radius); border: 1px solid var(--uui-color-border); }
			#map:focus-visible { outline: 2px solid var(--uui-color-focus); outline-offset: 2px; }
			.help { margin: var(--uui-size-space-2) 0 0; color: var(--uui-color-text-alt); }
			.leaflet-container a { color: #0b5b8a; }
		`,
	];
}

customElements.define('archive-property-editor-ui-geo-point', ArchiveGeoPointElement);
export { ArchiveGeoPointElement as element };
