// Submit for review, Approve, Return with comment: the review workflow's steps as workspace actions on a record.
// Submitting saves unsaved changes first (Umbraco's own save, with its choice of languages), so what a curator
// reviews is what the contributor sees.
import { UmbWorkspaceActionBase } from '@umbraco-cms/backoffice/workspace';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';
import { UMB_NOTIFICATION_CONTEXT } from '@umbraco-cms/backoffice/notification';
import { UMB_ACTION_EVENT_CONTEXT } from '@umbraco-cms/backoffice/action';
import { UmbRequestReloadStructureForEntityEvent } from '@umbraco-cms/backoffice/entity-action';
import { UmbLocalizationController } from '@umbraco-cms/backoffice/localization-api';
import { umbOpenModal } from '@umbraco-cms/backoffice/modal';
import { takeStep, type ReviewStepName } from './review-api.js';
import { ARCHIVE_REVIEW_COMMENT_MODAL } from './review-comment.modal-token.js';

export class ArchiveReviewWorkspaceAction extends UmbWorkspaceActionBase<{ step: ReviewStepName }> {
	#localize = new UmbLocalizationController(this);

	override async execute() {
		const step = this.args.meta.step;
		const workspace = await this.getContext(UMB_DOCUMENT_WORKSPACE_CONTEXT);
		const unique = workspace?.getUnique();
		if (!workspace || !unique) return;
		if (step === 'submit' && workspace.getHasUnpersistedChanges()) await workspace.requestSubmit();

		const answer = await umbOpenModal(this, ARCHIVE_REVIEW_COMMENT_MODAL, { data: { step } }).catch(() => undefined);
		if (!answer) return;

		const notifications = await this.getContext(UMB_NOTIFICATION_CONTEXT);
		const refusal = await takeStep(unique, step, answer.comment);
		if (refusal) {
			notifications?.peek('danger', { data: { headline: this.#localize.term('archive_stepRefused'), message: refusal } });
			// The button shows the step failed, as Umbraco's own actions do.
			throw new Error(refusal);
		}
		notifications?.peek('positive', { data: { headline: this.#localize.term(`archive_${step}Done`), message: answer.comment } });
		if (step === 'approve') {
			// Approving published the record: its workspace and its place in the tree show the new state.
			await workspace.reload();
			const events = await this.getContext(UMB_ACTION_EVENT_CONTEXT);
			events?.dispatchEvent(new UmbRequestReloadStructureForEntityEvent({ unique, entityType: workspace.getEntityType() }));
		}
	}
}

export { ArchiveReviewWorkspaceAction as api };
