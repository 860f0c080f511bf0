// The bundle as the archive sends it (Archive.Kiosk.Bundles.KioskBundle, camelCase JSON).
export interface Txt { t: string; l?: string }
export type PerLanguage<T> = Record<string, T>;

export interface Language { code: string; lang: string; dir: 'ltr' | 'rtl'; name: string }

export interface KioskSettings {
	key: string;
	name: PerLanguage<Txt>;
	languages: Language[];
	defaultLanguage: string;
	attractSeconds: number;
	idleSeconds: number;
	countdownSeconds: number;
	largeText: boolean;
	highContrast: boolean;
	audioDescriptions: boolean;
	screenWidth: number;
	screenHeight: number;
	heartbeatSeconds: number;
	credit?: PerLanguage<Txt>;
}

export interface Zoom { width: number; height: number; tileSize: number; minLevel: number; maxLevel: number; full: number; tiles: Record<string, string> }
export interface Image { key: string; src: string; thumb: string; width: number; height: number; alt: PerLanguage<Txt>; zoom?: Zoom }
export interface Recording { key: string; kind: 'audio' | 'video'; url: string; type: string; name: PerLanguage<Txt>; captions: PerLanguage<string> }
export interface Fact { label: Txt; values: Txt[] }
export interface ItemText { name: Txt; dating?: Txt; label?: Txt; paragraphs: Txt[]; facts: Fact[]; credit?: Txt; loanCredit?: Txt }

export interface Item {
	key: string;
	type: string;
	until?: string;
	noZoom: boolean;
	noPhotography: boolean;
	text: PerLanguage<ItemText>;
	images: Image[];
	recordings: Recording[];
	audioDescription: PerLanguage<string>;
}

export interface Section { key: string; type: string; name: PerLanguage<Txt>; items: string[] }

export interface Bundle {
	version: string;
	kiosk: KioskSettings;
	texts: PerLanguage<Record<string, Txt>>;
	sections: Section[];
	items: Item[];
	attract: { item: string; image: string }[];
	files: string[];
	problems: string[];
}
