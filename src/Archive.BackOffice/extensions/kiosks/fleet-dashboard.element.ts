// The "Kiosks" dashboard in Content: every kiosk with its screens and what is wrong with them, silent or stale first.
import { html, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { managementFetch } from '../management-fetch.js';
import { devices, flags, styles, type Kiosk } from './fleet.js';

export class ArchiveKioskFleetElement extends UmbLitElement {
	static override properties = { _kiosks: { state: true } };

	declare _kiosks: Kiosk[] | undefined;

	#refresh = 0;

	override connectedCallback() {
		super.connectedCallback();
		void this.#load();
		this.#refresh = window.setInterval(() => void this.#load(), 15_000);
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		clearInterval(this.#refresh);
	}

	#term = (key: string) => this.localize.term(`archive_kiosk_${key}`);

	async #load() {
		const response = await managementFetch(`archive/kiosk?culture=${encodeURIComponent(this.localize.lang() || 'en')}`);
		const kiosks: Kiosk[] = response.ok ? await response.json() : [];
		this._kiosks = kiosks.sort((a, b) => b.flags.length - a.flags.length);
	}

	override render() {
		if (!this._kiosks) return nothing;
		return html`
			<uui-box headline=${this.#term('kiosks')}>
				<p>${this.#term('kiosksIntro')}</p>
				${this._kiosks.map((k) => html`<section aria-labelledby=${`kiosk-${k.id}`}>
					<h3 id=${`kiosk-${k.id}`}><a href=${`section/content/workspace/document/edit/${k.id}`}>${k.name}</a>${k.parentName ? html` <small>— ${k.parentName}</small>` : nothing}</h3>
					${flags(k.flags, this.#term)}
					${devices(k, this.#term)}
				</section>`)}
			</uui-box>`;
	}

	static override styles = styles;
}

customElements.define('archive-kiosk-fleet', ArchiveKioskFleetElement);
export { ArchiveKioskFleetElement as element };
