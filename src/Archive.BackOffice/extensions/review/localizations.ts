// The review workflow's words in the back office's languages; Umbraco picks them by the curator's UI language.
import type { UmbLocalizationDictionary } from '@umbraco-cms/backoffice/localization-api';

const en = {
	awaitingReview: 'Awaiting review',
	returnedForChanges: 'Returned for changes',
	nothingWaiting: 'Nothing is waiting for review.',
	nothingReturned: 'No record has been returned for changes.',
	review: 'Review',
	submit: 'Submit for review', approve: 'Approve', return: 'Return with comment',
	submitHeadline: 'Submit for review', approveHeadline: 'Approve and publish', returnHeadline: 'Return for changes',
	submitExplained: 'A curator will read the saved record and publish it or return it to you with a comment.',
	approveExplained: 'The record is published in the languages it was submitted in.',
	returnExplained: 'The record goes back to the person who submitted it; say what should change.',
	commentOptional: 'Comment (optional)', commentRequired: 'What should change', commentMissing: 'Write what should change before returning the record.',
	submitDone: 'Submitted for review', approveDone: 'Approved and published', returnDone: 'Returned for changes',
	stepRefused: 'The review step was refused',
	stateSubmitted: 'Submitted', stateApproved: 'Approved', stateReturned: 'Returned',
	nowSubmitted: 'Waiting for review.', nowApproved: 'Approved after review.', nowReturned: 'Returned for changes.',
};

type Terms = typeof en;

const ru: Terms = {
	awaitingReview: 'Ожидают проверки',
	returnedForChanges: 'Возвращены на доработку',
	nothingWaiting: 'Проверки ничего не ожидает.',
	nothingReturned: 'На доработку ничего не возвращено.',
	review: 'Проверка',
	submit: 'Отправить на проверку', approve: 'Одобрить', return: 'Вернуть с комментарием',
	submitHeadline: 'Отправить на проверку', approveHeadline: 'Одобрить и опубликовать', returnHeadline: 'Вернуть на доработку',
	submitExplained: 'Хранитель прочтёт сохранённую запись и опубликует её или вернёт вам с комментарием.',
	approveExplained: 'Запись будет опубликована на тех языках, на которых её отправили.',
	returnExplained: 'Запись вернётся к отправившему; напишите, что нужно изменить.',
	commentOptional: 'Комментарий (необязательно)', commentRequired: 'Что нужно изменить', commentMissing: 'Напишите, что нужно изменить, прежде чем вернуть запись.',
	submitDone: 'Отправлено на проверку', approveDone: 'Одобрено и опубликовано', returnDone: 'Возвращено на доработку',
	stepRefused: 'Шаг проверки отклонён',
	stateSubmitted: 'Отправлено', stateApproved: 'Одобрено', stateReturned: 'Возвращено',
	nowSubmitted: 'Ожидает проверки.', nowApproved: 'Одобрено после проверки.', nowReturned: 'Возвращено на доработку.',
};

const kk: Terms = {
	awaitingReview: 'Тексеруді күтуде',
	returnedForChanges: 'Пысықтауға қайтарылғандар',
	nothingWaiting: 'Тексеруді ештеңе күтіп тұрған жоқ.',
	nothingReturned: 'Пысықтауға ештеңе қайтарылған жоқ.',
	review: 'Тексеру',
	submit: 'Тексеруге жіберу', approve: 'Мақұлдау', return: 'Пікірмен қайтару',
	submitHeadline: 'Тексеруге жіберу', approveHeadline: 'Мақұлдау және жариялау', returnHeadline: 'Пысықтауға қайтару',
	submitExplained: 'Қор сақтаушы сақталған жазбаны оқып, оны жариялайды немесе пікірімен сізге қайтарады.',
	approveExplained: 'Жазба жіберілген тілдерінде жарияланады.',
	returnExplained: 'Жазба жіберген адамға қайтады; нені өзгерту керектігін жазыңыз.',
	commentOptional: 'Пікір (міндетті емес)', commentRequired: 'Нені өзгерту керек', commentMissing: 'Жазбаны қайтармас бұрын нені өзгерту керектігін жазыңыз.',
	submitDone: 'Тексеруге жіберілді', approveDone: 'Мақұлданып, жарияланды', returnDone: 'Пысықтауға қайтарылды',
	stepRefused: 'Тексеру қадамы қабылданбады',
	stateSubmitted: 'Жіберілді', stateApproved: 'Мақұлданды', stateReturned: 'Қайтарылды',
	nowSubmitted: 'Тексеруді күтуде.', nowApproved: 'Тексеруден кейін мақұлданды.', nowReturned: 'Пысықтауға қайтарылды.',
};

export const reviewLocalizations: Record<string, UmbLocalizationDictionary> = {
	en: { archive: en },
	ru: { archive: ru },
	kk: { archive: kk },
};
