// The deep-zoom preview's words in the back office's languages; Umbraco picks them by the curator's UI language.
import type { UmbLocalizationDictionary } from '@umbraco-cms/backoffice/localization-api';

const en = {
	deepZoom: 'Deep zoom',
	deepZoomOf: 'Deep zoom of the image',
	deepZoomKeys: 'Arrow keys or W, A, S, D move the image; + and − zoom; 0 shows it whole; R turns it.',
	zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoomWhole: 'Show whole', rotate: 'Turn 90°', fullScreen: 'Full screen',
	noImage: 'This media item has no image to zoom into. Upload an image and save it first.',
	zoomFailed: 'The image could not be opened for zooming.',
};

type Terms = typeof en;

const ru: Terms = {
	deepZoom: 'Увеличение',
	deepZoomOf: 'Увеличение изображения',
	deepZoomKeys: 'Стрелки или W, A, S, D двигают изображение; + и − меняют масштаб; 0 показывает целиком; R поворачивает.',
	zoomIn: 'Увеличить', zoomOut: 'Уменьшить', zoomWhole: 'Целиком', rotate: 'Повернуть на 90°', fullScreen: 'Во весь экран',
	noImage: 'У этого медиафайла нет изображения для увеличения. Сначала загрузите изображение и сохраните.',
	zoomFailed: 'Не удалось открыть изображение для увеличения.',
};

const kk: Terms = {
	deepZoom: 'Үлкейту',
	deepZoomOf: 'Суретті үлкейту',
	deepZoomKeys: 'Көрсеткілер немесе W, A, S, D суретті жылжытады; + және − масштабты өзгертеді; 0 тұтас көрсетеді; R бұрады.',
	zoomIn: 'Үлкейту', zoomOut: 'Кішірейту', zoomWhole: 'Тұтас көрсету', rotate: '90° бұру', fullScreen: 'Толық экран',
	noImage: 'Бұл медиа элементте үлкейтетін сурет жоқ. Алдымен суретті жүктеп, сақтаңыз.',
	zoomFailed: 'Суретті үлкейту үшін ашу мүмкін болмады.',
};

export const mediaLocalizations: Record<string, UmbLocalizationDictionary> = {
	en: { archive: en },
	ru: { archive: ru },
	kk: { archive: kk },
};
