// Shows a review action only when the server would accept it from this person on this record now
// (its review says canSubmit / canReview), and again after every step taken here.
import { UmbConditionBase } from '@umbraco-cms/backoffice/extension-registry';
import type { UmbConditionConfigBase, UmbConditionControllerArguments, UmbExtensionCondition } from '@umbraco-cms/backoffice/extension-api';
import type { UmbControllerHost } from '@umbraco-cms/backoffice/controller-api';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';
import { readReview, reviewChanges, type ReviewStepName } from './review-api.js';

export interface ReviewStepConditionConfig extends UmbConditionConfigBase<'Archive.Condition.ReviewStep'> {
	step: ReviewStepName;
}

export class ArchiveReviewStepCondition extends UmbConditionBase<ReviewStepConditionConfig> implements UmbExtensionCondition {
	#unique?: string | null;
	#onChange = (event: Event) => {
		if ((event as CustomEvent<string>).detail === this.#unique) void this.#check();
	};

	constructor(host: UmbControllerHost, args: UmbConditionControllerArguments<ReviewStepConditionConfig>) {
		super(host, args);
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => {
				this.#unique = unique;
				void this.#check();
			}, 'archiveReviewStepUnique');
		});
		reviewChanges.addEventListener('change', this.#onChange);
	}

	async #check() {
		const unique = this.#unique;
		const review = unique ? await readReview(unique) : undefined;
		if (unique !== this.#unique) return;
		this.permitted = !!review && (this.config.step === 'submit' ? review.canSubmit : review.canReview);
	}

	override destroy() {
		reviewChanges.removeEventListener('change', this.#onChange);
		super.destroy();
	}
}

export { ArchiveReviewStepCondition as api };
