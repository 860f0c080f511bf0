namespace Archive.Catalogues.Demo;

public sealed record TermSeed(string Id, Texts Label, Texts? Alternatives = null, string? ExternalId = null);

public sealed record PersonSeed(string Id, Texts Name, string LifeDates, Texts Role);

public sealed record ObjectSeed(string Type, string[] Materials, string Dating, Texts Title, Texts Dimensions, string? Place = null, string? People = null, string? Maker = null);

public sealed record InstitutionSeed(string Id, Texts Name, string Kind, Texts City, string Prefix, double Latitude, double Longitude, string CityTerm,
    Texts CollectionName, bool IsPrivate, ObjectSeed[] Objects, string? Person = null, string? People = null);

/// The demo catalogue's content. Real writers appear with their well-known life dates only;
/// every object, collection detail and exhibition is an invented sample and says so.
public static class DemoData
{
    public static readonly TermSeed[] ObjectTypes =
    [
        new("manuscript", new("Қолжазба", "Рукопись", "Manuscript"), ExternalId: "wikidata:Q87167"),
        new("letter", new("Хат", "Письмо", "Letter"), ExternalId: "wikidata:Q133492"),
        new("photograph", new("Фотосурет", "Фотография", "Photograph"), ExternalId: "wikidata:Q125191"),
        new("book", new("Кітап", "Книга", "Book"), ExternalId: "wikidata:Q571"),
        new("painting", new("Кескіндеме", "Живопись", "Painting"), ExternalId: "wikidata:Q3305213"),
        new("engraving", new("Гравюра", "Гравюра", "Engraving")),
        new("inkwell", new("Сиясауыт", "Чернильница", "Inkwell")),
        new("desk", new("Жазу үстелі", "Письменный стол", "Writing desk")),
        new("samovar", new("Самауыр", "Самовар", "Samovar")),
        new("carpet", new("Кілем", "Ковёр", "Carpet")),
        new("dombra", new("Домбыра", "Домбра", "Dombra")),
        new("towel", new("Кестелі орамал", "Вышитый рушник", "Embroidered towel"), new("Рушник", "Рушник", "Rushnyk")),
        new("robe", new("Шапан", "Чапан", "Robe (chapan)")),
        new("headdress", new("Сәукеле", "Саукеле", "Bridal headdress (saukele)")),
        new("bowl", new("Кесе", "Пиала", "Bowl (kese)")),
        new("chest", new("Сандық", "Сундук", "Chest")),
        new("bracelet", new("Білезік", "Браслет", "Bracelet")),
        new("map", new("Карта", "Карта", "Map")),
        new("pen", new("Қауырсын қалам", "Гусиное перо", "Quill pen")),
        new("costume", new("Ұлттық киім", "Национальный костюм", "Traditional costume")),
    ];

    public static readonly TermSeed[] Materials =
    [
        new("paper", new("Қағаз", "Бумага", "Paper")),
        new("ink", new("Сия", "Чернила", "Ink")),
        new("wood", new("Ағаш", "Дерево", "Wood")),
        new("wool", new("Жүн", "Шерсть", "Wool")),
        new("silk", new("Жібек", "Шёлк", "Silk")),
        new("silver", new("Күміс", "Серебро", "Silver")),
        new("leather", new("Былғары", "Кожа", "Leather")),
        new("felt", new("Киіз", "Войлок", "Felt")),
        new("ceramic", new("Керамика", "Керамика", "Ceramic")),
        new("brass", new("Жез", "Латунь", "Brass")),
        new("oil", new("Майлы бояу", "Масляная краска", "Oil paint")),
        new("canvas", new("Кенеп", "Холст", "Canvas")),
        new("cotton", new("Мақта мата", "Хлопок", "Cotton")),
        new("glass", new("Шыны", "Стекло", "Glass")),
    ];

    public static readonly TermSeed[] Peoples =
    [
        new("kazakh", new("Қазақтар", "Казахи", "Kazakhs")),
        new("russian", new("Орыстар", "Русские", "Russians")),
        new("ukrainian", new("Украиндар", "Украинцы", "Ukrainians")),
        new("uyghur", new("Ұйғырлар", "Уйгуры", "Uyghurs")),
        new("korean", new("Корейлер", "Корейцы", "Koreans"), new("Корё сарам", "Корё-сарам", "Koryo-saram")),
        new("german", new("Немістер", "Немцы", "Germans")),
        new("tatar", new("Татарлар", "Татары", "Tatars")),
    ];

    public static readonly TermSeed[] Places =
    [
        new("semey", new("Семей", "Семей", "Semey"), new("Семипалатинск", "Семипалатинск", "Semipalatinsk")),
        new("almaty", new("Алматы", "Алматы", "Almaty"), new("Верный\nАлма-Ата", "Верный\nАлма-Ата", "Verny\nAlma-Ata")),
        new("astana", new("Астана", "Астана", "Astana"), new("Ақмола\nЦелиноград\nНұр-Сұлтан", "Акмолинск\nЦелиноград\nАкмола\nНур-Султан", "Akmolinsk\nTselinograd\nAkmola\nNur-Sultan")),
        new("fort-shevchenko", new("Форт-Шевченко", "Форт-Шевченко", "Fort-Shevchenko"), new("Новопетровск", "Новопетровское укрепление", "Novopetrovsk")),
        new("oral", new("Орал", "Уральск", "Oral"), new("Уральск", "Орал", "Uralsk")),
        new("kyiv", new("Киев", "Киев", "Kyiv"), new("Київ", "Київ", "Kiev")),
        new("saint-petersburg", new("Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg"), new("Петербор\nЛенинград", "Петроград\nЛенинград", "Petrograd\nLeningrad")),
        new("moscow", new("Мәскеу", "Москва", "Moscow")),
        new("kashgar", new("Қашқар", "Кашгар", "Kashgar")),
        new("seoul", new("Сеул", "Сеул", "Seoul")),
    ];

    public static readonly PersonSeed[] People =
    [
        new("pushkin", new("Александр Пушкин", "Александр Пушкин", "Alexander Pushkin"), "1799–1837", new("ақын, жазушы", "поэт, писатель", "poet, writer")),
        new("shevchenko", new("Тарас Шевченко", "Тарас Шевченко", "Taras Shevchenko"), "1814–1861", new("ақын, суретші", "поэт, художник", "poet, artist")),
        new("dostoevsky", new("Фёдор Достоевский", "Фёдор Достоевский", "Fyodor Dostoevsky"), "1821–1881", new("жазушы", "писатель", "writer")),
        new("sholokhov", new("Михаил Шолохов", "Михаил Шолохов", "Mikhail Sholokhov"), "1905–1984", new("жазушы", "писатель", "writer")),
        new("abai", new("Абай Құнанбайұлы", "Абай Кунанбаев", "Abai Qunanbaiuly"), "1845–1904", new("ақын, ойшыл, аудармашы", "поэт, мыслитель, переводчик", "poet, thinker, translator")),
        new("curator", new("Үлгі куратор", "Образец: куратор", "Sample curator"), "1970–2020", new("куратор (ойдан шығарылған)", "куратор (вымышленный)", "curator (fictional)")),
    ];

    private static Texts T(string kk, string ru, string en) => new(kk, ru, en);

    private static readonly Texts Cm = T("см", "см", "cm");

    private static Texts Size(string size) => T(size + " см", size + " см", size + " cm");

    public static readonly InstitutionSeed[] Institutions =
    [
        new("pushkin-museum", T("А. С. Пушкиннің әдеби-мемориалдық мұражайы (үлгі)", "Литературно-мемориальный музей А. С. Пушкина (образец)", "A. S. Pushkin Literary-Memorial Museum (sample)"),
            "literary-memorial museum", T("Алматы", "Алматы", "Almaty"), "PSH", 43.2389, 76.8897, "almaty",
            T("Ақын кабинеті", "Кабинет поэта", "The poet's study"), false,
        [
            new("manuscript", ["paper", "ink"], "1830s", T("Өлең қолжазбасының көшірмесі", "Список стихотворения", "Copy of a poem in manuscript"), Size("22 × 18"), "saint-petersburg", "russian", "pushkin"),
            new("letter", ["paper", "ink"], "c. 1833", T("Досына жазылған хат", "Письмо другу", "Letter to a friend"), Size("20 × 16"), "moscow", "russian"),
            new("book", ["paper", "leather"], "1838", T("«Евгений Онегин» басылымы", "Издание «Евгения Онегина»", "An edition of Eugene Onegin"), Size("18 × 12 × 3"), "saint-petersburg", "russian", "pushkin"),
            new("inkwell", ["brass", "glass"], "first half of the 19th century", T("Жезден жасалған сиясауыт", "Латунная чернильница", "Brass inkwell"), Size("9 × 9 × 7")),
            new("pen", ["glass", "wood"], "19th century", T("Қауырсын қалам мен құмсалғыш", "Гусиное перо и песочница", "Quill pen and sand shaker"), Size("30 × 4")),
            new("engraving", ["paper"], "1820s", T("Петербор көрінісі бар гравюра", "Гравюра с видом Петербурга", "Engraving with a view of Saint Petersburg"), Size("35 × 28"), "saint-petersburg"),
            new("painting", ["oil", "canvas"], "mid-19th century", T("Ақынның портреті, көшірме", "Портрет поэта, копия", "Portrait of the poet, a copy"), Size("60 × 48"), null, null, "pushkin"),
            new("desk", ["wood", "leather"], "late 19th century", T("Жазу үстелі", "Письменный стол", "Writing desk"), Size("120 × 70 × 78")),
            new("samovar", ["brass"], "конец XIX века", T("Шай ішетін самауыр", "Самовар для чаепития", "Tea samovar"), Size("45 × 30")),
        ], "pushkin", "russian"),
        new("shevchenko-museum", T("Т. Г. Шевченконың мұражайы (үлгі)", "Музей Т. Г. Шевченко (образец)", "T. G. Shevchenko Museum (sample)"),
            "literary-memorial museum", T("Форт-Шевченко", "Форт-Шевченко", "Fort-Shevchenko"), "SHV", 44.5086, 50.2633, "fort-shevchenko",
            T("Жер аудару жылдары", "Годы ссылки", "Years of exile"), false,
        [
            new("painting", ["oil", "canvas"], "1850s", T("Маңғыстау жағалауы, көшірме", "Берег Мангышлака, копия", "The Mangyshlak shore, a copy"), Size("40 × 55"), "fort-shevchenko", null, "shevchenko"),
            new("engraving", ["paper"], "1850–1857", T("Бекініс көрінісі бар офорт", "Офорт с видом укрепления", "Etching of the fortress"), Size("30 × 40"), "fort-shevchenko"),
            new("manuscript", ["paper", "ink"], "mid-19th century", T("«Кобзарь» өлеңдерінің қолжазба көшірмесі", "Рукописный список стихов «Кобзаря»", "Manuscript copy of Kobzar poems"), Size("21 × 17"), "kyiv", "ukrainian", "shevchenko"),
            new("letter", ["paper", "ink"], "c. 1855", T("Жер аударылған ақынның хаты", "Письмо ссыльного поэта", "Letter from the exiled poet"), Size("20 × 15"), "fort-shevchenko", "ukrainian"),
            new("towel", ["cotton", "silk"], "late 19th century", T("Кестелі украин орамалы", "Вышитый украинский рушник", "Embroidered Ukrainian towel"), Size("220 × 38"), "kyiv", "ukrainian"),
            new("book", ["paper", "leather"], "1860", T("«Кобзарь» кітабы", "Книга «Кобзарь»", "Kobzar, a printed edition"), Size("17 × 11 × 2"), "saint-petersburg", "ukrainian", "shevchenko"),
            new("carpet", ["wool"], "XIX ғасырдың екінші жартысы", T("Маңғыстау кілемі", "Мангышлакский ковёр", "Carpet from Mangyshlak"), Size("300 × 180"), "fort-shevchenko", "kazakh"),
            new("chest", ["wood", "silver"], "XIX ғасырдың аяғы", T("Күміспен әшекейленген сандық", "Сундук с серебряным декором", "Chest with silver fittings"), Size("90 × 50 × 55"), null, "kazakh"),
            new("map", ["paper"], "1850s", T("Каспий жағалауының картасы", "Карта побережья Каспия", "Map of the Caspian shore"), Size("60 × 45")),
        ], "shevchenko", "ukrainian"),
        new("dostoevsky-museum", T("Ф. М. Достоевскийдің әдеби-мемориалдық мұражайы (үлгі)", "Литературно-мемориальный музей Ф. М. Достоевского (образец)", "F. M. Dostoevsky Literary-Memorial Museum (sample)"),
            "literary-memorial museum", T("Семей", "Семей", "Semey"), "DST", 50.4111, 80.2275, "semey",
            T("Семей жылдары", "Семипалатинские годы", "The Semipalatinsk years"), false,
        [
            new("photograph", ["paper", "glass"], "1858", T("Жазушының фотосуреті, көшірме", "Фотография писателя, копия", "Photograph of the writer, a copy"), Size("14 × 9"), "semey", null, "dostoevsky"),
            new("letter", ["paper", "ink"], "1856", T("Семейден жазылған хат", "Письмо из Семипалатинска", "Letter written in Semipalatinsk"), Size("21 × 17"), "semey", "russian", "dostoevsky"),
            new("manuscript", ["paper", "ink"], "c. 1859", T("Повесть қолжазбасының парағы", "Лист рукописи повести", "Leaf from a novella manuscript"), Size("22 × 18"), "semey", "russian", "dostoevsky"),
            new("book", ["paper", "leather"], "1860s", T("Роман басылымы", "Издание романа", "An edition of a novel"), Size("19 × 13 × 4"), "saint-petersburg", "russian", "dostoevsky"),
            new("desk", ["wood"], "середина XIX века", T("Офицер үйінен шыққан үстел", "Стол из офицерского дома", "Table from an officer's house"), Size("110 × 65 × 76"), "semey"),
            new("samovar", ["brass"], "1850s", T("Жез самауыр", "Латунный самовар", "Brass samovar"), Size("48 × 32"), "semey", "russian"),
            new("inkwell", ["glass", "brass"], "XIX век", T("Шыны сиясауыт", "Стеклянная чернильница", "Glass inkwell"), Size("8 × 8 × 6")),
            new("bowl", ["ceramic"], "XIX ғасыр", T("Қазақ кесесі", "Казахская пиала", "Kazakh bowl (kese)"), Size("6 × 11"), "semey", "kazakh"),
            new("dombra", ["wood"], "late 19th century", T("Семей домбырасы", "Домбра из Семея", "Dombra from Semey"), Size("98 × 20"), "semey", "kazakh", "abai"),
        ], "dostoevsky", "russian"),
        new("sholokhov-museum", T("М. А. Шолоховтың әдеби-мемориалдық мұражайы (үлгі)", "Литературно-мемориальный музей М. А. Шолохова (образец)", "M. A. Sholokhov Literary-Memorial Museum (sample)"),
            "literary-memorial museum", T("Орал", "Уральск", "Oral"), "SHL", 51.2333, 51.3667, "oral",
            T("Жазушы және дала", "Писатель и степь", "The writer and the steppe"), false,
        [
            new("photograph", ["paper"], "1942", T("Соғыс жылдарының фотосуреті", "Фотография военных лет", "Wartime photograph"), Size("18 × 13"), "oral", null, "sholokhov"),
            new("book", ["paper"], "1940s", T("«Тынық Дон» басылымы", "Издание «Тихого Дона»", "An edition of And Quiet Flows the Don"), Size("21 × 14 × 5"), "moscow", "russian", "sholokhov"),
            new("letter", ["paper", "ink"], "1940s", T("Жерлестерге жазылған хат", "Письмо землякам", "Letter to fellow villagers"), Size("20 × 14"), "oral", "russian", "sholokhov"),
            new("manuscript", ["paper", "ink"], "mid-20th century", T("Очерк қолжазбасы", "Рукопись очерка", "Manuscript of an essay"), Size("30 × 21"), null, "russian", "sholokhov"),
            new("robe", ["silk", "cotton"], "early 20th century", T("Орал өңірінің шапаны", "Чапан Приуралья", "Robe from the Ural region"), Size("130 × 150"), "oral", "kazakh"),
            new("carpet", ["wool", "felt"], "XX ғасырдың басы", T("Сырмақ", "Сырмак (войлочный ковёр)", "Felt rug (syrmak)"), Size("250 × 150"), "oral", "kazakh"),
            new("dombra", ["wood"], "1930s", T("Ауыл домбырасы", "Аульная домбра", "Village dombra"), Size("95 × 19"), "oral", "kazakh"),
            new("samovar", ["brass"], "начало XX века", T("Жолға алатын самауыр", "Дорожный самовар", "Travelling samovar"), Size("35 × 25"), null, "russian"),
            new("photograph", ["paper"], "1960s", T("Оқырмандармен кездесу", "Встреча с читателями", "Meeting with readers"), Size("24 × 18"), "oral", null, "sholokhov"),
        ], "sholokhov", "russian"),
        new("ukrainian-association", T("Украин мәдени орталығының жеке коллекциясы (үлгі)", "Частная коллекция Украинского культурного центра (образец)", "Private collection of the Ukrainian Cultural Centre (sample)"),
            "private collection of an ethnocultural association", T("Астана", "Астана", "Astana"), "UKR", 51.1694, 71.4491, "astana",
            T("Отбасылық мұра", "Семейные реликвии", "Family heirlooms"), true,
        [
            new("towel", ["cotton", "silk"], "1920s", T("Үйлену орамалы", "Свадебный рушник", "Wedding towel (rushnyk)"), Size("240 × 36"), "kyiv", "ukrainian"),
            new("costume", ["cotton", "wool"], "early 20th century", T("Кестелі көйлек", "Вышиванка", "Embroidered shirt (vyshyvanka)"), Size("120 × 70"), null, "ukrainian"),
            new("photograph", ["paper"], "1950s", T("Тың игерушілер отбасы", "Семья целинников", "A family of Virgin Lands settlers"), Size("13 × 18"), "astana", "ukrainian"),
            new("book", ["paper"], "1910s", T("Украин тіліндегі әліппе", "Украинский букварь", "Ukrainian primer"), Size("20 × 15 × 1"), "kyiv", "ukrainian"),
            new("bowl", ["ceramic"], "mid-20th century", T("Боялған қыш тостаған", "Расписная глиняная миска", "Painted earthenware bowl"), Size("7 × 18"), null, "ukrainian"),
            new("chest", ["wood"], "1930s", T("Көшіп-қонушы сандығы", "Сундук переселенцев", "Settlers' chest"), Size("80 × 45 × 50"), null, "ukrainian"),
            new("painting", ["oil", "canvas"], "1970s", T("Дала мен бидай алқабы", "Степь и пшеничное поле", "Steppe and wheat field"), Size("50 × 70"), "astana"),
            new("letter", ["paper", "ink"], "1954", T("Тыңнан жазылған хат", "Письмо с целины", "Letter from the Virgin Lands"), Size("20 × 14"), "astana", "ukrainian"),
            new("headdress", ["cotton", "silk"], "early 20th century", T("Гүлді бас киім (вінок)", "Венок с лентами", "Wreath with ribbons (vinok)"), Size("30 × 25"), null, "ukrainian"),
        ], null, "ukrainian"),
        new("uyghur-association", T("Ұйғыр этномәдени бірлестігінің жеке коллекциясы (үлгі)", "Частная коллекция Уйгурского этнокультурного объединения (образец)", "Private collection of the Uyghur Ethnocultural Association (sample)"),
            "private collection of an ethnocultural association", T("Алматы", "Алматы", "Almaty"), "UYG", 43.2567, 76.9286, "almaty",
            T("Қолөнер және музыка", "Ремёсла и музыка", "Crafts and music"), true,
        [
            new("carpet", ["wool", "silk"], "late 19th century", T("Қашқар кілемі", "Кашгарский ковёр", "Kashgar carpet"), Size("280 × 170"), "kashgar", "uyghur"),
            new("robe", ["silk"], "early 20th century", T("Атлас көйлек", "Атласное платье", "Atlas silk dress"), Size("125 × 60"), "kashgar", "uyghur"),
            new("bowl", ["ceramic"], "XIX век", T("Жылтыр кесе", "Глазурованная пиала", "Glazed bowl"), Size("7 × 12"), "kashgar", "uyghur"),
            new("bracelet", ["silver"], "XIX ғасырдың аяғы", T("Күміс білезік", "Серебряный браслет", "Silver bracelet"), Size("7 × 6")),
            new("book", ["paper", "leather"], "1900s", T("Араб жазуындағы ұйғыр кітабы", "Уйгурская книга арабским письмом", "Uyghur book in Arabic script"), Size("22 × 15 × 3"), "kashgar", "uyghur"),
            new("photograph", ["paper"], "1930s", T("Жетісудағы отбасы", "Семья в Семиречье", "A family in Zhetysu"), Size("12 × 17"), "almaty", "uyghur"),
            new("headdress", ["silk", "cotton"], "mid-20th century", T("Доппа (тақия)", "Доппа (тюбетейка)", "Doppa skullcap"), Size("17 × 10"), null, "uyghur"),
            new("chest", ["wood", "brass"], "early 20th century", T("Жезбен қапталған сандық", "Сундук с латунной оковкой", "Chest with brass mounts"), Size("85 × 45 × 50"), null, "uyghur"),
            new("dombra", ["wood"], "1950s", T("Дутар", "Дутар", "Dutar"), Size("120 × 18"), "almaty", "uyghur"),
        ], null, "uyghur"),
        new("korean-association", T("Корей қауымдастығының жеке коллекциясы (үлгі)", "Частная коллекция Ассоциации корейцев (образец)", "Private collection of the Association of Koreans (sample)"),
            "private collection of an ethnocultural association", T("Алматы", "Алматы", "Almaty"), "KOR", 43.2220, 76.8512, "almaty",
            T("Қоныс аудару естелігі", "Память о переселении", "Memory of resettlement"), true,
        [
            new("photograph", ["paper"], "1937", T("Қоныс аударушылардың фотосуреті", "Фотография переселенцев", "Photograph of resettled families"), Size("13 × 18"), null, "korean"),
            new("costume", ["silk"], "mid-20th century", T("Ханбок", "Ханбок", "Hanbok"), Size("110 × 80"), null, "korean"),
            new("bowl", ["ceramic"], "first half of the 20th century", T("Күріш кәсесі", "Чаша для риса", "Rice bowl"), Size("8 × 13"), null, "korean"),
            new("book", ["paper"], "1940s", T("Корей тіліндегі газет тігіндісі", "Подшивка корейской газеты", "Bound volume of a Korean-language newspaper"), Size("45 × 32 × 5"), "almaty", "korean"),
            new("letter", ["paper", "ink"], "1950s", T("Туыстарға жазылған хат", "Письмо родственникам", "Letter to relatives"), Size("20 × 14"), null, "korean"),
            new("chest", ["wood"], "1930s", T("Ағаш сандық", "Деревянный сундук", "Wooden chest"), Size("70 × 40 × 45"), null, "korean"),
            new("painting", ["oil", "canvas"], "1980s", T("Күріш алқабы", "Рисовое поле", "Rice field"), Size("45 × 60"), null, "korean"),
            new("bracelet", ["silver"], "early 20th century", T("Күміс әшекей", "Серебряное украшение", "Silver ornament"), Size("6 × 5"), null, "korean"),
            new("map", ["paper"], "1937", T("Қоныс аудару жолының картасы", "Карта пути переселения", "Map of the resettlement route"), Size("50 × 40")),
        ], null, "korean"),
    ];

    public static readonly (string Id, Texts Name, Texts City, double Latitude, double Longitude, Texts Address)[] Venues =
    [
        ("astana-hall", new("Достық үйінің көрме залы, Астана (үлгі)", "Выставочный зал Дома дружбы, Астана (образец)", "Exhibition hall of the House of Friendship, Astana (sample)"),
            new("Астана", "Астана", "Astana"), 51.1282, 71.4304, new("Астана қ., үлгі мекенжай", "г. Астана, адрес-образец", "Astana, sample address")),
        ("almaty-hall", new("Достық үйінің көрме залы, Алматы (үлгі)", "Выставочный зал Дома дружбы, Алматы (образец)", "Exhibition hall of the House of Friendship, Almaty (sample)"),
            new("Алматы", "Алматы", "Almaty"), 43.2380, 76.9450, new("Алматы қ., үлгі мекенжай", "г. Алматы, адрес-образец", "Almaty, sample address")),
    ];
}
