// Archive's addition to the artefact workspace: the object's movement ledger, where it is now and its condition checks.
import { ledgerLocalizations } from './localizations.js';

export const ledgerManifests = [
	{
		type: 'workspaceView',
		alias: 'Archive.WorkspaceView.Document.Movements',
		name: 'Archive movements',
		element: () => import('./movements.element.js'),
		weight: 140,
		meta: { label: '#archive_ledger_movements', pathname: 'movements', icon: 'icon-truck' },
		conditions: [
			{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' },
			{ alias: 'Umb.Condition.WorkspaceContentTypeAlias', oneOf: ['artefact'] },
			{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
		],
	},
	...Object.entries(ledgerLocalizations).map(([culture, localizations]) => ({
		type: 'localization',
		alias: `Archive.Localization.Ledger.${culture}`,
		name: `Archive ledger ${culture}`,
		meta: { culture, localizations },
	})),
] as Array<UmbExtensionManifest>;
