// A call to Archive's Management API from an extension. The access token lives in an HttpOnly cookie; the
// server takes it from there when the bearer reads "[redacted]", as for the back office's own calls.
export function managementFetch(path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(`/umbraco/management/api/v1/${path}`, {
		...init,
		credentials: 'same-origin',
		headers: { Authorization: 'Bearer [redacted]', Accept: 'application/json', ...(init.headers ?? {}) },
	});
}
