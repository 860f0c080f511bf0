// Archive's additions to the media workspace: the deep-zoom preview of an image, with its words.
import { mediaLocalizations } from './localizations.js';

export const mediaManifests = [
	{
		type: 'workspaceView',
		alias: 'Archive.WorkspaceView.Media.DeepZoom',
		name: 'Archive media deep zoom',
		element: () => import('./deep-zoom.element.js'),
		weight: 150,
		meta: { label: '#archive_deepZoom', pathname: 'deep-zoom', icon: 'icon-zoom-in' },
		conditions: [
			{ alias: 'Umb.Condition.WorkspaceAlias', match: 'Umb.Workspace.Media' },
			{ alias: 'Umb.Condition.WorkspaceContentTypeAlias', oneOf: ['Image'] },
			{ alias: 'Umb.Condition.WorkspaceEntityIsNew', match: false },
		],
	},
	...Object.entries(mediaLocalizations).map(([culture, localizations]) => ({
		type: 'localization',
		alias: `Archive.Localization.Media.${culture}`,
		name: `Archive media ${culture}`,
		meta: { culture, localizations },
	})),
] as Array<UmbExtensionManifest>;
