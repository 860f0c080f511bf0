// Archive's additions to the exhibition stop workspace: the registrar's documents, with their words.
import { registrarLocalizations } from './localizations.js';

export const registrarManifests = [
	{
		type: 'workspaceView',
		alias: 'Archive.WorkspaceView.Document.Registrar',
		name: 'Archive registrar documents',
		element: () => import('./registrar.element.js'),
		weight: 150,
		meta: { label: '#archive_registrar', pathname: 'registrar', icon: 'icon-clipboard' },
		conditions: [
			{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' },
			{ alias: 'Umb.Condition.WorkspaceContentTypeAlias', oneOf: ['exhibitionStop'] },
			{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
		],
	},
	{
		type: 'workspaceView',
		alias: 'Archive.WorkspaceView.Document.LoanAgreement',
		name: 'Archive loan agreement summary',
		element: () => import('./agreement.element.js'),
		weight: 150,
		meta: { label: '#archive_loanAgreementView', pathname: 'agreement', icon: 'icon-document' },
		conditions: [
			{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' },
			{ alias: 'Umb.Condition.WorkspaceContentTypeAlias', oneOf: ['loan'] },
			{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
		],
	},
	...Object.entries(registrarLocalizations).map(([culture, localizations]) => ({
		type: 'localization',
		alias: `Archive.Localization.Registrar.${culture}`,
		name: `Archive registrar ${culture}`,
		meta: { culture, localizations },
	})),
] as Array<UmbExtensionManifest>;
