using Archive.Catalogues.Demo;

namespace Archive.Catalogues.Synthetic;

/// Aligned word pools (the same meaning in kk, ru, en) that synthetic records are built from.
internal static class WordPools
{
    public static readonly Texts[] Objects =
    [
        new("қолжазба", "рукопись", "manuscript"), new("хат", "письмо", "letter"), new("фотосурет", "фотография", "photograph"),
        new("кітап", "книга", "book"), new("кескіндеме", "картина", "painting"), new("гравюра", "гравюра", "engraving"),
        new("сиясауыт", "чернильница", "inkwell"), new("үстел", "стол", "table"), new("самауыр", "самовар", "samovar"),
        new("кілем", "ковёр", "carpet"), new("домбыра", "домбра", "dombra"), new("орамал", "рушник", "towel"),
        new("шапан", "чапан", "robe"), new("сәукеле", "саукеле", "headdress"), new("кесе", "пиала", "bowl"),
        new("сандық", "сундук", "chest"), new("білезік", "браслет", "bracelet"), new("карта", "карта", "map"),
        new("қалам", "перо", "pen"), new("көйлек", "платье", "dress"), new("ер-тұрман", "седло", "saddle"),
        new("қобыз", "кобыз", "kobyz"), new("тақия", "тюбетейка", "skullcap"), new("құмыра", "кувшин", "jug"),
    ];

    public static readonly Texts[] Adjectives =
    [
        new("ескі", "старинный", "old"), new("күміс", "серебряный", "silver"), new("кестелі", "вышитый", "embroidered"),
        new("ағаш", "деревянный", "wooden"), new("жібек", "шёлковый", "silk"), new("боялған", "расписной", "painted"),
        new("жол", "дорожный", "travelling"), new("отбасылық", "семейный", "family"), new("той", "свадебный", "wedding"),
        new("шағын", "маленький", "small"), new("үлкен", "большой", "large"), new("сирек", "редкий", "rare"),
    ];

    public static readonly Texts[] Places =
    [
        new("Семей", "Семей", "Semey"), new("Алматы", "Алматы", "Almaty"), new("Астана", "Астана", "Astana"),
        new("Орал", "Уральск", "Oral"), new("Шымкент", "Шымкент", "Shymkent"), new("Қарағанды", "Караганда", "Karaganda"),
        new("Түркістан", "Туркестан", "Turkistan"), new("Ақтөбе", "Актобе", "Aktobe"), new("Павлодар", "Павлодар", "Pavlodar"),
    ];

    public static readonly Texts[] Owners =
    [
        new("ақынның", "поэта", "the poet's"), new("жазушының", "писателя", "the writer's"), new("суретшінің", "художника", "the artist's"),
        new("мұғалімнің", "учителя", "the teacher's"), new("шебердің", "мастера", "the craftsman's"), new("отбасының", "семьи", "the family's"),
    ];

    public static readonly string[] Datings =
    [
        "c. {0}", "{0}", "{d}s", "late 19th century", "early 20th century", "конец XIX века", "середина XX века", "XIX ғасырдың аяғы",
        "{0}–{1}", "first half of the 20th century", "1850-е годы", "XX ғасырдың басы",
    ];

    public static readonly Texts SentenceA = new(
        "Бұл {adj} {obj} {place} қаласында табылған және {owner} жеке заттарының қатарына жатады.",
        "Этот {adj} предмет — {obj} — найден в городе {place} и входит в круг личных вещей {owner}.",
        "This {adj} {obj} was found in {place} and belongs among {owner} personal belongings.");

    public static readonly Texts SentenceB = new(
        "Нысан жақсы сақталған, бетінде уақыт іздері бар; ол мұражай қорына сыйға тартылған.",
        "Предмет хорошо сохранился, на поверхности видны следы времени; он передан в дар фондам музея.",
        "The object is well preserved, with traces of time on its surface; it was donated to the museum's holdings.");

    public static readonly Texts SentenceC = new(
        "Синтетикалық жазба: өнімділікті өлшеуге арналған.",
        "Синтетическая запись для измерения производительности.",
        "Synthetic record, made for performance measurements.");
}
