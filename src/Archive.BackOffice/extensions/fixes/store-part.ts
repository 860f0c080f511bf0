import { UmbStoreObjectBase } from '@umbraco-cms/backoffice/store';

// Umbraco 17.1's object stores (the user configuration among them) start empty, and a part of one is read as
// data[key]: an element that observes a part before the server's answer has arrived (the user workspace reading
// usernameIsEmail while user/configuration is still on its way) throws an uncaught TypeError. Until the package
// fixes it, a part of a store not filled yet is undefined, which is what those elements already expect.
interface ObjectState {
	asObservablePart(mapper: (data: Record<string, unknown> | null | undefined) => unknown): unknown;
}

export function readPartsOfEmptyStores(): void {
	const prototype = UmbStoreObjectBase.prototype as unknown as { part(key: string): unknown; _data: ObjectState };
	prototype.part = function (this: { _data: ObjectState }, key: string) {
		return this._data.asObservablePart((data) => data?.[key]);
	};
}
