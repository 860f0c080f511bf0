// Archive's back-office package: loaded by the back office through /manifest/manifest/private.
import type { UmbEntryPointOnInit } from '@umbraco-cms/backoffice/extension-api';
import { nameCulturePicker } from './fixes/culture-input-label.js';
import { ignoreContextRequestsOfDetachedElements } from './fixes/detached-context.js';
import { fixNotificationLiveRegion } from './fixes/live-region.js';
import { skipMeasuringReadOnlyTags } from './fixes/read-only-tags.js';
import { readPartsOfEmptyStores } from './fixes/store-part.js';
import { mediaManifests } from './media/manifests.js';
import { ledgerManifests } from './ledger/manifests.js';
import { registrarManifests } from './registrar/manifests.js';
import { kioskManifests } from './kiosks/manifests.js';
import { reviewManifests } from './review/manifests.js';

// Parts of Umbraco's back office that need Umbraco's own server (its news feed, redirect management, preview,
// templating, relations, logs and webhooks) and would only show errors here. The schema (document, media and
// data types) is kept in uSync files, not edited in the back office, so its trees are left out too.
const unsupported = [
	'Umb.Dashboard.UmbracoNews', 'Umb.Dashboard.RedirectManagement', 'Umb.WorkspaceAction.Document.SaveAndPreview',
	'Umb.MenuItem.DocumentTypes', 'Umb.MenuItem.MediaTypes', 'Umb.MenuItem.MemberTypes', 'Umb.MenuItem.DataTypes', 'Umb.MenuItem.DocumentBlueprints',
	'Umb.SectionSidebarMenu.Templating', 'Umb.MenuItem.Relations', 'Umb.MenuItem.LogViewer', 'Umb.MenuItem.Webhook',
];

export const onInit: UmbEntryPointOnInit = (_host, extensionRegistry) => {
	for (const alias of unsupported) extensionRegistry.exclude(alias);
	ignoreContextRequestsOfDetachedElements();
	readPartsOfEmptyStores();
	void skipMeasuringReadOnlyTags();
	void fixNotificationLiveRegion();
	void nameCulturePicker();
	extensionRegistry.registerMany(reviewManifests);
	extensionRegistry.registerMany(mediaManifests);
	extensionRegistry.registerMany(registrarManifests);
	extensionRegistry.registerMany(ledgerManifests);
	extensionRegistry.registerMany(kioskManifests);
	extensionRegistry.registerMany([
		// A record lent for study, not display (its privateRecord flag): marked wherever the back office lists
		// documents — tree, pickers, collections — as Umbraco marks its own states.
		{
			type: 'entitySign',
			kind: 'icon',
			alias: 'Archive.EntitySign.Document.PrivateRecord',
			name: 'Archive private record sign',
			forEntityTypes: ['document'],
			forEntityFlags: ['Archive.PrivateRecord'],
			weight: 900,
			meta: { iconName: 'icon-lock', label: 'Private record: kept from every public channel', iconColorAlias: 'red' },
		},
		// A loan past its end whose objects are not recorded as returned: the registrar follows it up.
		{
			type: 'entitySign',
			kind: 'icon',
			alias: 'Archive.EntitySign.Document.OverdueLoan',
			name: 'Archive overdue loan sign',
			forEntityTypes: ['document'],
			forEntityFlags: ['Archive.OverdueLoan'],
			weight: 800,
			meta: { iconName: 'icon-alert', label: 'Overdue loan: past its end and not returned', iconColorAlias: 'red' },
		},
		{
			type: 'propertyEditorUi',
			alias: 'Archive.PropertyEditorUi.HistoricalDating',
			name: 'Archive historical dating',
			element: () => import('./property-editors/historical-dating.element.js'),
			meta: { label: 'Historical dating', propertyEditorSchemaAlias: 'Archive.HistoricalDating', icon: 'icon-calendar', group: 'pickers' },
		},
		{
			type: 'propertyEditorUi',
			alias: 'Archive.PropertyEditorUi.GeoPoint',
			name: 'Archive geographic point',
			element: () => import('./property-editors/geo-point.element.js'),
			meta: { label: 'Geographic point', propertyEditorSchemaAlias: 'Archive.GeoPoint', icon: 'icon-map-location', group: 'pickers' },
		},
	]);
};
