import { afterEachUpdate } from './after-update.js';

// Umbraco 17.1's interface-language picker (a person's "Language" in the Users section) is given a label but does
// not pass it to the select it draws, which then has no accessible name (WCAG 4.1.2; axe: select-name). Until the
// package fixes it, the select takes the picker's label.
export function nameCulturePicker(): Promise<void> {
	return afterEachUpdate('umb-ui-culture-input', (picker) => {
		const select = picker.shadowRoot?.querySelector('uui-select');
		const label = picker.getAttribute('label');
		if (select && label && select.getAttribute('label') !== label) select.setAttribute('label', label);
	});
}
