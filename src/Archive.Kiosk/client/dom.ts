// Small DOM helpers: elements built with text set as text (never markup), each text with its own `lang` when it is
// not in the screen's language.
import type { Txt } from './types';

type Attrs = Record<string, string | boolean | number | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (value === undefined || value === null || value === false) continue;
		if (name === 'class') element.className = String(value);
		else element.setAttribute(name, value === true ? '' : String(value));
	}
	for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
	return element;
}

/// A text in an element, marked with its language when it differs from the screen's (its direction then follows it).
export function txt<K extends keyof HTMLElementTagNameMap>(tag: K, text: Txt | undefined, attrs: Attrs = {}): HTMLElementTagNameMap[K] {
	const element = h(tag, attrs, text?.t ?? '');
	if (text?.l) {
		element.lang = text.l;
		element.dir = 'auto';
	}
	return element;
}

export function button(label: Txt | string, onActivate: () => void, attrs: Attrs = {}): HTMLButtonElement {
	const element = typeof label === 'string' ? h('button', { type: 'button', ...attrs }, label) : txt('button', label, { type: 'button', ...attrs });
	element.addEventListener('click', onActivate);
	return element;
}
