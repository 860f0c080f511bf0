// Maps of public places from the Delivery API's GeoJSON, carried by the page (museums, Houses of Friendship, exhibition stops, routes).
// With base tiles configured they lie on the tiles; without, on a plain background, where the features still show
// where they are. The list beside every map is the same places as links: the map adds the picture, not the content.
import L from 'leaflet';

type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>;

const colours: Record<string, string> = { museum: '#7a3b00', venue: '#0b5394', houseOfFriendship: '#38761d', stop: '#a61c00', route: '#5b3f8c' };

export function drawMap(element: HTMLElement) {
	const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	const map = L.map(element, { zoomAnimation: !reduced, fadeAnimation: !reduced, markerZoomAnimation: !reduced, keyboard: true, scrollWheelZoom: false });
	// The library's name, plainly (its default prefix carries a flag).
	map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
	element.setAttribute('aria-label', element.dataset.label ?? '');
	element.setAttribute('role', 'region');
	if (element.dataset.tiles) {
		L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution ?? '', maxZoom: Number(element.dataset.maxZoom ?? 18) }).addTo(map);
	} else {
		element.classList.add('map-plain');
	}
	map.setView([48.0, 67.0], 4);
	// The map's state, on its element: what it shows is readable without reaching into Leaflet.
	const report = () => {
		const center = map.getCenter();
		element.dataset.zoom = String(map.getZoom());
		element.dataset.center = `${center.lat.toFixed(3)},${center.lng.toFixed(3)}`;
	};
	map.on('zoomend moveend', report);
	try {
		// The page carries its features (the same the Delivery API's geo endpoint gives): nothing more to fetch.
		const source = document.getElementById(element.dataset.map!);
		if (!source?.textContent) return;
		const collection = JSON.parse(source.textContent) as GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;
		const layer = L.geoJSON(collection, {
			pointToLayer: (feature: Feature, at) =>
				L.circleMarker(at, { radius: 8, weight: 2, color: '#fff', fillColor: colours[String(feature.properties.kind)] ?? '#333', fillOpacity: 0.95 }),
			style: (feature) => ({ color: colours[String(feature?.properties?.kind)] ?? '#333', weight: 4, opacity: 0.85 }),
			onEachFeature: (feature: Feature, item) => {
				const name = String(feature.properties.name ?? '');
				// The page's list links each place: the popup links to the same page.
				const link = document.querySelector<HTMLAnchorElement>(`a[data-feature="${String(feature.id)}"]`);
				const popup = document.createElement('div');
				const strong = document.createElement(link ? 'a' : 'strong');
				strong.textContent = name;
				if (link && strong instanceof HTMLAnchorElement) strong.href = link.href;
				popup.append(strong);
				item.bindPopup(popup);
				item.bindTooltip(name);
			},
		}).addTo(map);
		const bounds = layer.getBounds();
		if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12, animate: !reduced });
		element.dataset.features = String(collection.features.length);
		report();
	} catch (error) {
		// The list beside the map still names every place.
		console.warn('Archive: the map could not be drawn', error);
	}
}
