// The editor of Archive.HistoricalDating: the curator writes a dating as it is written in the sources
// ("c. 1840", "1850s", "конец XIX века"); as they type, the archive says which years it takes it to mean,
// in the curator's language, so a misreading is seen before it is saved.
import { LitElement, html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbElementMixin } from '@umbraco-cms/backoffice/element-api';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';
import { managementFetch } from '../management-fetch.js';
import { term } from './terms.js';

type DatingValue = { text: string; earliest?: number; latest?: number } | undefined;

export class ArchiveHistoricalDatingElement extends UmbElementMixin(LitElement) {
	static override properties = {
		value: { attribute: false },
		readonly: { type: Boolean, reflect: true },
		_meaning: { state: true },
		_problem: { state: true },
	};

	// Reactive properties are declared, not defined as fields: a field would hide Lit's accessor.
	declare value: DatingValue;
	declare readonly: boolean;
	declare _meaning?: { earliest: number; latest: number };
	declare _problem?: string;

	constructor() {
		super();
		this.readonly = false;
	}
	#timer?: number;

	override connectedCallback() {
		super.connectedCallback();
		if (this.value?.earliest !== undefined && this.value?.latest !== undefined)
			this._meaning = { earliest: this.value.earliest, latest: this.value.latest };
	}

	#onInput(event: Event) {
		const text = (event.target as HTMLInputElement).value;
		this.value = text.trim() ? { text } : undefined;
		this.dispatchEvent(new UmbChangeEvent());
		window.clearTimeout(this.#timer);
		this.#timer = window.setTimeout(() => this.#interpret(text), 250);
	}

	async #interpret(text: string) {
		if (!text.trim()) {
			this._meaning = undefined;
			this._problem = undefined;
			return;
		}
		const response = await managementFetch(`archive/dating?text=${encodeURIComponent(text)}`);
		if (response.ok) {
			const dating = await response.json();
			this._meaning = { earliest: dating.earliest, latest: dating.latest };
			this._problem = undefined;
			this.value = { text, earliest: dating.earliest, latest: dating.latest };
			this.dispatchEvent(new UmbChangeEvent());
		} else {
			this._meaning = undefined;
			this._problem = term(this, 'datingUnknown');
		}
	}

	#years() {
		if (!this._meaning) return nothing;
		const { earliest, latest } = this._meaning;
		const span = earliest === latest ? `${earliest}` : `${earliest}–${latest}`;
		return html`<p id="meaning" class="meaning">${term(this, 'datingMeans')} ${span}</p>`;
	}

	override render() {
		return html`
			<uui-input
				label=${term(this, 'datingLabel')}
				.value=${this.value?.text ?? ''}
				?readonly=${this.readonly}
				aria-describedby="meaning problem"
				@input=${this.#onInput}></uui-input>
			${this.#years()}
			${this._problem ? html`<p id="problem" class="problem" role="alert">${this._problem}</p>` : nothing}
		`;
	}

	static override styles = css`
		:host { display: block; }
		uui-input { width: 100%; }
		.meaning { margin: var(--uui-size-space-2) 0 0; color: var(--uui-color-text-alt); }
		.problem { margin: var(--uui-size-space-2) 0 0; color: var(--uui-color-danger-standalone); }
	`;
}

customElements.define('archive-property-editor-ui-historical-dating', ArchiveHistoricalDatingElement);
export { ArchiveHistoricalDatingElement as element };
