namespace Archive.Web.Management.Registrar;

/// The words of the registrar's documents in the archive's first languages; any other culture reads them in English.
public static class RegistrarWords
{
    private static readonly Dictionary<string, string[]> Words = new()
    {
        // key: en, ru, kk
        ["packList"] = ["Pack list", "Упаковочный лист", "Қаптама тізімі"],
        ["conditionChecks"] = ["Condition checks", "Проверка сохранности", "Сақталу жағдайын тексеру"],
        ["stop"] = ["Stop", "Этап", "Кезең"],
        ["venue"] = ["Venue", "Площадка", "Өтетін орын"],
        ["dates"] = ["Dates", "Даты", "Күндері"],
        ["travelling"] = ["Travelling from the previous stop", "Перевозится с предыдущего этапа", "Алдыңғы кезеңнен тасымалданады"],
        ["fromLenders"] = ["Arriving from lenders", "Поступает от владельцев", "Иелерінен келеді"],
        ["returning"] = ["Returning to lenders after the previous stop", "Возвращается владельцам после предыдущего этапа", "Алдыңғы кезеңнен кейін иелеріне қайтарылады"],
        ["object"] = ["Object", "Предмет", "Нысан"],
        ["accession"] = ["Accession number", "Инвентарный номер", "Түгендеу нөмірі"],
        ["dimensions"] = ["Dimensions", "Размеры", "Өлшемдері"],
        ["condition"] = ["Last recorded condition", "Последнее отмеченное состояние", "Соңғы белгіленген жағдайы"],
        ["owner"] = ["Held by", "Владелец", "Иесі"],
        ["loan"] = ["Loan", "Передача", "Уақытша беру"],
        ["state"] = ["Agreement", "Договор", "Шарт"],
        ["credit"] = ["Credit line", "Указание владельца", "Иесін көрсету"],
        ["insurance"] = ["Insurance value (KZT)", "Страховая стоимость (тенге)", "Сақтандыру құны (теңге)"],
        ["notCovered"] = ["Not covered by a signed loan: it may not travel.", "Не покрыт подписанным договором: не может перевозиться.", "Қол қойылған шартпен қамтылмаған: тасымалдауға болмайды."],
        ["private"] = ["Private record", "Закрытая запись", "Жабық жазба"],
        ["grade"] = ["Condition", "Состояние", "Жағдайы"],
        ["excellent"] = ["excellent", "отличное", "өте жақсы"],
        ["good"] = ["good", "хорошее", "жақсы"],
        ["fair"] = ["fair", "удовлетворительное", "қанағаттанарлық"],
        ["poor"] = ["poor", "плохое", "нашар"],
        ["requested"] = ["requested", "запрошен", "сұралған"],
        ["agreed"] = ["agreed", "согласован", "келісілген"],
        ["signed"] = ["signed", "подписан", "қол қойылған"],
        ["active"] = ["active", "действует", "күшінде"],
        ["returned"] = ["returned", "возвращено", "қайтарылған"],
        ["notes"] = ["Notes (damage, changes since the last check)", "Заметки (повреждения, изменения с прошлой проверки)", "Ескертпелер (зақым, соңғы тексеруден бергі өзгерістер)"],
        ["photographs"] = ["Photographs taken", "Сделанные фотографии", "Түсірілген суреттер"],
        ["checkedBy"] = ["Checked by", "Проверил(а)", "Тексерген"],
        ["handedOver"] = ["Handed over by", "Передал(а)", "Тапсырған"],
        ["received"] = ["Received by", "Принял(а)", "Қабылдаған"],
        ["date"] = ["Date", "Дата", "Күні"],
        ["crate"] = ["Crate", "Ящик", "Жәшік"],
        ["count"] = ["Objects", "Предметов", "Нысандар"],
        ["nowAt"] = ["Now at (movement ledger)", "Сейчас находится (журнал перемещений)", "Қазір тұрған жері (қозғалыс журналы)"],
        ["inTransit"] = ["in transit", "в пути", "жолда"],
        ["loanAgreement"] = ["Loan agreement summary", "Сводка договора о передаче", "Уақытша беру шартының қысқаша мазмұны"],
        ["lender"] = ["Lender", "Передающая сторона", "Беруші тарап"],
        ["borrower"] = ["Borrower", "Принимающая сторона", "Алушы тарап"],
        ["period"] = ["Period", "Срок", "Мерзімі"],
        ["renewals"] = ["Renewals", "Продления", "Ұзартулар"],
        ["purpose"] = ["Purpose", "Цель", "Мақсаты"],
        ["conditions"] = ["Display conditions", "Условия экспонирования", "Көрмеге қою шарттары"],
        ["maxImage"] = ["Images shown no larger than (px)", "Изображения не крупнее (пикс.)", "Суреттер мына өлшемнен аспайды (пикс.)"],
        ["noPhoto"] = ["No photography", "Фотосъёмка запрещена", "Суретке түсіруге тыйым салынған"],
        ["internal"] = ["Internal conditions", "Внутренние условия", "Ішкі шарттар"],
        ["courier"] = ["Courier", "Курьер", "Курьер"],
        ["venues"] = ["Venues and dates", "Площадки и даты", "Өтетін орындар мен күндер"],
        ["totalInsurance"] = ["Total insurance value (KZT)", "Общая страховая стоимость (тенге)", "Жалпы сақтандыру құны (теңге)"],
        ["signatures"] = ["Signatures", "Подписи", "Қолтаңбалар"],
        ["lastCheck"] = ["Last condition check", "Последняя проверка сохранности", "Сақталуын соңғы тексеру"],
    };

    public static string For(string culture, string key)
    {
        var words = Words[key];
        return culture.Split('-')[0].ToLowerInvariant() switch
        {
            "ru" => words[1],
            "kk" => words[2],
            _ => words[0],
        };
    }

    /// A stored choice (a condition grade, an agreement state) in the culture's words; any other value as it is.
    public static string? ForValue(string culture, string? value) => value is not null && Words.ContainsKey(value) ? For(culture, value) : value;

    /// The culture the words are in (for the page's lang): kk, ru or en.
    public static string LanguageOf(string culture) => culture.Split('-')[0].ToLowerInvariant() is "ru" or "kk" ? culture.Split('-')[0].ToLowerInvariant() : "en";
}
