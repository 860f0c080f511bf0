// The artefact workspace's "Movements" view: where the object is now (from the movement ledger), its ledger and its
// condition checks; registrars (curators) record a movement or a check here. Read from and written to Archive's
// Management API; a refused entry shows the registrar's rule that refused it.
import { html, css, nothing } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UMB_DOCUMENT_WORKSPACE_CONTEXT } from '@umbraco-cms/backoffice/document';
import { UMB_CURRENT_USER_CONTEXT } from '@umbraco-cms/backoffice/current-user';
import { managementFetch } from '../management-fetch.js';

type Ref = { id: string; name?: string | null } | null;
type Movement = { id: string; from: Ref; to: Ref; departed: string; arrived?: string | null; reason: string; crate: Ref; authorisedBy?: string | null; movedBy?: string | null; note?: string | null; superseded: boolean; recordedBy: string };
type Check = { id: string; checked: string; checkedBy: string; grade: string; notes?: string | null; superseded: boolean };
type Where = { location: Ref; inTransit: boolean; from: Ref; crate: Ref; home: Ref; awayFromHome: boolean; lastMovement?: string | null };
type Ledger = { movements: Movement[]; conditionChecks: Check[]; now: Where };
type Place = { id: string; name: string; path: string; type: string; private: boolean };

// Curators and administrators (their fixed user-group keys) are the archive's registrars.
const registrarGroups = ['173dbe50-db4c-45c2-8b16-1101c2e2601c', 'e5e7f6c8-7f9c-4b5b-8d5d-9e1e5a4f7e4d'];
const reasons = ['exhibition', 'storage', 'loanOut', 'loanReturn', 'conservation', 'photography', 'packing', 'unpacking', 'transit', 'inventory'];
const grades = ['excellent', 'good', 'fair', 'poor', 'fragmentary'];

export class ArchiveMovementsElement extends UmbLitElement {
	static override properties = {
		_unique: { state: true }, _ledger: { state: true }, _places: { state: true }, _canWrite: { state: true },
		_problem: { state: true }, _status: { state: true }, _busy: { state: true },
	};

	declare _unique: string | undefined;
	declare _ledger: Ledger | undefined;
	declare _places: Place[];
	declare _canWrite: boolean;
	declare _problem: string | undefined;
	declare _status: string | undefined;
	declare _busy: boolean;

	constructor() {
		super();
		this._places = [];
		this._canWrite = false;
		this._busy = false;
		this.consumeContext(UMB_DOCUMENT_WORKSPACE_CONTEXT, (context) => {
			this.observe(context?.unique, (unique) => {
				this._unique = unique ?? undefined;
				void this.#load();
			}, 'archiveMovementsUnique');
		});
		this.consumeContext(UMB_CURRENT_USER_CONTEXT, (context) => {
			this.observe(context?.currentUser, (user) => (this._canWrite = !!user?.userGroupUniques?.some((g) => registrarGroups.includes(g))), 'archiveMovementsUser');
		});
	}

	#culture() {
		return encodeURIComponent(this.localize.lang() || 'en');
	}

	async #load() {
		if (!this._unique) return;
		const response = await managementFetch(`archive/object/${this._unique}/ledger?culture=${this.#culture()}`);
		this._ledger = response.ok ? await response.json() : undefined;
		if (this._places.length === 0) {
			const places = await managementFetch(`archive/places?culture=${this.#culture()}`);
			this._places = places.ok ? await places.json() : [];
		}
	}

	#term(key: string) {
		return this.localize.term(`archive_ledger_${key}`);
	}

	#when(value?: string | null) {
		return value ? value.slice(0, 16).replace('T', ' ') : '';
	}

	async #submit(event: SubmitEvent, path: string, body: (form: FormData) => Record<string, unknown>) {
		event.preventDefault();
		const form = event.target as HTMLFormElement;
		this._problem = undefined;
		this._status = undefined;
		this._busy = true;
		try {
			const response = await managementFetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body(new FormData(form))) });
			if (response.ok) {
				form.reset();
				this._status = this.#term('saved');
				await this.#load();
			} else {
				const problem = await response.json().catch(() => ({}));
				const details = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${(messages as string[]).join(' ')}`);
				this._problem = [problem.title ?? response.statusText, ...details].join(' — ');
			}
		} finally {
			this._busy = false;
		}
	}

	#text(form: FormData, name: string) {
		const value = (form.get(name) as string | null)?.trim();
		return value ? value : undefined;
	}

	#recordMovement = (event: SubmitEvent) => this.#submit(event, 'archive/movement', (form) => ({
		object: this._unique, to: this.#text(form, 'to'), departed: this.#text(form, 'departed'), arrived: this.#text(form, 'arrived'),
		reason: this.#text(form, 'reason'), authorisedBy: this.#text(form, 'authorisedBy'), movedBy: this.#text(form, 'movedBy'), note: this.#text(form, 'note'),
	}));

	#recordCheck = (event: SubmitEvent) => this.#submit(event, 'archive/condition-check', (form) => ({
		object: this._unique, checked: this.#text(form, 'checked'), checkedBy: this.#text(form, 'checkedBy'), grade: this.#text(form, 'grade'), notes: this.#text(form, 'notes'),
		movement: this._ledger?.now.lastMovement ?? undefined,
	}));

	#now() {
		const now = this._ledger?.now;
		if (!now?.lastMovement) return html`<p>${this.#term('unknown')}</p>`;
		return html`<dl>
			<dt>${this.#term('whereNow')}</dt>
			<dd>${now.inTransit ? html`${this.#term('inTransit')} (${this.#term('from')}: ${now.from?.name})` : now.location?.name}</dd>
			${now.crate ? html`<dt>${this.#term('inCrate')}</dt><dd>${now.crate.name}</dd>` : nothing}
			${now.home ? html`<dt>${this.#term('home')}</dt><dd>${now.home.name} — <strong class=${now.awayFromHome ? 'away' : ''}>${this.#term(now.awayFromHome ? 'awayFromHome' : 'atHome')}</strong></dd>` : nothing}
		</dl>`;
	}

	#movements() {
		const rows = [...(this._ledger?.movements ?? [])].reverse();
		if (rows.length === 0) return html`<p>${this.#term('noEntries')}</p>`;
		return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.#term('ledger')}><table>
			<caption class="visually-hidden">${this.#term('ledger')}</caption>
			<thead><tr>${['departed', 'arrived', 'from', 'to', 'reason', 'crate', 'authorisedBy', 'movedBy', 'recordedBy'].map((k) => html`<th scope="col">${this.#term(k)}</th>`)}</tr></thead>
			<tbody>${rows.map((m) => html`<tr class=${m.superseded ? 'superseded' : ''}>
				<td>${this.#when(m.departed)}${m.superseded ? html`<br><em>${this.#term('superseded')}</em>` : nothing}</td><td>${this.#when(m.arrived)}</td>
				<td>${m.from?.name ?? ''}</td><td>${m.to?.name ?? ''}</td><td>${this.#term(`reason_${m.reason}`)}</td><td>${m.crate?.name ?? ''}</td>
				<td>${m.authorisedBy ?? ''}</td><td>${m.movedBy ?? ''}</td><td>${m.recordedBy.replace(/ \([0-9a-f-]{36}\)$/, '')}</td></tr>
				${m.note ? html`<tr class="note"><td colspan="9">${this.#term('note')}: ${m.note}</td></tr>` : nothing}`)}</tbody>
		</table></div>`;
	}

	#checks() {
		const rows = [...(this._ledger?.conditionChecks ?? [])].reverse();
		if (rows.length === 0) return html`<p>${this.#term('noEntries')}</p>`;
		return html`<table><caption class="visually-hidden">${this.#term('checks')}</caption>
			<thead><tr>${['checked', 'grade', 'checkedBy', 'notes'].map((k) => html`<th scope="col">${this.#term(k)}</th>`)}</tr></thead>
			<tbody>${rows.map((c) => html`<tr class=${c.superseded ? 'superseded' : ''}><td>${this.#when(c.checked)}</td><td>${this.#term(`grade_${c.grade}`)}</td><td>${c.checkedBy}</td><td>${c.notes ?? ''}</td></tr>`)}</tbody>
		</table>`;
	}

	#forms() {
		if (!this._canWrite) return html`<p>${this.#term('readOnly')}</p>`;
		return html`
			<form @submit=${this.#recordMovement}>
				<fieldset ?disabled=${this._busy}><legend>${this.#term('recordMovement')}</legend>
					<label for="to">${this.#term('to')}</label>
					<select id="to" name="to" required>
						<option value=""></option>
						${this._places.map((p) => html`<option value=${p.id}>${p.path}${p.private ? ` (${this.#term('private')})` : ''}</option>`)}
					</select>
					<label for="departed">${this.#term('departed')} (${this.#term('timeHint')})</label><input id="departed" name="departed" type="datetime-local" required>
					<label for="arrived">${this.#term('arrived')} (${this.#term('timeHint')})</label><input id="arrived" name="arrived" type="datetime-local">
					<label for="reason">${this.#term('reason')}</label>
					<select id="reason" name="reason" required>${reasons.map((r) => html`<option value=${r}>${this.#term(`reason_${r}`)}</option>`)}</select>
					<label for="authorisedBy">${this.#term('authorisedBy')}</label><input id="authorisedBy" name="authorisedBy" autocomplete="off">
					<label for="movedBy">${this.#term('movedBy')}</label><input id="movedBy" name="movedBy" autocomplete="off">
					<label for="note">${this.#term('note')}</label><textarea id="note" name="note" rows="2"></textarea>
					<uui-button type="submit" look="primary" label=${this.#term('save')}></uui-button>
				</fieldset>
			</form>
			<form @submit=${this.#recordCheck}>
				<fieldset ?disabled=${this._busy}><legend>${this.#term('recordCheck')}</legend>
					<label for="checked">${this.#term('checked')} (${this.#term('timeHint')})</label><input id="checked" name="checked" type="datetime-local" required>
					<label for="checkedBy">${this.#term('checkedBy')}</label><input id="checkedBy" name="checkedBy" required autocomplete="name">
					<label for="grade">${this.#term('grade')}</label>
					<select id="grade" name="grade" required>${grades.map((g) => html`<option value=${g}>${this.#term(`grade_${g}`)}</option>`)}</select>
					<label for="notes">${this.#term('notes')}</label><textarea id="notes" name="notes" rows="2"></textarea>
					<uui-button type="submit" look="primary" label=${this.#term('save')}></uui-button>
				</fieldset>
			</form>`;
	}

	override render() {
		if (!this._unique) return nothing;
		return html`
			<uui-box headline=${this.#term('whereNow')}>${this.#now()}</uui-box>
			<div role="status" aria-live="polite" class="status">${this._status ?? ''}</div>
			${this._problem ? html`<p role="alert" class="problem">${this._problem}</p>` : nothing}
			<uui-box headline=${this.#term('recordMovement')}>${this.#forms()}</uui-box>
			<uui-box headline=${this.#term('ledger')}>${this.#movements()}</uui-box>
			<uui-box headline=${this.#term('checks')}>${this.#checks()}</uui-box>
		`;
	}

	static override styles = css`
		:host { display: grid; gap: var(--uui-size-layout-1); padding: var(--uui-size-layout-1); }
		dl { display: grid; grid-template-columns: max-content 1fr; gap: var(--uui-size-space-2) var(--uui-size-space-5); margin: 0; }
		dt { font-weight: 700; }
		.scroll { overflow-x: auto; }
		table { border-collapse: collapse; width: 100%; font-size: var(--uui-type-small-size, 0.875rem); }
		th, td { text-align: start; padding: var(--uui-size-space-2); border-bottom: 1px solid var(--uui-color-border); vertical-align: top; }
		tr.superseded td { text-decoration: line-through; color: var(--uui-color-text-alt); }
		tr.note td { color: var(--uui-color-text-alt); border-bottom-width: 2px; }
		form { margin-bottom: var(--uui-size-space-5); }
		fieldset { display: grid; grid-template-columns: minmax(10rem, max-content) minmax(0, 1fr); gap: var(--uui-size-space-3) var(--uui-size-space-4); border: 1px solid var(--uui-color-border); padding: var(--uui-size-space-4); }
		legend { font-weight: 700; padding: 0 var(--uui-size-space-2); }
		label { align-self: center; }
		input, select, textarea { font: inherit; padding: var(--uui-size-space-2); border: 1px solid var(--uui-color-border-emphasis); border-radius: var(--uui-border-radius); min-height: 2.25rem; max-width: 100%; }
		uui-button { grid-column: 2; justify-self: start; }
		.away { color: var(--uui-color-danger-standalone); }
		.problem { color: var(--uui-color-danger-standalone); font-weight: 700; margin: 0; }
		.status:empty { display: none; }
		.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
		@media (max-width: 40rem) { fieldset { grid-template-columns: 1fr; } uui-button { grid-column: 1; } }
	`;
}

customElements.define('archive-movements', ArchiveMovementsElement);
export { ArchiveMovementsElement as element };
