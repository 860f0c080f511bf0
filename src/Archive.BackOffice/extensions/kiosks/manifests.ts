// Archive's kiosk fleet in the back office: a "Screens" view in the kiosk workspace (pair by code, revoke, what each
// screen reports, the kiosk's use) and a "Kiosks" dashboard in Content listing every kiosk with its flags.
import { kioskLocalizations } from './localizations.js';

export const kioskManifests = [
	{
		type: 'workspaceView',
		alias: 'Archive.WorkspaceView.Document.KioskScreens',
		name: 'Archive kiosk screens',
		element: () => import('./screens.element.js'),
		weight: 160,
		meta: { label: '#archive_kiosk_screens', pathname: 'screens', icon: 'icon-display' },
		conditions: [
			{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Document' },
			{ alias: 'Umb.Condition.WorkspaceContentTypeAlias', oneOf: ['kiosk'] },
			{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
		],
	},
	{
		type: 'dashboard',
		alias: 'Archive.Dashboard.Kiosks',
		name: 'Archive kiosks',
		element: () => import('./fleet-dashboard.element.js'),
		weight: 90,
		meta: { label: '#archive_kiosk_kiosks', pathname: 'kiosks' },
		conditions: [{ alias: 'Umb.Condition.SectionAlias', match: 'Umb.Section.Content' }],
	},
	...Object.entries(kioskLocalizations).map(([culture, localizations]) => ({
		type: 'localization',
		alias: `Archive.Localization.Kiosk.${culture}`,
		name: `Archive kiosk ${culture}`,
		meta: { culture, localizations },
	})),
] as Array<UmbExtensionManifest>;
