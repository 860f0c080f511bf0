// The registrar view's words in the back office's languages; Umbraco picks them by the curator's UI language.
import type { UmbLocalizationDictionary } from '@umbraco-cms/backoffice/localization-api';

const en = {
	registrar: 'Registrar',
	registrarDocuments: "Registrar's documents",
	registrarIntro: 'Printable documents for this stop, read from the records as they stand (drafts included), in your language. They show private values: keep them within the museum.',
	packList: 'Pack list', packListHint: 'What travels on from the stop before, what comes from lenders and what goes back to them, one page per object.',
	conditionChecks: 'Condition-check forms', conditionChecksHint: 'A form per object for the hand-over: grade, notes, photographs, who checked and when.',
	checklistCsv: 'Checklist (CSV)', checklistCsvHint: 'Each object with its lender, loan, agreement state and credit line, for a spreadsheet.',
	opensInNewTab: 'opens in a new tab',
	loanAgreementView: 'Agreement', loanAgreement: 'Loan agreement summary',
	loanAgreementHint: 'A printable summary of this loan: the parties, period and venues, conditions, courier, and each object with its value and where it is now. It shows private values.',
};

type Terms = typeof en;

const ru: Terms = {
	registrar: 'Регистратор',
	registrarDocuments: 'Документы регистратора',
	registrarIntro: 'Документы этого этапа для печати, по записям в их нынешнем виде (включая черновики), на вашем языке. В них есть закрытые сведения: не выносите их за пределы музея.',
	packList: 'Упаковочный лист', packListHint: 'Что перевозится с предыдущего этапа, что поступает от владельцев и что им возвращается, по странице на предмет.',
	conditionChecks: 'Бланки проверки сохранности', conditionChecksHint: 'Бланк на каждый предмет при передаче: состояние, заметки, фотографии, кто и когда проверил.',
	checklistCsv: 'Список предметов (CSV)', checklistCsvHint: 'Каждый предмет с владельцем, договором, его состоянием и указанием владельца, для таблицы.',
	opensInNewTab: 'открывается в новой вкладке',
	loanAgreementView: 'Договор', loanAgreement: 'Сводка договора о передаче',
	loanAgreementHint: 'Сводка этой передачи для печати: стороны, срок и площадки, условия, курьер и каждый предмет с его стоимостью и местом, где он сейчас. В ней есть закрытые сведения.',
};

const kk: Terms = {
	registrar: 'Тіркеуші',
	registrarDocuments: 'Тіркеуші құжаттары',
	registrarIntro: 'Осы кезеңнің басып шығаруға арналған құжаттары, жазбалардың қазіргі күйі бойынша (жобаларымен қоса), сіздің тіліңізде. Оларда жабық мәліметтер бар: мұражайдан тыс шығармаңыз.',
	packList: 'Қаптама тізімі', packListHint: 'Алдыңғы кезеңнен не тасымалданады, иелерінен не келеді және оларға не қайтарылады, әр нысанға бір бет.',
	conditionChecks: 'Сақталу жағдайын тексеру бланкілері', conditionChecksHint: 'Тапсыру кезінде әр нысанға бланк: жағдайы, ескертпелер, суреттер, кім және қашан тексерді.',
	checklistCsv: 'Нысандар тізімі (CSV)', checklistCsvHint: 'Әр нысан иесімен, шартымен, оның күйімен және иесін көрсетумен, кесте үшін.',
	opensInNewTab: 'жаңа қойындыда ашылады',
	loanAgreementView: 'Шарт', loanAgreement: 'Уақытша беру шартының қысқаша мазмұны',
	loanAgreementHint: 'Осы берудің басып шығаруға арналған қысқаша мазмұны: тараптар, мерзімі мен өтетін орындары, шарттары, курьер және әр нысанның құны мен қазір тұрған жері. Онда жабық мәліметтер бар.',
};

export const registrarLocalizations: Record<string, UmbLocalizationDictionary> = {
	en: { archive: en },
	ru: { archive: ru },
	kk: { archive: kk },
};
