// Runs a repair after every update of one of Umbraco's elements, and returns when it is in place.
export async function afterEachUpdate<T extends HTMLElement>(tag: string, repair: (element: T) => void): Promise<void> {
	const element = await customElements.whenDefined(tag);
	const prototype = element.prototype as { updated?: (...args: unknown[]) => void };
	const updated = prototype.updated;
	prototype.updated = function (this: T, ...args: unknown[]) {
		updated?.apply(this, args);
		repair(this);
	};
}
