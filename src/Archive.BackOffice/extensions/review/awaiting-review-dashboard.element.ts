// The content section's "Awaiting review" dashboard: the records submitted for review within one's reach,
// oldest first, each with who sent it, when, for which languages and with what comment; and below, the
// records returned for changes. Each opens the record, where the review actions are.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { readQueue, reviewChanges, nameIn, type QueueItem } from './review-api.js';
import { renderStep } from './review-history.js';

export class ArchiveAwaitingReviewDashboardElement extends UmbLitElement {
	static override properties = { _waiting: { state: true }, _returned: { state: true } };

	declare _waiting?: QueueItem[];
	declare _returned?: QueueItem[];
	#onChange = () => void this.#load();

	override connectedCallback() {
		super.connectedCallback();
		reviewChanges.addEventListener('change', this.#onChange);
		void this.#load();
	}

	override disconnectedCallback() {
		reviewChanges.removeEventListener('change', this.#onChange);
		super.disconnectedCallback();
	}

	async #load() {
		const [waiting, returned] = await Promise.all([readQueue('Submitted'), readQueue('Returned')]);
		this._waiting = waiting.items;
		this._returned = returned.items;
	}

	/** The record's workspace in the language it was submitted in (else the back office's, else its first). */
	#address(item: QueueItem) {
		const language = this.localize.lang().slice(0, 2).toLowerCase();
		const culture = item.step.cultures[0]
			?? item.variants.find((v) => v.culture?.slice(0, 2).toLowerCase() === language)?.culture
			?? item.variants[0]?.culture;
		return `section/content/workspace/document/edit/${item.id}${culture ? `/${culture}` : ''}`;
	}

	#table(items: QueueItem[] | undefined, empty: string) {
		if (!items) return html`<uui-loader></uui-loader>`;
		if (!items.length) return html`<p>${this.localize.term(empty)}</p>`;
		return html`
			<ul class="queue">
				${items.map((item) => html`
					<li>
						<a href=${this.#address(item)}>
							<umb-icon name=${item.documentType.icon || 'icon-document'}></umb-icon>
							${nameIn(item.variants, this.localize.lang())}
						</a>
						<div class="step">${renderStep(this.localize, item.step)}</div>
					</li>`)}
			</ul>
		`;
	}

	override render() {
		return html`
			<uui-box headline=${this.localize.term('archive_awaitingReview')}>
				${this._waiting ? html`<span slot="header-actions" class="count">${this._waiting.length}</span>` : nothing}
				${this.#table(this._waiting, 'archive_nothingWaiting')}
			</uui-box>
			<uui-box headline=${this.localize.term('archive_returnedForChanges')}>
				${this.#table(this._returned, 'archive_nothingReturned')}
			</uui-box>
		`;
	}

	static override styles = css`
		:host { display: grid; gap: var(--uui-size-layout-1); padding: var(--uui-size-layout-1); }
		.queue { list-style: none; margin: 0; padding: 0; }
		.queue li { padding: var(--uui-size-space-4) 0; border-bottom: 1px solid var(--uui-color-divider); }
		.queue li:last-child { border-bottom: none; }
		.queue a { display: inline-flex; gap: var(--uui-size-space-2); align-items: center; font-weight: bold; color: var(--uui-color-interactive); }
		.queue a:hover, .queue a:focus { color: var(--uui-color-interactive-emphasis); text-decoration: underline; }
		.step { display: flex; flex-wrap: wrap; gap: var(--uui-size-space-2) var(--uui-size-space-3); align-items: baseline; margin-top: var(--uui-size-space-2); }
		.step blockquote { flex-basis: 100%; margin: 0; padding-inline-start: var(--uui-size-space-3); border-inline-start: 3px solid var(--uui-color-border); }
		.step time, .step .cultures { color: var(--uui-color-text-alt); }
		.count { font-weight: bold; }
	`;
}

customElements.define('archive-awaiting-review-dashboard', ArchiveAwaitingReviewDashboardElement);
export { ArchiveAwaitingReviewDashboardElement as element };
