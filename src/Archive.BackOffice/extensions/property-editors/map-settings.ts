// The map tiles the archive is configured with (Archive:Maps), asked once per page.
import { managementFetch } from '../management-fetch.js';

export type MapSettings = { tileUrl: string; attribution?: string; maxZoom: number };

let settings: Promise<MapSettings | undefined> | undefined;

export function mapSettings(): Promise<MapSettings | undefined> {
	settings ??= managementFetch('archive/map')
		.then((response) => (response.ok ? response.json() : undefined))
		.then((body) => (body?.tileUrl ? (body as MapSettings) : undefined))
		.catch(() => {
			settings = undefined;
			return undefined;
		});
	return settings;
}
