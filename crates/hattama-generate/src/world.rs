//! The invented country the corpus is written in: oblasts, districts and the people of each
//! district's commission. District names are real district names of Kazakhstan (the commissions
//! the product is for), and, beyond those, plausible invented ones made of common place-name
//! parts; every person is invented.

use super::rng::Dice;
use std::collections::HashSet;

pub struct Oblast {
    pub slug: &'static str,
    /// Genitive Russian name: "Актюбинской области".
    pub ru_gen: &'static str,
    /// Kazakh name: "Ақтөбе облысы".
    pub kk: &'static str,
}

pub const OBLASTS: [Oblast; 17] = [
    Oblast {
        slug: "aktobe",
        ru_gen: "Актюбинской области",
        kk: "Ақтөбе облысы",
    },
    Oblast {
        slug: "atyrau",
        ru_gen: "Атырауской области",
        kk: "Атырау облысы",
    },
    Oblast {
        slug: "west-kazakhstan",
        ru_gen: "Западно-Казахстанской области",
        kk: "Батыс Қазақстан облысы",
    },
    Oblast {
        slug: "kostanay",
        ru_gen: "Костанайской области",
        kk: "Қостанай облысы",
    },
    Oblast {
        slug: "kyzylorda",
        ru_gen: "Кызылординской области",
        kk: "Қызылорда облысы",
    },
    Oblast {
        slug: "mangystau",
        ru_gen: "Мангистауской области",
        kk: "Маңғыстау облысы",
    },
    Oblast {
        slug: "turkistan",
        ru_gen: "Туркестанской области",
        kk: "Түркістан облысы",
    },
    Oblast {
        slug: "zhambyl",
        ru_gen: "Жамбылской области",
        kk: "Жамбыл облысы",
    },
    Oblast {
        slug: "almaty-oblast",
        ru_gen: "Алматинской области",
        kk: "Алматы облысы",
    },
    Oblast {
        slug: "zhetisu",
        ru_gen: "области Жетісу",
        kk: "Жетісу облысы",
    },
    Oblast {
        slug: "abai",
        ru_gen: "области Абай",
        kk: "Абай облысы",
    },
    Oblast {
        slug: "east-kazakhstan",
        ru_gen: "Восточно-Казахстанской области",
        kk: "Шығыс Қазақстан облысы",
    },
    Oblast {
        slug: "pavlodar",
        ru_gen: "Павлодарской области",
        kk: "Павлодар облысы",
    },
    Oblast {
        slug: "north-kazakhstan",
        ru_gen: "Северо-Казахстанской области",
        kk: "Солтүстік Қазақстан облысы",
    },
    Oblast {
        slug: "akmola",
        ru_gen: "Акмолинской области",
        kk: "Ақмола облысы",
    },
    Oblast {
        slug: "karaganda",
        ru_gen: "Карагандинской области",
        kk: "Қарағанды облысы",
    },
    Oblast {
        slug: "ulytau",
        ru_gen: "области Ұлытау",
        kk: "Ұлытау облысы",
    },
];

/// `oblast|slug|kazakh name|Russian adjective|centre (ru)|centre (kk)`, one district a line.
const REAL_DISTRICTS: &str = "\
0|aiteke-bi|Әйтеке би|Айтекебийский|с. Темирбек Жургенов|Темірбек Жүргенов а.
0|alga|Алға|Алгинский|г. Алга|Алға қ.
0|baiganin|Байғанин|Байганинский|с. Карауылкелды|Қарауылкелді а.
0|yrgyz|Ырғыз|Иргизский|с. Иргиз|Ырғыз а.
0|kargaly|Қарғалы|Каргалинский|с. Бадамша|Бадамша а.
0|khobda|Қобда|Хобдинский|с. Кобда|Қобда а.
0|martuk|Мәртөк|Мартукский|с. Мартук|Мәртөк а.
0|mugalzhar|Мұғалжар|Мугалжарский|г. Кандыагаш|Қандыағаш қ.
0|temir|Темір|Темирский|пос. Шубаркудук|Шұбарқұдық кенті
0|oiyl|Ойыл|Уилский|с. Уил|Ойыл а.
0|khromtau|Хромтау|Хромтауский|г. Хромтау|Хромтау қ.
0|shalkar|Шалқар|Шалкарский|г. Шалкар|Шалқар қ.
1|zhylyoi|Жылыой|Жылыойский|г. Кульсары|Құлсары қ.
1|inder|Индер|Индерский|пос. Индерборский|Индербор кенті
1|isatai|Исатай|Исатайский|с. Аккистау|Аққыстау а.
1|kurmangazy|Құрманғазы|Курмангазинский|с. Ганюшкино|Ганюшкино а.
1|kyzylkoga|Қызылқоға|Кызылкогинский|с. Миялы|Миялы а.
1|makat|Мақат|Макатский|пос. Макат|Мақат кенті
1|makhambet|Махамбет|Махамбетский|с. Махамбет|Махамбет а.
2|akzhaik|Ақжайық|Акжаикский|с. Чапаево|Шапаев а.
2|bokeiorda|Бөкей ордасы|Бокейординский|с. Сайхин|Сайқын а.
2|burli|Бөрлі|Бурлинский|г. Аксай|Ақсай қ.
2|zhangala|Жаңақала|Жангалинский|с. Жангала|Жаңақала а.
2|zhanibek|Жәнібек|Жанибекский|с. Жанибек|Жәнібек а.
2|kaztalov|Қазталов|Казталовский|с. Казталовка|Қазталов а.
2|karatobe|Қаратөбе|Каратобинский|с. Каратобе|Қаратөбе а.
2|syrym|Сырым|Сырымский|с. Жымпиты|Жымпиты а.
2|taskala|Тасқала|Таскалинский|с. Таскала|Тасқала а.
2|terekti|Теректі|Теректинский|с. Федоровка|Федоровка а.
2|shyngyrlau|Шыңғырлау|Чингирлауский|с. Чингирлау|Шыңғырлау а.
3|altynsarin|Алтынсарин|Алтынсаринский|с. Убаганское|Обаған а.
3|amangeldi|Амангелді|Амангельдинский|с. Амангельды|Амангелді а.
3|auliekol|Әулиекөл|Аулиекольский|с. Аулиеколь|Әулиекөл а.
3|denisov|Денисов|Денисовский|с. Денисовка|Денисовка а.
3|zhangeldi|Жангелді|Джангельдинский|с. Торгай|Торғай а.
3|zhitikara|Жітіқара|Житикаринский|г. Житикара|Жітіқара қ.
3|kamysty|Қамысты|Камыстинский|с. Камысты|Қамысты а.
3|karabalyk|Қарабалық|Карабалыкский|пос. Карабалык|Қарабалық кенті
3|karasu|Қарасу|Карасуский|с. Карасу|Қарасу а.
3|kostanay-district|Қостанай|Костанайский|г. Тобыл|Тобыл қ.
3|mendykara|Меңдіқара|Мендыкаринский|с. Боровское|Боровское а.
3|nauryzym|Наурызым|Наурзумский|с. Караменды|Қарамеңді а.
3|sarykol|Сарыкөл|Сарыкольский|пос. Сарыколь|Сарыкөл кенті
3|uzunkol|Ұзынкөл|Узункольский|с. Узунколь|Ұзынкөл а.
3|fedorov|Федоров|Федоровский|с. Федоровка|Федоров а.
4|aral|Арал|Аральский|г. Аральск|Арал қ.
4|zhalagash|Жалағаш|Жалагашский|пос. Жалагаш|Жалағаш кенті
4|zhanakorgan|Жаңақорған|Жанакорганский|пос. Жанакорган|Жаңақорған кенті
4|kazaly|Қазалы|Казалинский|пос. Айтеке би|Әйтеке би кенті
4|karmakshy|Қармақшы|Кармакшинский|пос. Жосалы|Жосалы кенті
4|syrdarya|Сырдария|Сырдарьинский|пос. Теренозек|Тереңөзек кенті
4|shieli|Шиелі|Шиелийский|пос. Шиели|Шиелі кенті
5|beineu|Бейнеу|Бейнеуский|с. Бейнеу|Бейнеу а.
5|karakiya|Қарақия|Каракиянский|с. Курык|Құрық а.
5|mangystau-district|Маңғыстау|Мангистауский|с. Шетпе|Шетпе а.
5|munaily|Мұнайлы|Мунайлинский|с. Мангистау|Маңғыстау а.
5|tupkaragan|Түпқараған|Тупкараганский|г. Форт-Шевченко|Форт-Шевченко қ.
6|baidibek|Бәйдібек|Байдибекский|с. Шаян|Шаян а.
6|kazygurt|Қазығұрт|Казыгуртский|с. Казыгурт|Қазығұрт а.
6|maktaaral|Мақтаарал|Мактааральский|г. Мырзакент|Мырзакент қ.
6|ordabasy|Ордабасы|Ордабасинский|с. Темирлан|Темірлан а.
6|otyrar|Отырар|Отырарский|с. Шаульдер|Шәуілдір а.
6|sairam|Сайрам|Сайрамский|с. Аксукент|Ақсукент а.
6|saryagash|Сарыағаш|Сарыагашский|г. Сарыагаш|Сарыағаш қ.
6|sauran|Сауран|Сауранский|с. Шорнак|Шорнақ а.
6|sozak|Созақ|Созакский|с. Шолаккорган|Шолаққорған а.
6|tolebi|Төле би|Толебийский|г. Ленгер|Ленгер қ.
6|tulkubas|Түлкібас|Тюлькубасский|с. Турар Рыскулов|Тұрар Рысқұлов а.
6|shardara|Шардара|Шардаринский|г. Шардара|Шардара қ.
6|zhetisai|Жетісай|Жетысайский|г. Жетысай|Жетісай қ.
6|keles|Келес|Келесский|с. Абай|Абай а.
7|baizak|Байзақ|Байзакский|с. Сарыкемер|Сарыкемер а.
7|zhambyl-district|Жамбыл|Жамбылский|с. Аса|Аса а.
7|zhualy|Жуалы|Жуалынский|с. Бауыржан Момышулы|Бауыржан Момышұлы а.
7|kordai|Қордай|Кордайский|с. Кордай|Қордай а.
7|merke|Меркі|Меркенский|с. Мерке|Меркі а.
7|moiynkum|Мойынқұм|Мойынкумский|с. Мойынкум|Мойынқұм а.
7|sarysu|Сарысу|Сарысуский|г. Жанатас|Жаңатас қ.
7|talas|Талас|Таласский|г. Каратау|Қаратау қ.
7|shu|Шу|Шуский|г. Шу|Шу қ.
8|balkhash|Балқаш|Балхашский|с. Баканас|Бақанас а.
8|enbekshikazakh|Еңбекшіқазақ|Енбекшиказахский|г. Есик|Есік қ.
8|zhambyl-almaty|Жамбыл|Жамбылский|с. Узынагаш|Ұзынағаш а.
8|ili|Іле|Илийский|пос. Отеген батыр|Өтеген батыр кенті
8|karasai|Қарасай|Карасайский|г. Каскелен|Қаскелең қ.
8|kegen|Кеген|Кегенский|с. Кеген|Кеген а.
8|raiymbek|Райымбек|Райымбекский|с. Нарынкол|Нарынқол а.
8|talgar|Талғар|Талгарский|г. Талгар|Талғар қ.
8|uigur|Ұйғыр|Уйгурский|с. Чунджа|Шонжы а.
9|aksu|Ақсу|Аксуский|с. Жансугуров|Жансүгіров а.
9|alakol|Алакөл|Алакольский|г. Ушарал|Үшарал қ.
9|eskeldi|Ескелді|Ескельдинский|с. Карабулак|Қарабұлақ а.
9|karatal|Қаратал|Каратальский|г. Уштобе|Үштөбе қ.
9|kerbulak|Кербұлақ|Кербулакский|с. Сарыозек|Сарыөзек а.
9|koksu|Көксу|Коксуский|с. Балпык би|Балпық би а.
9|panfilov|Панфилов|Панфиловский|г. Жаркент|Жаркент қ.
9|sarkand|Сарқан|Саркандский|г. Саркан|Сарқан қ.
10|abai-district|Абай|Абайский|с. Караул|Қарауыл а.
10|ayagoz|Аягөз|Аягозский|г. Аягоз|Аягөз қ.
10|beskaragai|Бесқарағай|Бескарагайский|с. Бескарагай|Бесқарағай а.
10|borodulikha|Бородулиха|Бородулихинский|с. Бородулиха|Бородулиха а.
10|zharma|Жарма|Жарминский|пос. Калбатау|Қалбатау кенті
10|kokpekty|Көкпекті|Кокпектинский|с. Кокпекты|Көкпекті а.
10|urzhar|Үржар|Урджарский|с. Урджар|Үржар а.
11|altai|Алтай|Алтайский|г. Алтай|Алтай қ.
11|glubokoe|Глубокое|Глубоковский|пос. Глубокое|Глубокое кенті
11|zaisan|Зайсан|Зайсанский|г. Зайсан|Зайсан қ.
11|katonkaragai|Катонқарағай|Катон-Карагайский|с. Улкен Нарын|Үлкен Нарын а.
11|kurshim|Күршім|Курчумский|с. Курчум|Күршім а.
11|tarbagatai|Тарбағатай|Тарбагатайский|с. Аксуат|Ақсуат а.
11|ulan|Ұлан|Уланский|пос. Касыма Кайсенова|Қасым Қайсенов кенті
11|shemonaikha|Шемонаиха|Шемонаихинский|г. Шемонаиха|Шемонаиха қ.
12|aktogai-pavlodar|Ақтоғай|Актогайский|с. Актогай|Ақтоғай а.
12|bayanaul|Баянауыл|Баянаульский|с. Баянаул|Баянауыл а.
12|zhelezin|Железин|Железинский|с. Железинка|Железин а.
12|ertis|Ертіс|Иртышский|с. Иртышск|Ертіс а.
12|mai|Май|Майский|с. Коктобе|Көктөбе а.
12|pavlodar-district|Павлодар|Павлодарский|с. Павлодарское|Павлодар а.
12|uspen|Успен|Успенский|с. Успенка|Успен а.
12|sharbakty|Шарбақты|Щербактинский|с. Шарбакты|Шарбақты а.
12|terenkol|Тереңкөл|Теренкольский|с. Теренколь|Тереңкөл а.
13|aiyrtau|Айыртау|Айыртауский|с. Саумалколь|Саумалкөл а.
13|akzhar|Ақжар|Акжарский|с. Талшик|Талшық а.
13|akkaiyn|Аққайың|Аккайынский|с. Смирново|Смирнов а.
13|esil-north|Есіл|Есильский|с. Явленка|Явленка а.
13|kyzylzhar|Қызылжар|Кызылжарский|с. Бишкуль|Бесқөл а.
13|mamlyut|Мамлют|Мамлютский|г. Мамлютка|Мамлют қ.
13|taiynsha|Тайынша|Тайыншинский|г. Тайынша|Тайынша қ.
13|timiryazev|Тимирязев|Тимирязевский|с. Тимирязево|Тимирязев а.
13|ualikhanov|Уәлиханов|Уалихановский|с. Кишкенеколь|Кішкенекөл а.
14|akkol|Ақкөл|Аккольский|г. Акколь|Ақкөл қ.
14|arshaly|Аршалы|Аршалынский|пос. Аршалы|Аршалы кенті
14|astrakhan|Астрахан|Астраханский|с. Астраханка|Астраханка а.
14|atbasar|Атбасар|Атбасарский|г. Атбасар|Атбасар қ.
14|bulandy|Буланды|Буландынский|г. Макинск|Макинск қ.
14|burabai|Бурабай|Бурабайский|г. Щучинск|Щучинск қ.
14|egindykol|Егіндікөл|Егиндыкольский|с. Егиндыколь|Егіндікөл а.
14|ereimentau|Ерейментау|Ерейментауский|г. Ерейментау|Ерейментау қ.
14|esil-akmola|Есіл|Есильский|г. Есиль|Есіл қ.
14|zhaksy|Жақсы|Жаксынский|с. Жаксы|Жақсы а.
14|zharkain|Жарқайың|Жаркаинский|г. Державинск|Державин қ.
14|zerendi|Зеренді|Зерендинский|с. Зеренда|Зеренді а.
14|korgalzhyn|Қорғалжын|Коргалжынский|с. Коргалжын|Қорғалжын а.
14|sandyktau|Сандықтау|Сандыктауский|с. Балкашино|Балқашин а.
14|tselinograd|Целиноград|Целиноградский|с. Акмол|Ақмол а.
14|shortandy|Шортанды|Шортандинский|пос. Шортанды|Шортанды кенті
15|abai-karaganda|Абай|Абайский|г. Абай|Абай қ.
15|aktogai-karaganda|Ақтоғай|Актогайский|с. Актогай|Ақтоғай а.
15|bukhar-zhyrau|Бұқар жырау|Бухар-Жырауский|пос. Ботакара|Ботақара кенті
15|karkaraly|Қарқаралы|Каркаралинский|г. Каркаралинск|Қарқаралы қ.
15|nura|Нұра|Нуринский|пос. Киевка|Киевка кенті
15|osakarov|Осакаров|Осакаровский|пос. Осакаровка|Осакаров кенті
15|shet|Шет|Шетский|с. Аксу-Аюлы|Ақсу-Аюлы а.
16|zhanaarka|Жаңаарқа|Жанааркинский|пос. Атасу|Атасу кенті
16|ulytau-district|Ұлытау|Улытауский|с. Улытау|Ұлытау а.";

/// Parts of invented names: (Kazakh, Russian, Latin).
const PREFIXES: [(&str, &str, &str); 14] = [
    ("Ақ", "Ак", "ak"),
    ("Қара", "Кара", "kara"),
    ("Сары", "Сары", "sary"),
    ("Көк", "Кок", "kok"),
    ("Жаңа", "Жана", "zhana"),
    ("Тас", "Тас", "tas"),
    ("Қызыл", "Кызыл", "kyzyl"),
    ("Бес", "Бес", "bes"),
    ("Ұлы", "Улы", "uly"),
    ("Шұбар", "Шубар", "shubar"),
    ("Алты", "Алты", "alty"),
    ("Құм", "Кум", "kum"),
    ("Терең", "Терен", "teren"),
    ("Ескі", "Ески", "eski"),
];
const SUFFIXES: [(&str, &str, &str); 14] = [
    ("тау", "тау", "tau"),
    ("су", "су", "su"),
    ("көл", "коль", "kol"),
    ("бұлақ", "булак", "bulak"),
    ("тоғай", "тогай", "togai"),
    ("өзек", "озек", "ozek"),
    ("жар", "жар", "zhar"),
    ("құдық", "кудук", "kuduk"),
    ("терек", "терек", "terek"),
    ("шоқы", "шокы", "shoky"),
    ("сай", "сай", "sai"),
    ("қайың", "кайын", "kaiyn"),
    ("адыр", "адыр", "adyr"),
    ("төбе", "тобе", "tobe"),
];

/// Compass words for repeated names: (Russian prefix, Kazakh word, Latin).
const COMPASS: [(&str, &str, &str); 4] = [
    ("Северо", "Солтүстік", "north"),
    ("Южно", "Оңтүстік", "south"),
    ("Западно", "Батыс", "west"),
    ("Восточно", "Шығыс", "east"),
];

/// One district commission.
#[derive(Clone, Debug)]
pub struct District {
    pub index: usize,
    pub oblast: usize,
    pub slug: String,
    /// Kazakh name without the word "ауданы": "Хромтау".
    pub kk: String,
    /// Russian adjective stem: "Хромтауск" (+ого района, +ая районная больница).
    pub ru_stem: String,
    pub center_ru: String,
    pub center_kk: String,
}

impl District {
    /// "Хромтауского района"
    pub fn ru_gen(&self) -> String {
        format!("{}ого района", self.ru_stem)
    }

    /// The folder of the district relative to the corpus root: "aktobe/khromtau".
    pub fn folder(&self) -> String {
        format!("{}/{}", OBLASTS[self.oblast].slug, self.slug)
    }

    pub fn oblast(&self) -> &'static Oblast {
        &OBLASTS[self.oblast]
    }
}

/// The first `n` districts: the real ones (Aktobe first), then invented ones, then numbered
/// repeats. Slugs are unique across the whole list.
pub fn districts(n: usize) -> Vec<District> {
    let mut out: Vec<District> = Vec::with_capacity(n);
    let mut slugs: HashSet<String> = HashSet::new();
    for line in REAL_DISTRICTS.lines() {
        if out.len() == n {
            return out;
        }
        let parts: Vec<&str> = line.split('|').collect();
        if parts.len() != 6 {
            continue;
        }
        let adjective = parts[3];
        let stem = adjective.strip_suffix("ий").unwrap_or(adjective);
        let district = District {
            index: out.len(),
            oblast: parts[0].parse().unwrap_or(0),
            slug: parts[1].to_string(),
            kk: parts[2].to_string(),
            ru_stem: stem.to_string(),
            center_ru: parts[4].to_string(),
            center_kk: parts[5].to_string(),
        };
        slugs.insert(district.slug.clone());
        out.push(district);
    }
    // Invented names, spread over the oblasts in turn.
    let mut invented: Vec<District> = Vec::new();
    for (p, prefix) in PREFIXES.iter().enumerate() {
        for (s, suffix) in SUFFIXES.iter().enumerate() {
            let slug = format!("{}{}", prefix.2, suffix.2);
            if slugs.contains(&slug) {
                continue;
            }
            slugs.insert(slug.clone());
            let kk = format!("{}{}", prefix.0, suffix.0);
            let ru = format!("{}{}", prefix.1, suffix.1);
            invented.push(District {
                index: 0,
                oblast: (p * SUFFIXES.len() + s) % OBLASTS.len(),
                slug,
                center_ru: format!("с. {ru}"),
                center_kk: format!("{kk} а."),
                ru_stem: russian_stem(&ru),
                kk,
            });
        }
    }
    let base = invented.len();
    let mut round = 0;
    while out.len() < n && base > 0 {
        for template in &invented {
            if out.len() == n {
                break;
            }
            let mut district = template.clone();
            if round > 0 {
                // Beyond the invented pool: the same name with a compass word, as in
                // "Северо-Казахстанская"; then a number in the folder name only.
                let (ru, kk, latin) = COMPASS[(round - 1) % COMPASS.len()];
                let lap = (round - 1) / COMPASS.len();
                district.slug = if lap == 0 {
                    format!("{latin}-{}", template.slug)
                } else {
                    format!("{latin}-{}-{}", template.slug, lap + 1)
                };
                district.kk = format!("{kk} {}", template.kk);
                district.ru_stem = format!("{ru}-{}", template.ru_stem);
            }
            district.index = out.len();
            out.push(district);
        }
        round += 1;
    }
    out
}

/// The Russian adjective stem of an invented name: "Актобе" gives "Актобинск", "Аксу" "Аксуск".
fn russian_stem(name: &str) -> String {
    if let Some(root) = name.strip_suffix('е').or_else(|| name.strip_suffix('ы')) {
        format!("{root}инск")
    } else {
        format!("{name}ск")
    }
}

/// One invented person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub surname: String,
    pub first: &'static str,
    pub patronymic: String,
    pub female: bool,
}

impl Person {
    /// "Омарова Г.К."
    pub fn short(&self) -> String {
        format!(
            "{} {}.{}.",
            self.surname,
            initial(self.first),
            initial(&self.patronymic)
        )
    }

    /// "Г.К. Омарова"
    pub fn initials_first(&self) -> String {
        format!(
            "{}.{}. {}",
            initial(self.first),
            initial(&self.patronymic),
            self.surname
        )
    }

    /// "Г. Омарова", as under a signature.
    pub fn signature(&self) -> String {
        format!("{}. {}", initial(self.first), self.surname)
    }

    /// "Омарова Гульнар Кайратовна"
    pub fn full(&self) -> String {
        format!("{} {} {}", self.surname, self.first, self.patronymic)
    }

    /// Accusative, as after "СЛУШАЛИ:": "Омарову Г.К.", "Исмагулова Н.Т.".
    pub fn accusative(&self) -> String {
        let surname = if self.female {
            match self.surname.strip_suffix('а') {
                Some(root) => format!("{root}у"),
                None => self.surname.clone(),
            }
        } else {
            format!("{}а", self.surname)
        };
        format!(
            "{} {}.{}.",
            surname,
            initial(self.first),
            initial(&self.patronymic)
        )
    }

    /// "которая" / "который"
    pub fn which(&self) -> &'static str {
        if self.female {
            "которая"
        } else {
            "который"
        }
    }

    /// The past-tense ending: "сообщил" + "а".
    pub fn past(&self) -> &'static str {
        if self.female { "а" } else { "" }
    }
}

fn initial(name: &str) -> String {
    name.chars()
        .next()
        .map(|c| c.to_string())
        .unwrap_or_default()
}

const SURNAME_ROOTS: [&str; 72] = [
    "Жумабек",
    "Омар",
    "Карим",
    "Исмагул",
    "Серикба",
    "Досмухамед",
    "Утеп",
    "Нурлыба",
    "Кенжегали",
    "Ахмет",
    "Жакуп",
    "Тажиба",
    "Абдрахман",
    "Сапар",
    "Бисен",
    "Кудайберген",
    "Оразали",
    "Есенгул",
    "Сейит",
    "Төлеу",
    "Нургали",
    "Мухамбет",
    "Кожан",
    "Ахметжан",
    "Байгул",
    "Темир",
    "Искак",
    "Досан",
    "Жұбан",
    "Алимбет",
    "Сәрсенба",
    "Бекмухамбет",
    "Мукан",
    "Аманжол",
    "Тулеген",
    "Ермек",
    "Байжан",
    "Каирбек",
    "Муратбек",
    "Нурпеис",
    "Ибрай",
    "Ескали",
    "Жолдас",
    "Куаныш",
    "Бекболат",
    "Тлеуба",
    "Мендыба",
    "Абен",
    "Сагындык",
    "Иманба",
    "Рахим",
    "Жаксылык",
    "Туребек",
    "Орынба",
    "Қалдыбек",
    "Шәріп",
    "Жаңаберген",
    "Қожахмет",
    "Әбдіғали",
    "Смағұл",
    "Ержан",
    "Қайырбек",
    "Нұрмағамбет",
    "Есмағамбет",
    "Бердібек",
    "Сұлтанбек",
    "Дүйсен",
    "Мырзағали",
    "Ізбасар",
    "Қуандық",
    "Садық",
    "Балтабек",
];
const MALE_NAMES: [&str; 28] = [
    "Айдар",
    "Нурлан",
    "Ерлан",
    "Бауыржан",
    "Серик",
    "Данияр",
    "Талгат",
    "Асхат",
    "Марат",
    "Ержан",
    "Канат",
    "Болат",
    "Арман",
    "Ринат",
    "Самат",
    "Дамир",
    "Руслан",
    "Азамат",
    "Жандос",
    "Олжас",
    "Ербол",
    "Мейрам",
    "Қайрат",
    "Бекзат",
    "Нұржан",
    "Ғалым",
    "Темірлан",
    "Әділет",
];
const FEMALE_NAMES: [&str; 28] = [
    "Динара",
    "Гульнар",
    "Айгуль",
    "Жанар",
    "Сауле",
    "Мадина",
    "Асель",
    "Гульмира",
    "Айгерим",
    "Жулдыз",
    "Назгуль",
    "Ботагоз",
    "Алия",
    "Дана",
    "Салтанат",
    "Камила",
    "Лаура",
    "Айжан",
    "Меруерт",
    "Индира",
    "Асем",
    "Акмарал",
    "Әйгерім",
    "Гүлнар",
    "Ләззат",
    "Зәуре",
    "Нұргүл",
    "Шынар",
];
/// Fathers' names for patronymics: (Russian-style root, Kazakh-style root).
const FATHERS: [&str; 24] = [
    "Серик",
    "Болат",
    "Ерлан",
    "Марат",
    "Кайрат",
    "Нурлан",
    "Тлеу",
    "Амангельд",
    "Жумабай",
    "Ержан",
    "Талгат",
    "Бакыт",
    "Женис",
    "Мурат",
    "Асан",
    "Канат",
    "Сакен",
    "Берик",
    "Жанат",
    "Рахат",
    "Ерболат",
    "Даулет",
    "Оразбай",
    "Кенес",
];

/// Draws people for one district, never the same surname twice.
pub struct People {
    used: HashSet<String>,
}

impl People {
    pub fn new() -> People {
        People {
            used: HashSet::new(),
        }
    }

    pub fn person(&mut self, dice: &mut Dice, female: bool) -> Person {
        let mut root = *dice.pick(&SURNAME_ROOTS);
        for _ in 0..40 {
            if !self.used.contains(root) {
                break;
            }
            root = *dice.pick(&SURNAME_ROOTS);
        }
        self.used.insert(root.to_string());
        let surname = surname_of(root, female);
        let first = if female {
            *dice.pick(&FEMALE_NAMES)
        } else {
            *dice.pick(&MALE_NAMES)
        };
        let father = *dice.pick(&FATHERS);
        let kazakh_style = dice.chance(35);
        let patronymic = patronymic_of(father, female, kazakh_style);
        Person {
            surname,
            first,
            patronymic,
            female,
        }
    }

    /// A person who is a woman with probability `percent_female` / 100.
    pub fn person_p(&mut self, dice: &mut Dice, percent_female: u32) -> Person {
        let female = dice.chance(percent_female);
        self.person(dice, female)
    }

    pub fn any(&mut self, dice: &mut Dice) -> Person {
        let female = dice.chance(60);
        self.person(dice, female)
    }
}

fn surname_of(root: &str, female: bool) -> String {
    let ending = if root.ends_with(['и', 'і', 'е']) {
        "ев"
    } else if let Some(stem) = root.strip_suffix('а') {
        // "Серикба" → "Серикбаев": the root ends where "-й" was.
        return format!("{stem}аев{}", if female { "а" } else { "" });
    } else if root.ends_with(['ж', 'ш', 'ч', 'щ', 'ц']) {
        "ев"
    } else {
        "ов"
    };
    format!("{root}{ending}{}", if female { "а" } else { "" })
}

fn patronymic_of(father: &str, female: bool, kazakh_style: bool) -> String {
    if kazakh_style {
        return format!("{father}{}", if female { "қызы" } else { "ұлы" });
    }
    let root = father
        .strip_suffix("ай")
        .map(|r| format!("{r}аев"))
        .unwrap_or_else(|| format!("{father}ов"));
    format!("{root}{}", if female { "на" } else { "ич" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_unique_districts() {
        let list = districts(2000);
        assert_eq!(list.len(), 2000);
        let slugs: HashSet<&str> = list.iter().map(|d| d.slug.as_str()).collect();
        assert_eq!(slugs.len(), 2000);
        assert!(
            list[400].ru_gen().starts_with("Северо-"),
            "{}",
            list[400].ru_gen()
        );
        assert_eq!(list[10].slug, "khromtau");
        assert_eq!(list[10].ru_gen(), "Хромтауского района");
    }

    #[test]
    fn names_decline() {
        let person = Person {
            surname: "Каримова".into(),
            first: "Динара",
            patronymic: "Болатовна".into(),
            female: true,
        };
        assert_eq!(person.short(), "Каримова Д.Б.");
        assert_eq!(person.accusative(), "Каримову Д.Б.");
        assert_eq!(surname_of("Серикба", false), "Серикбаев");
        assert_eq!(surname_of("Омар", true), "Омарова");
        assert_eq!(patronymic_of("Жумабай", false, false), "Жумабаевич");
    }
}
