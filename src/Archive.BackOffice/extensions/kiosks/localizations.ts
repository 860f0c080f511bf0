// The kiosk views' words in the back office's languages; Umbraco picks them by the curator's UI language.
import type { UmbLocalizationDictionary } from '@umbraco-cms/backoffice/localization-api';

const en = {
	screens: 'Screens', kiosks: 'Kiosks',
	kiosksIntro: 'Every kiosk and its screens. A screen is flagged when it has been silent too long, runs an older bundle than it should, or reported an error.',
	pairTitle: 'Pair a screen', pairIntro: 'Open /kiosk/ in the screen’s browser: it shows a code. Type the code here to bind the screen to this kiosk.',
	code: 'Code on the screen', deviceName: 'Name of the screen (e.g. “left of the entrance”)', pair: 'Pair', paired: 'Paired: the screen loads its content now.',
	revoke: 'Revoke', revoked: 'Revoked: the screen returns to pairing.', confirmRevoke: 'Revoke this screen? It stops showing the kiosk at once.',
	name: 'Screen', state: 'State', lastSeen: 'Last heard', versions: 'Application / bundle', storage: 'Free storage', lastError: 'Last error', actions: 'Actions',
	state_online: 'Online', state_silent: 'Silent', state_awaiting: 'Waiting for the screen', state_revoked: 'Revoked',
	flag_silent: 'silent too long', flag_stale: 'running an older bundle', flag_error: 'reported an error', flag_unpublished: 'kiosk not published',
	bundle: 'Bundle', bundleFacts: '{0} items, {1} files, {2}', current: 'current', behind: 'behind', noScreens: 'No screen is paired with this kiosk.',
	problems: 'Settings to check', usage: 'Use in the last 30 days', visits: 'Visits', languagesChosen: 'Languages chosen', objectsOpened: 'Objects opened',
	opens: 'Opened', averageDwell: 'Average time', noUsage: 'No use recorded yet.', open: 'Open',
};

type Terms = typeof en;

const ru: Terms = {
	screens: 'Экраны', kiosks: 'Киоски',
	kiosksIntro: 'Все киоски и их экраны. Экран отмечается, если он долго молчит, показывает устаревший пакет или сообщил об ошибке.',
	pairTitle: 'Подключить экран', pairIntro: 'Откройте /kiosk/ в браузере экрана: он покажет код. Введите код здесь, чтобы привязать экран к этому киоску.',
	code: 'Код на экране', deviceName: 'Название экрана (например, «слева от входа»)', pair: 'Подключить', paired: 'Подключён: экран загружает содержание.',
	revoke: 'Отключить', revoked: 'Отключён: экран вернётся к подключению.', confirmRevoke: 'Отключить этот экран? Он сразу перестанет показывать киоск.',
	name: 'Экран', state: 'Состояние', lastSeen: 'Последняя связь', versions: 'Приложение / пакет', storage: 'Свободное место', lastError: 'Последняя ошибка', actions: 'Действия',
	state_online: 'На связи', state_silent: 'Молчит', state_awaiting: 'Ждёт экран', state_revoked: 'Отключён',
	flag_silent: 'долго молчит', flag_stale: 'устаревший пакет', flag_error: 'сообщил об ошибке', flag_unpublished: 'киоск не опубликован',
	bundle: 'Пакет', bundleFacts: '{0} записей, {1} файлов, {2}', current: 'актуален', behind: 'отстаёт', noScreens: 'К этому киоску не подключён ни один экран.',
	problems: 'Проверьте настройки', usage: 'Использование за 30 дней', visits: 'Посещения', languagesChosen: 'Выбранные языки', objectsOpened: 'Открытые предметы',
	opens: 'Открыт', averageDwell: 'Среднее время', noUsage: 'Использование пока не записано.', open: 'Открыть',
};

const kk: Terms = {
	screens: 'Экрандар', kiosks: 'Киосктер',
	kiosksIntro: 'Барлық киосктер және олардың экрандары. Ұзақ үнсіз тұрған, ескі пакетті көрсететін немесе қате туралы хабарлаған экран белгіленеді.',
	pairTitle: 'Экранды қосу', pairIntro: 'Экранның браузерінде /kiosk/ ашыңыз: ол код көрсетеді. Экранды осы киоскіге байлау үшін кодты осында енгізіңіз.',
	code: 'Экрандағы код', deviceName: 'Экранның атауы (мысалы, «кіреберістің сол жағында»)', pair: 'Қосу', paired: 'Қосылды: экран мазмұнын жүктеп жатыр.',
	revoke: 'Ажырату', revoked: 'Ажыратылды: экран қосу бетіне оралады.', confirmRevoke: 'Бұл экранды ажырату керек пе? Ол киоскіні бірден көрсетуді тоқтатады.',
	name: 'Экран', state: 'Күйі', lastSeen: 'Соңғы байланыс', versions: 'Қолданба / пакет', storage: 'Бос орын', lastError: 'Соңғы қате', actions: 'Әрекеттер',
	state_online: 'Байланыста', state_silent: 'Үнсіз', state_awaiting: 'Экранды күтуде', state_revoked: 'Ажыратылған',
	flag_silent: 'ұзақ үнсіз', flag_stale: 'ескі пакет', flag_error: 'қате туралы хабарлады', flag_unpublished: 'киоск жарияланбаған',
	bundle: 'Пакет', bundleFacts: '{0} жазба, {1} файл, {2}', current: 'өзекті', behind: 'артта қалған', noScreens: 'Бұл киоскіге бірде-бір экран қосылмаған.',
	problems: 'Баптауларды тексеріңіз', usage: 'Соңғы 30 күндегі пайдалану', visits: 'Келулер', languagesChosen: 'Таңдалған тілдер', objectsOpened: 'Ашылған заттар',
	opens: 'Ашылды', averageDwell: 'Орташа уақыт', noUsage: 'Пайдалану әлі жазылмаған.', open: 'Ашу',
};

// Under the "archive" section with a "kiosk_" prefix: terms read as archive_kiosk_<key>.
const prefixed = (terms: Terms) => ({ archive: Object.fromEntries(Object.entries(terms).map(([key, value]) => [`kiosk_${key}`, value])) });

export const kioskLocalizations: Record<string, UmbLocalizationDictionary> = { en: prefixed(en), ru: prefixed(ru), kk: prefixed(kk) };
