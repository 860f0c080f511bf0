// What the kiosk views share: the fleet's shapes as the Management API answers them, and their rendering.
import { html, nothing, css } from '@umbraco-cms/backoffice/external/lit';

export interface KioskDevice {
	id: string; name: string; state: string; flags: string[]; pairedAt: string; pairedBy: string; lastSeenAt: string | null; appVersion: string | null;
	bundleVersion: string | null; bundleCurrent: boolean; freeStorageBytes: number | null; lastError: string | null; screen: string | null;
}
export interface Kiosk {
	id: string; name: string; published: boolean; parentName: string | null; bundleVersion: string | null; items: number; files: number; bundleBytes: number | null;
	problems: string[]; flags: string[]; devices: KioskDevice[];
}

type Term = (key: string, ...args: unknown[]) => string;

export const when = (value: string | null) => (value ? value.slice(0, 16).replace('T', ' ') + ' UTC' : '—');

export const size = (bytes: number | null) =>
	bytes === null ? '—' : bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GB` : bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

export function flags(list: string[], term: Term) {
	return list.length ? html`<ul class="flags">${list.map((f) => html`<li class="flag">${term(`flag_${f}`)}</li>`)}</ul>` : nothing;
}

export function devices(kiosk: Kiosk, term: Term, revoke?: (device: KioskDevice) => void) {
	const shown = kiosk.devices.filter((d) => d.state !== 'revoked');
	if (shown.length === 0) return html`<p>${term('noScreens')}</p>`;
	return html`<div class="scroll"><table>
		<thead><tr>${['name', 'state', 'lastSeen', 'versions', 'storage', 'lastError'].map((k) => html`<th scope="col">${term(k)}</th>`)}${revoke ? html`<th scope="col">${term('actions')}</th>` : nothing}</tr></thead>
		<tbody>${shown.map((d) => html`<tr data-device=${d.id}>
			<td>${d.name}${d.screen ? html`<br><small>${d.screen}</small>` : nothing}</td>
			<td>${term(`state_${d.state}`)}${flags(d.flags, term)}</td>
			<td>${when(d.lastSeenAt)}</td>
			<td>${d.appVersion ?? '—'} / ${d.bundleVersion ?? '—'} ${d.bundleVersion ? html`<small>(${term(d.bundleCurrent ? 'current' : 'behind')})</small>` : nothing}</td>
			<td>${size(d.freeStorageBytes)}</td>
			<td>${d.lastError ?? '—'}</td>
			${revoke ? html`<td><uui-button look="secondary" color="danger" label=${term('revoke')} @click=${() => revoke(d)}></uui-button></td>` : nothing}
		</tr>`)}</tbody>
	</table></div>`;
}

export const styles = css`
	:host { display: grid; gap: var(--uui-size-layout-1); padding: var(--uui-size-layout-1); }
	.scroll { overflow-x: auto; }
	table { border-collapse: collapse; width: 100%; font-size: var(--uui-type-small-size, 0.875rem); }
	th, td { text-align: start; padding: var(--uui-size-space-2); border-bottom: 1px solid var(--uui-color-border); vertical-align: top; }
	.flags { list-style: none; margin: var(--uui-size-space-1) 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--uui-size-space-1); }
	.flag { background: var(--uui-color-danger); color: var(--uui-color-danger-contrast); border-radius: 3px; padding: 0 var(--uui-size-space-2); font-weight: 700; }
	form { display: grid; grid-template-columns: minmax(10rem, max-content) minmax(0, 1fr); gap: var(--uui-size-space-3) var(--uui-size-space-4); align-items: center; }
	input { font: inherit; padding: var(--uui-size-space-2); border: 1px solid var(--uui-color-border-standalone); border-radius: 3px; }
	input[name="code"] { font-family: monospace; letter-spacing: 0.1em; text-transform: uppercase; max-width: 14rem; }
	form uui-button { grid-column: 2; justify-self: start; }
	.problem { color: var(--uui-color-danger-standalone); font-weight: 700; margin: 0; }
	dl { display: grid; grid-template-columns: max-content 1fr; gap: var(--uui-size-space-2) var(--uui-size-space-5); margin: 0; }
	dt { font-weight: 700; }
	a { color: var(--uui-color-interactive); font-weight: 700; }
	@media (max-width: 40rem) { form { grid-template-columns: 1fr; } form uui-button { grid-column: 1; } }
`;
