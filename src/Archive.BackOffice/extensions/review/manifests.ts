// The review workflow in the back office: its steps as workspace actions on a record, shown only when the
// server would accept them; the record's review in its Info tab; the "Awaiting review" dashboard.
import { reviewLocalizations } from './localizations.js';

const onRecord = [
	{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' },
	{ alias: 'Umb.Condition.EntityIsNotTrashed' },
	{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
];

const step = (name: 'submit' | 'approve' | 'return', look: 'primary' | 'secondary', color: 'positive' | 'warning' | 'default', weight: number) => ({
	type: 'workspaceAction',
	kind: 'default',
	alias: `Archive.WorkspaceAction.Document.Review.${name[0].toUpperCase()}${name.slice(1)}`,
	name: `Archive review: ${name}`,
	weight,
	api: () => import('./review.action.js'),
	meta: { label: `#archive_${name}`, look, color, step: name },
	conditions: [...onRecord, { alias: 'Archive.Condition.ReviewStep', step: name }],
});

export const reviewManifests = [
	{ type: 'condition', alias: 'Archive.Condition.ReviewStep', name: 'Archive review step condition', api: () => import('./review-step.condition.js') },
	{ type: 'modal', alias: 'Archive.Modal.ReviewComment', name: 'Archive review comment', element: () => import('./review-comment-modal.element.js') },
	step('submit', 'secondary', 'default', 75),
	step('return', 'secondary', 'warning', 74),
	step('approve', 'primary', 'positive', 73),
	{
		type: 'workspaceInfoApp',
		alias: 'Archive.WorkspaceInfoApp.Document.Review',
		name: 'Archive review info app',
		element: () => import('./review-info-app.element.js'),
		weight: 90,
		conditions: [{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' }],
	},
	{
		type: 'dashboard',
		alias: 'Archive.Dashboard.AwaitingReview',
		name: 'Archive awaiting review',
		element: () => import('./awaiting-review-dashboard.element.js'),
		weight: 100,
		meta: { label: '#archive_awaitingReview', pathname: 'awaiting-review' },
		conditions: [{ alias: 'Umb.Condition.SectionAlias', match: 'Umb.Section.Content' }],
	},
	...Object.entries(reviewLocalizations).map(([culture, localizations]) => ({
		type: 'localization',
		alias: `Archive.Localization.${culture}`,
		name: `Archive ${culture}`,
		meta: { culture, localizations },
	})),
] as Array<UmbExtensionManifest>;
