// The exhibition stop workspace's "Registrar" view: links to the stop's printable pack list and condition-check
// forms and to its checklist as CSV, in the curator's UI language. The documents are served by the Management API
// and opened with the back office's sign-in cookie.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';

const api = '/umbraco/management/api/v1/archive/exhibition-stop';

export class ArchiveRegistrarElement extends UmbLitElement {
	static override properties = { _unique: { state: true } };

	declare _unique: string | undefined;

	constructor() {
		super();
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => (this._unique = unique ?? undefined), 'archiveRegistrarUnique');
		});
	}

	#link(path: string, label: string, hint: string) {
		const culture = encodeURIComponent(this.localize.lang() || 'en');
		const href = `${api}/${this._unique}/${path}${path.includes('?') ? '&' : '?'}culture=${culture}`;
		return html`<li>
			<a href=${href} target="_blank" rel="noopener">${this.localize.term(label)}<span class="visually-hidden"> (${this.localize.term('archive_opensInNewTab')})</span></a>
			<p>${this.localize.term(hint)}</p>
		</li>`;
	}

	override render() {
		if (!this._unique) return nothing;
		return html`
			<uui-box headline=${this.localize.term('archive_registrarDocuments')}>
				<p>${this.localize.term('archive_registrarIntro')}</p>
				<ul>
					${this.#link('pack-list', 'archive_packList', 'archive_packListHint')}
					${this.#link('condition-checks', 'archive_conditionChecks', 'archive_conditionChecksHint')}
					${this.#link('checklist.csv', 'archive_checklistCsv', 'archive_checklistCsvHint')}
				</ul>
			</uui-box>
		`;
	}

	static override styles = css`
		:host { display: block; padding: var(--uui-size-layout-1); }
		ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--uui-size-space-4); }
		a { font-weight: 700; color: var(--uui-color-interactive); }
		a:hover, a:focus { color: var(--uui-color-interactive-emphasis); }
		li p { margin: var(--uui-size-space-1) 0 0; color: var(--uui-color-text-alt); }
		.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
	`;
}

customElements.define('archive-registrar', ArchiveRegistrarElement);
export { ArchiveRegistrarElement as element };
