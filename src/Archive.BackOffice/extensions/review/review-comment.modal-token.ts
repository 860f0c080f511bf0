import { UmbModalToken } from '@umbraco-cms/backoffice/modal';
import type { ReviewStepName } from './review-api.js';

export interface ReviewCommentModalData {
	step: ReviewStepName;
}

export interface ReviewCommentModalValue {
	comment: string;
}

/** Asks for the comment a review step carries: optional when submitting or approving, required when returning. */
export const ARCHIVE_REVIEW_COMMENT_MODAL = new UmbModalToken<ReviewCommentModalData, ReviewCommentModalValue>('Archive.Modal.ReviewComment', {
	modal: { type: 'dialog', size: 'small' },
});
