import { afterEachUpdate } from './after-update.js';

// Umbraco 17.1's notification container announces notifications to screen readers through a live region written
// with aria-role="true", an attribute that does not exist (WCAG 4.1.2; axe: aria-valid-attr): the intent is
// aria-atomic, so a notification is read whole. Until the package fixes it, the region gets the attribute meant.
function repair(container: HTMLElement): void {
	const region = container.shadowRoot?.getElementById('sr-live');
	if (region?.hasAttribute('aria-role')) {
		region.removeAttribute('aria-role');
		region.setAttribute('aria-atomic', 'true');
	}
}

export async function fixNotificationLiveRegion(): Promise<void> {
	await afterEachUpdate('umb-backoffice-notification-container', repair);
	// The application drew its container before this package loaded.
	document.querySelectorAll('umb-app').forEach((app) =>
		app.shadowRoot?.querySelectorAll<HTMLElement>('umb-backoffice-notification-container').forEach(repair));
}
