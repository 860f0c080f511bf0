// The dialog of a review step: what will happen, and the comment that goes with it into the record's history.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbModalBaseElement } from '@umbraco-cms/backoffice/modal';
import type { ReviewCommentModalData, ReviewCommentModalValue } from './review-comment.modal-token.js';

export class ArchiveReviewCommentModalElement extends UmbModalBaseElement<ReviewCommentModalData, ReviewCommentModalValue> {
	static override properties = { _comment: { state: true }, _missing: { state: true } };

	declare _comment: string;
	declare _missing: boolean;

	constructor() {
		super();
		this._comment = '';
		this._missing = false;
	}

	get #step() {
		return this.data?.step ?? 'submit';
	}

	#confirm() {
		if (this.#step === 'return' && !this._comment.trim()) {
			this._missing = true;
			this.shadowRoot?.querySelector<HTMLElement>('uui-textarea')?.focus();
			return;
		}
		this.updateValue({ comment: this._comment.trim() });
		this._submitModal();
	}

	override render() {
		const step = this.#step;
		const required = step === 'return';
		return html`
			<umb-body-layout headline=${this.localize.term(`archive_${step}Headline`)}>
				<p>${this.localize.term(`archive_${step}Explained`)}</p>
				<uui-label for="comment" ?required=${required}>${this.localize.term(required ? 'archive_commentRequired' : 'archive_commentOptional')}</uui-label>
				<uui-textarea id="comment" label=${this.localize.term(required ? 'archive_commentRequired' : 'archive_commentOptional')}
					.value=${this._comment} ?required=${required} aria-invalid=${this._missing ? 'true' : 'false'} aria-describedby=${this._missing ? 'missing' : nothing}
					@input=${(e: Event) => {
						this._comment = (e.target as HTMLTextAreaElement).value;
						this._missing = false;
					}}></uui-textarea>
				${this._missing ? html`<p id="missing" class="problem" role="alert">${this.localize.term('archive_commentMissing')}</p>` : nothing}
				<div slot="actions">
					<uui-button label=${this.localize.term('general_cancel')} @click=${() => this._rejectModal()}></uui-button>
					<uui-button look="primary" color=${step === 'return' ? 'warning' : 'positive'} label=${this.localize.term(`archive_${step}`)}
						@click=${() => this.#confirm()}></uui-button>
				</div>
			</umb-body-layout>
		`;
	}

	static override styles = css`
		uui-textarea { width: 100%; --uui-textarea-min-height: 6rem; }
		uui-label { display: block; margin-bottom: var(--uui-size-space-2); }
		.problem { color: var(--uui-color-danger-standalone); margin: var(--uui-size-space-2) 0 0; }
	`;
}

customElements.define('archive-review-comment-modal', ArchiveReviewCommentModalElement);
export { ArchiveReviewCommentModalElement as element };
