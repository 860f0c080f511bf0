// The movements view's words in the back office's languages; Umbraco picks them by the curator's UI language.
import type { UmbLocalizationDictionary } from '@umbraco-cms/backoffice/localization-api';

const en = {
	movements: 'Movements',
	whereNow: 'Where it is now',
	home: 'Home location', awayFromHome: 'Away from home', atHome: 'At home', inTransit: 'In transit', inCrate: 'In crate', unknown: 'Not yet on the ledger',
	ledger: 'Movement ledger', departed: 'Departed', arrived: 'Arrived', from: 'From', to: 'To', reason: 'Reason', crate: 'Crate',
	authorisedBy: 'Authorised by', movedBy: 'Moved by', recordedBy: 'Recorded by', note: 'Note', superseded: 'Superseded by a correction',
	checks: 'Condition checks', checked: 'Checked', checkedBy: 'Checked by', grade: 'Grade', notes: 'Notes',
	recordMovement: 'Record a movement', recordCheck: 'Record a condition check', save: 'Record', saved: 'Recorded.',
	noEntries: 'No entries yet.', readOnly: 'Only registrars (curators) record movements and checks.',
	reason_inventory: 'inventory', reason_storage: 'storage', reason_exhibition: 'exhibition', reason_loanOut: 'loan out', reason_loanReturn: 'loan return',
	reason_conservation: 'conservation', reason_photography: 'photography', reason_packing: 'packing', reason_unpacking: 'unpacking', reason_transit: 'transit',
	grade_excellent: 'excellent', grade_good: 'good', grade_fair: 'fair', grade_poor: 'poor', grade_fragmentary: 'fragmentary',
	timeHint: 'Kazakhstan time', private: 'private',
};

type Terms = typeof en;

const ru: Terms = {
	movements: 'Перемещения',
	whereNow: 'Где находится сейчас',
	home: 'Место постоянного хранения', awayFromHome: 'Вне места хранения', atHome: 'На месте хранения', inTransit: 'В пути', inCrate: 'В ящике', unknown: 'Ещё нет в журнале',
	ledger: 'Журнал перемещений', departed: 'Отправлен', arrived: 'Прибыл', from: 'Откуда', to: 'Куда', reason: 'Причина', crate: 'Ящик',
	authorisedBy: 'Разрешил(а)', movedBy: 'Перевёз(ла)', recordedBy: 'Записал(а)', note: 'Заметка', superseded: 'Заменено исправлением',
	checks: 'Проверки сохранности', checked: 'Дата проверки', checkedBy: 'Проверил(а)', grade: 'Состояние', notes: 'Заметки',
	recordMovement: 'Записать перемещение', recordCheck: 'Записать проверку сохранности', save: 'Записать', saved: 'Записано.',
	noEntries: 'Записей пока нет.', readOnly: 'Перемещения и проверки записывают только регистраторы (кураторы).',
	reason_inventory: 'инвентаризация', reason_storage: 'хранение', reason_exhibition: 'выставка', reason_loanOut: 'передача', reason_loanReturn: 'возврат',
	reason_conservation: 'реставрация', reason_photography: 'фотосъёмка', reason_packing: 'упаковка', reason_unpacking: 'распаковка', reason_transit: 'транзит',
	grade_excellent: 'отличное', grade_good: 'хорошее', grade_fair: 'удовлетворительное', grade_poor: 'плохое', grade_fragmentary: 'фрагментарное',
	timeHint: 'время Казахстана', private: 'закрытое',
};

const kk: Terms = {
	movements: 'Қозғалыстар',
	whereNow: 'Қазір қайда',
	home: 'Тұрақты сақтау орны', awayFromHome: 'Сақтау орнынан тыс', atHome: 'Сақтау орнында', inTransit: 'Жолда', inCrate: 'Жәшікте', unknown: 'Журналда әлі жоқ',
	ledger: 'Қозғалыс журналы', departed: 'Жөнелтілді', arrived: 'Келді', from: 'Қайдан', to: 'Қайда', reason: 'Себебі', crate: 'Жәшік',
	authorisedBy: 'Рұқсат берген', movedBy: 'Тасымалдаған', recordedBy: 'Жазған', note: 'Ескертпе', superseded: 'Түзетумен ауыстырылған',
	checks: 'Сақталуын тексеру', checked: 'Тексерілген күні', checkedBy: 'Тексерген', grade: 'Жағдайы', notes: 'Ескертпелер',
	recordMovement: 'Қозғалысты жазу', recordCheck: 'Сақталу тексерісін жазу', save: 'Жазу', saved: 'Жазылды.',
	noEntries: 'Әзірге жазба жоқ.', readOnly: 'Қозғалыстар мен тексерістерді тек тіркеушілер (кураторлар) жазады.',
	reason_inventory: 'түгендеу', reason_storage: 'сақтау', reason_exhibition: 'көрме', reason_loanOut: 'уақытша беру', reason_loanReturn: 'қайтару',
	reason_conservation: 'қалпына келтіру', reason_photography: 'суретке түсіру', reason_packing: 'қаптау', reason_unpacking: 'қаптамадан шығару', reason_transit: 'транзит',
	grade_excellent: 'өте жақсы', grade_good: 'жақсы', grade_fair: 'қанағаттанарлық', grade_poor: 'нашар', grade_fragmentary: 'жарым-жартылай',
	timeHint: 'Қазақстан уақыты', private: 'жабық',
};

// Under the "archive" section with a "ledger_" prefix: terms read as archive_ledger_<key>.
const prefixed = (terms: Terms) => ({ archive: Object.fromEntries(Object.entries(terms).map(([key, value]) => [`ledger_${key}`, value])) });

export const ledgerLocalizations: Record<string, UmbLocalizationDictionary> = { en: prefixed(en), ru: prefixed(ru), kk: prefixed(kk) };
