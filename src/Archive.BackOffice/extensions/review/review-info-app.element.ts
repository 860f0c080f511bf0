// The record's review in its Info tab: where it stands, and every step with its comment — so a contributor
// reads why a record came back, and a curator what was asked of it.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';
import { readReview, reviewChanges, type Review } from './review-api.js';
import { renderStep } from './review-history.js';

export class ArchiveReviewInfoAppElement extends UmbLitElement {
	static override properties = { _review: { state: true } };

	declare _review?: Review;
	#unique?: string | null;
	#onChange = (event: Event) => {
		if ((event as CustomEvent<string>).detail === this.#unique) void this.#load();
	};

	constructor() {
		super();
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => {
				this.#unique = unique;
				void this.#load();
			}, 'archiveReviewInfoUnique');
		});
	}

	override connectedCallback() {
		super.connectedCallback();
		reviewChanges.addEventListener('change', this.#onChange);
	}

	override disconnectedCallback() {
		reviewChanges.removeEventListener('change', this.#onChange);
		super.disconnectedCallback();
	}

	async #load() {
		this._review = this.#unique ? await readReview(this.#unique) : undefined;
	}

	override render() {
		const review = this._review;
		if (!review || review.state === 'None') return nothing;
		return html`
			<umb-workspace-info-app-layout headline="#archive_review">
				<div id="content">
					<p class="state">${this.localize.term(`archive_now${review.state}`)}</p>
					<ol>
						${[...review.history].reverse().map((step) => html`<li>${renderStep(this.localize, step)}</li>`)}
					</ol>
				</div>
			</umb-workspace-info-app-layout>
		`;
	}

	static override styles = css`
		#content { padding: var(--uui-size-space-4) var(--uui-size-space-5); }
		.state { margin: 0 0 var(--uui-size-space-4); font-weight: bold; }
		ol { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--uui-size-space-4); }
		li { display: flex; flex-wrap: wrap; gap: var(--uui-size-space-2) var(--uui-size-space-3); align-items: baseline; }
		blockquote { flex-basis: 100%; margin: 0; padding-inline-start: var(--uui-size-space-3); border-inline-start: 3px solid var(--uui-color-border); }
		time, .cultures { color: var(--uui-color-text-alt); }
	`;
}

customElements.define('archive-review-info-app', ArchiveReviewInfoAppElement);
export { ArchiveReviewInfoAppElement as element };
