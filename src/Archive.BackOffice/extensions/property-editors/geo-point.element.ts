// The editor of Archive.GeoPoint: latitude and longitude as numbers, checked as they are typed (a house
// of friendship, a find spot); usable without any map service.
import { LitElement, html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbElementMixin } from '@umbraco-cms/backoffice/element-api';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';
import { term } from './terms.js';

type GeoPoint = { latitude: number; longitude: number } | undefined;

export class ArchiveGeoPointElement extends UmbElementMixin(LitElement) {
	static override properties = {
		value: { attribute: false },
		readonly: { type: Boolean, reflect: true },
		_problem: { state: true },
	};

	// Reactive properties are declared, not defined as fields: a field would hide Lit's accessor.
	declare value: GeoPoint;
	declare readonly: boolean;
	declare _problem?: string;

	constructor() {
		super();
		this.readonly = false;
	}

	#change(which: 'latitude' | 'longitude', event: Event) {
		const text = (event.target as HTMLInputElement).value.replace(',', '.').trim();
		const number = Number(text);
		const limit = which === 'latitude' ? 90 : 180;
		if (text === '' || Number.isNaN(number) || Math.abs(number) > limit) {
			this._problem = term(this, which === 'latitude' ? 'latitudeRange' : 'longitudeRange');
			return;
		}
		this._problem = undefined;
		const other = which === 'latitude' ? this.value?.longitude : this.value?.latitude;
		this.value = which === 'latitude' ? { latitude: number, longitude: other ?? 0 } : { latitude: other ?? 0, longitude: number };
		this.dispatchEvent(new UmbChangeEvent());
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
		`;
	}

	static override styles = css`
		:host { display: block; }
		.pair { display: flex; gap: var(--uui-size-space-3); flex-wrap: wrap; }
		uui-input { flex: 1 1 10rem; }
		.problem { margin: var(--uui-size-space-2) 0 0; color: var(--uui-color-danger-standalone); }
	`;
}

customElements.define('archive-property-editor-ui-geo-point', ArchiveGeoPointElement);
export { ArchiveGeoPointElement as element };
