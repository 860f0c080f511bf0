// Umbraco 17.1's tags input measures its "add a tag" field after every update, but a read-only input (a trashed
// record, a viewer's screen) draws no such field, and the measuring throws on every render. Until the package
// fixes it, the measuring is skipped when there is nothing to measure.
interface TagsInput {
	_mainTag?: HTMLElement | null;
}

export async function skipMeasuringReadOnlyTags(): Promise<void> {
	const element = await customElements.whenDefined('umb-tags-input');
	const prototype = element.prototype as TagsInput & { updated?: (...args: unknown[]) => void };
	const measure = prototype.updated;
	if (!measure) return;
	prototype.updated = function (this: TagsInput, ...args: unknown[]) {
		if (this._mainTag) measure.apply(this, args);
	};
}
