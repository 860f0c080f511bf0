// Umbraco 17.1 rejects a context request with a bare string when the element that asked has already left the page
// (a workspace redrawn as its route settles: "Context request was cancelled, host was disconnected … Controller is
// hosted on Not attached node > …"), and its callers do not catch it, so each such redraw reports an unhandled
// rejection. Nothing is lost — the element is gone — so until the package handles it, exactly these rejections,
// for a host no longer in the page, are marked handled; every other rejection is reported as before.
const detached = /^Context (request was cancelled, host was disconnected|could not be found)\..*Controller is hosted on Not attached node > /s;

export function ignoreContextRequestsOfDetachedElements(): void {
	window.addEventListener('unhandledrejection', (event) => {
		if (typeof event.reason === 'string' && detached.test(event.reason)) event.preventDefault();
	});
}
