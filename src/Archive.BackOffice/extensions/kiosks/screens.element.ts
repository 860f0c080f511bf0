// The kiosk workspace's "Screens" view: pair a screen by the code it shows, see what each screen reports and revoke
// it, the bundle its screens should run, and the kiosk's use over the last 30 days (aggregates only).
import { html, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';
import { managementFetch } from '../management-fetch.js';
import { devices, flags, size, styles, type Kiosk, type KioskDevice } from './fleet.js';

interface Usage { visits: number; objects: { id: string; name: string | null; opens: number; averageDwellMs: number }[]; languages: { culture: string; count: number }[] }

export class ArchiveKioskScreensElement extends UmbLitElement {
	static override properties = { _unique: { state: true }, _kiosk: { state: true }, _usage: { state: true }, _problem: { state: true }, _status: { state: true }, _busy: { state: true } };

	declare _unique: string | undefined;
	declare _kiosk: Kiosk | undefined;
	declare _usage: Usage | undefined;
	declare _problem: string | undefined;
	declare _status: string | undefined;
	declare _busy: boolean;

	constructor() {
		super();
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => {
				this._unique = unique ?? undefined;
				void this.#load();
			}, 'archiveKioskUnique');
		});
	}

	#refresh = 0;

	// Screens report every minute: the view follows them while it is open.
	override connectedCallback() {
		super.connectedCallback();
		this.#refresh = window.setInterval(() => void this.#load(), 15_000);
	}

	override disconnectedCallback() {
		super.disconnectedCallback();
		clearInterval(this.#refresh);
	}

	#term = (key: string) => this.localize.term(`archive_kiosk_${key}`);
	#culture = () => encodeURIComponent(this.localize.lang() || 'en');

	async #load() {
		if (!this._unique) return;
		const [kiosk, usage] = await Promise.all([
			managementFetch(`archive/kiosk/${this._unique}?culture=${this.#culture()}`),
			managementFetch(`archive/kiosk/${this._unique}/usage?culture=${this.#culture()}`),
		]);
		this._kiosk = kiosk.ok ? await kiosk.json() : undefined;
		this._usage = usage.ok ? await usage.json() : undefined;
	}

	async #problemOf(response: Response) {
		const problem = await response.json().catch(() => ({}));
		const details = Object.values(problem.errors ?? {}).flat() as string[];
		return [problem.title ?? response.statusText, ...(details.length ? details : problem.detail ? [problem.detail] : [])].join(' — ');
	}

	#pair = async (event: SubmitEvent) => {
		event.preventDefault();
		const form = event.target as HTMLFormElement;
		const data = new FormData(form);
		this._problem = this._status = undefined;
		this._busy = true;
		try {
			const response = await managementFetch(`archive/kiosk/${this._unique}/pair`, {
				method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: data.get('code'), name: data.get('name') }),
			});
			if (response.ok) {
				form.reset();
				this._status = this.#term('paired');
				await this.#load();
			} else this._problem = await this.#problemOf(response);
		} finally {
			this._busy = false;
		}
	};

	#revoke = async (device: KioskDevice) => {
		if (!confirm(this.#term('confirmRevoke'))) return;
		const response = await managementFetch(`archive/kiosk/device/${device.id}`, { method: 'DELETE' });
		if (response.ok) {
			this._status = this.#term('revoked');
			await this.#load();
		} else this._problem = await this.#problemOf(response);
	};

	#usage() {
		const usage = this._usage;
		if (!usage || (usage.visits === 0 && usage.objects.length === 0)) return html`<p>${this.#term('noUsage')}</p>`;
		const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
		return html`
			<dl>
				<dt>${this.#term('visits')}</dt><dd>${usage.visits}</dd>
				<dt>${this.#term('languagesChosen')}</dt><dd>${usage.languages.map((l) => `${l.culture}: ${l.count}`).join(', ') || '—'}</dd>
			</dl>
			<div class="scroll"><table>
				<caption>${this.#term('objectsOpened')}</caption>
				<thead><tr><th scope="col">${this.#term('name')}</th><th scope="col">${this.#term('opens')}</th><th scope="col">${this.#term('averageDwell')}</th></tr></thead>
				<tbody>${usage.objects.slice(0, 20).map((o) => html`<tr><td>${o.name ?? o.id}</td><td>${o.opens}</td><td>${seconds(o.averageDwellMs)}</td></tr>`)}</tbody>
			</table></div>`;
	}

	override render() {
		const kiosk = this._kiosk;
		if (!kiosk) return nothing;
		const facts = this.#term('bundleFacts').replace('{0}', String(kiosk.items)).replace('{1}', String(kiosk.files)).replace('{2}', size(kiosk.bundleBytes));
		return html`
			<uui-box headline=${this.#term('pairTitle')}>
				<p>${this.#term('pairIntro')}</p>
				<form @submit=${this.#pair} aria-describedby="kiosk-status">
					<label for="kiosk-code">${this.#term('code')}</label><input id="kiosk-code" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20">
					<label for="kiosk-name">${this.#term('deviceName')}</label><input id="kiosk-name" name="name" autocomplete="off" maxlength="200">
					<uui-button type="submit" look="primary" label=${this.#term('pair')} ?disabled=${this._busy}></uui-button>
				</form>
				<div id="kiosk-status" role="status" aria-live="polite">${this._status ?? ''}</div>
				${this._problem ? html`<p role="alert" class="problem">${this._problem}</p>` : nothing}
			</uui-box>
			<uui-box headline=${this.#term('screens')}>${flags(kiosk.flags, this.#term)}${devices(kiosk, this.#term, this.#revoke)}</uui-box>
			<uui-box headline=${this.#term('bundle')}>
				<p>${kiosk.bundleVersion ?? '—'}: ${facts}</p>
				${kiosk.problems.length ? html`<p><strong>${this.#term('problems')}:</strong></p><ul>${kiosk.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
			</uui-box>
			<uui-box headline=${this.#term('usage')}>${this.#usage()}</uui-box>`;
	}

	static override styles = styles;
}

customElements.define('archive-kiosk-screens', ArchiveKioskScreensElement);
export { ArchiveKioskScreensElement as element };
