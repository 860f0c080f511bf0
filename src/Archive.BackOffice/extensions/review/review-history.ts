// One review step as the info app and the dashboard draw it: what happened, who, when, and the comment.
import { html, nothing } from '@umbraco-cms/backoffice/external/lit';
import type { UmbLocalizationController } from '@umbraco-cms/backoffice/localization-api';
import type { ReviewStep } from './review-api.js';

export const stepColor = (action: ReviewStep['action']) => (action === 'Approved' ? 'positive' : action === 'Returned' ? 'warning' : 'default');

export function renderStep(localize: UmbLocalizationController, step: ReviewStep) {
	return html`
		<uui-tag look="secondary" color=${stepColor(step.action)}>${localize.term(`archive_state${step.action}`)}</uui-tag>
		<span class="who">${step.actor}</span>
		<time datetime=${step.timestamp}>${localize.date(step.timestamp, { dateStyle: 'medium', timeStyle: 'short' })}</time>
		${step.cultures.length ? html`<span class="cultures">${step.cultures.join(', ')}</span>` : nothing}
		${step.comment ? html`<blockquote>${step.comment}</blockquote>` : nothing}
	`;
}
