// Suggestions while typing: words of published names from the Delivery API's suggest endpoint, offered through the
// input's list (a native datalist: keyboard, touch and screen readers work as they do for any input).
export function enhanceSearch(form: HTMLFormElement) {
	const input = form.querySelector<HTMLInputElement>('input[type=search]');
	const list = form.querySelector<HTMLDataListElement>('datalist');
	if (!input || !list) return;
	const culture = form.dataset.suggest ?? document.documentElement.lang;
	let timer: number | undefined;
	let controller: AbortController | undefined;
	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(async () => {
			const words = input.value.trim();
			if (words.length < 2) return;
			controller?.abort();
			controller = new AbortController();
			try {
				const response = await fetch(`/umbraco/delivery/api/v2/search/suggest?q=${encodeURIComponent(words)}&take=8`, {
					headers: { 'Accept-Language': culture },
					signal: controller.signal,
				});
				if (!response.ok) return;
				const { suggestions } = (await response.json()) as { suggestions: string[] };
				const head = words.includes(' ') ? words.slice(0, words.lastIndexOf(' ') + 1) : '';
				list.replaceChildren(...suggestions.map((s) => Object.assign(document.createElement('option'), { value: head + s })));
			} catch {
				// Offline or cancelled: no suggestions, the search itself still works.
			}
		}, 150);
	});
}
