// The loan workspace's "Agreement" view: a link to the loan's printable agreement summary (parties, period and
// venues, conditions, courier, the objects with their values and where they are now) in the curator's UI language.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';

export class ArchiveAgreementElement extends UmbLitElement {
	static override properties = { _unique: { state: true } };

	declare _unique: string | undefined;

	constructor() {
		super();
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => (this._unique = unique ?? undefined), 'archiveAgreementUnique');
		});
	}

	override render() {
		if (!this._unique) return nothing;
		const href = `/umbraco/management/api/v1/archive/loan/${this._unique}/agreement?culture=${encodeURIComponent(this.localize.lang() || 'en')}`;
		return html`
			<uui-box headline=${this.localize.term('archive_loanAgreement')}>
				<p>${this.localize.term('archive_loanAgreementHint')}</p>
				<a href=${href} target="_blank" rel="noopener">${this.localize.term('archive_loanAgreement')}<span class="visually-hidden"> (${this.localize.term('archive_opensInNewTab')})</span></a>
			</uui-box>
		`;
	}

	static override styles = css`
		:host { display: block; padding: var(--uui-size-layout-1); }
		a { font-weight: 700; color: var(--uui-color-interactive); }
		a:hover, a:focus { color: var(--uui-color-interactive-emphasis); }
		.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
	`;
}

customElements.define('archive-agreement', ArchiveAgreementElement);
export { ArchiveAgreementElement as element };
