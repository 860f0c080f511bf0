// The extensions' words in the back office's languages (Kazakh, Russian, English), chosen by the language
// the curator's back office speaks.
const terms = {
	en: {
		datingLabel: 'Dating as written', datingMeans: 'Read as', datingUnknown: 'The archive cannot read this dating yet; write it as, for example, “c. 1840”, “1850s” or “late 19th century”.',
		latitude: 'Latitude', longitude: 'Longitude', latitudeRange: 'Latitude is a number between −90 and 90.', longitudeRange: 'Longitude is a number between −180 and 180.',
		map: 'Map of the point', mapHelp: 'Click or tap the map to place the point there; arrow keys move the map, + and − zoom.',
		zoomIn: 'Zoom in', zoomOut: 'Zoom out',
	},
	ru: {
		datingLabel: 'Датировка, как в источнике', datingMeans: 'Понимается как', datingUnknown: 'Архив пока не понимает эту датировку; напишите, например, «ок. 1840», «1850-е» или «конец XIX века».',
		latitude: 'Широта', longitude: 'Долгота', latitudeRange: 'Широта — число от −90 до 90.', longitudeRange: 'Долгота — число от −180 до 180.',
		map: 'Точка на карте', mapHelp: 'Щёлкните или коснитесь карты, чтобы поставить туда точку; стрелки двигают карту, + и − меняют масштаб.',
		zoomIn: 'Увеличить', zoomOut: 'Уменьшить',
	},
	kk: {
		datingLabel: 'Дереккөздегі мерзімі', datingMeans: 'Мағынасы', datingUnknown: 'Мұрағат бұл мерзімді әзірге түсінбейді; мысалы, «шамамен 1840», «1850-жылдар» немесе «XIX ғасырдың соңы» деп жазыңыз.',
		latitude: 'Ендік', longitude: 'Бойлық', latitudeRange: 'Ендік −90 мен 90 аралығындағы сан.', longitudeRange: 'Бойлық −180 мен 180 аралығындағы сан.',
		map: 'Картадағы нүкте', mapHelp: 'Нүктені қою үшін картаны басыңыз немесе түртіңіз; көрсеткілер картаны жылжытады, + және − масштабты өзгертеді.',
		zoomIn: 'Үлкейту', zoomOut: 'Кішірейту',
	},
} as const;

export type TermKey = keyof typeof terms.en;

export function term(host: Element, key: TermKey): string {
	const language = (host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en').slice(0, 2).toLowerCase();
	return (terms as Record<string, Record<TermKey, string>>)[language]?.[key] ?? terms.en[key];
}
