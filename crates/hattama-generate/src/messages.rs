//! What the generator and its benchmark say, in Kazakh, Russian and English: the summary of a
//! written corpus, the benchmark's table and findings, and their errors. The words they share
//! with hattama (plural forms, numbers, file errors) are `hattama::messages`'.

use hattama::lang::Lang;
use hattama::messages::{number, pick, plural};

/// What `hattama-generate generate` wrote.
pub fn generated(
    lang: Lang,
    out: &str,
    documents: usize,
    megabytes: f64,
    defects: usize,
) -> String {
    let mb = number(lang, (megabytes * 10.0).round() / 10.0);
    match lang {
        Lang::Kk => format!(
            "{out}: {documents} құжат, {mb} МБ, {defects} әдейі енгізілген қате (ground-truth.json)"
        ),
        Lang::Ru => format!(
            "{out}: {documents} {}, {mb} МБ, {defects} {} (ground-truth.json)",
            plural(lang, documents, ["документ", "документа", "документов"]),
            plural(
                lang,
                defects,
                [
                    "заложенный дефект",
                    "заложенных дефекта",
                    "заложенных дефектов"
                ]
            ),
        ),
        Lang::En => format!(
            "{out}: {documents} {}, {mb} MB, {defects} planted {} (ground-truth.json)",
            plural(lang, documents, ["document", "documents", ""]),
            plural(lang, defects, ["defect", "defects", ""]),
        ),
    }
}

/// One earlier snapshot of `generate --months`: where, and how much.
pub fn snapshot(lang: Lang, folder: &str, documents: usize, megabytes: f64) -> String {
    let mb = number(lang, (megabytes * 10.0).round() / 10.0);
    match lang {
        Lang::Kk => format!("{folder}: {documents} құжат, {mb} МБ"),
        Lang::Ru => format!(
            "{folder}: {documents} {}, {mb} МБ",
            plural(lang, documents, ["документ", "документа", "документов"])
        ),
        Lang::En => format!(
            "{folder}: {documents} {}, {mb} MB",
            plural(lang, documents, ["document", "documents", ""])
        ),
    }
}

/// One month of `generate --months`: the defects mended and the new ones, as `changes.json`
/// lists them.
pub fn month_changes(lang: Lang, since: &str, day: &str, mended: usize, new: usize) -> String {
    match lang {
        Lang::Kk => format!(
            "{since} → {day}: түзетілген қателер: {mended}, жаңа қателер: {new} (changes.json)"
        ),
        Lang::Ru => format!(
            "{since} → {day}: исправлено дефектов: {mended}, новых дефектов: {new} (changes.json)"
        ),
        Lang::En => {
            format!("{since} → {day}: defects mended: {mended}, new defects: {new} (changes.json)")
        }
    }
}

/// The column headings of `hattama-generate bench`: the first is the corpus's format (`text`,
/// `docx`).
pub fn bench_columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Kk => [
            "пішім",
            "құжат",
            "МБ",
            "секунд",
            "құжат/с",
            "МБ/с",
            "жады, МиБ",
        ],
        Lang::Ru => [
            "формат",
            "документы",
            "МБ",
            "секунды",
            "док./с",
            "МБ/с",
            "память, МиБ",
        ],
        Lang::En => [
            "format",
            "documents",
            "MB",
            "seconds",
            "docs/s",
            "MB/s",
            "peak MiB",
        ],
    }
}

/// How fast `hattama-generate bench` read the Word files of a corpus against its Markdown and text:
/// `ratio` is documents per second of the one over the other.
pub fn bench_docx(lang: Lang, documents: usize, ratio: f64) -> String {
    let ratio = number(lang, ratio);
    match lang {
        Lang::Kk => format!(
            "Word (.docx), сол {documents} құжат: секундына оқылған құжат саны бойынша Markdown мен мәтінге қатынасы {ratio}"
        ),
        Lang::Ru => format!(
            "Word (.docx), те же {documents} {}: {ratio} от числа документов в секунду для Markdown и текста",
            plural(lang, documents, ["документ", "документа", "документов"]),
        ),
        Lang::En => format!(
            "Word (.docx), the same {documents} documents: {ratio}x the documents per second of Markdown and text"
        ),
    }
}

/// The audit's CPU time against the floor of walking, reading and parsing the same files.
pub fn bench_floor(
    lang: Lang,
    documents: usize,
    floor_cpu: Option<f64>,
    ratio: Option<f64>,
) -> String {
    let (Some(floor_cpu), Some(ratio)) = (floor_cpu, ratio) else {
        return pick(
            lang,
            format!("{documents} құжат: процессор уақыты өлшенбеді"),
            format!(
                "{documents} {}: процессорное время не измерено",
                plural(lang, documents, ["документ", "документа", "документов"])
            ),
            format!("{documents} documents: CPU time not measured"),
        );
    };
    let (floor_cpu, ratio) = (number(lang, floor_cpu), number(lang, ratio));
    match lang {
        Lang::Kk => format!(
            "{documents} құжат: аудит сол файлдарды тек оқып, талдаудан (процессор уақыты {floor_cpu} с) {ratio} есе көп процессор уақытын алды"
        ),
        Lang::Ru => format!(
            "{documents} {}: аудит занял в {ratio} раза больше процессорного времени, чем только чтение и разбор тех же файлов ({floor_cpu} с)",
            plural(lang, documents, ["документ", "документа", "документов"]),
        ),
        Lang::En => format!(
            "{documents} documents: the audit took {ratio}x the CPU time of only reading and parsing the same files ({floor_cpu} s)"
        ),
    }
}

/// Where an audit's time went, stage by stage (seconds summed over threads).
pub fn bench_stages(
    lang: Lang,
    documents: usize,
    stages: &[(hattama::stages::Stage, f64)],
) -> String {
    use hattama::stages::Stage;
    let name = |stage: Stage| match (lang, stage) {
        (Lang::Kk, Stage::Read) => "оқу",
        (Lang::Kk, Stage::Parse) => "талдау",
        (Lang::Kk, Stage::Extract) => "деректерді алу",
        (Lang::Kk, Stage::Check) => "құжат ережелері",
        (Lang::Kk, Stage::Facts) => "корпус деректері",
        (Lang::Kk, Stage::Corpus) => "корпус ережелері",
        (Lang::Kk, Stage::Render) => "есеп",
        (Lang::Ru, Stage::Read) => "чтение",
        (Lang::Ru, Stage::Parse) => "разбор",
        (Lang::Ru, Stage::Extract) => "извлечение",
        (Lang::Ru, Stage::Check) => "правила документа",
        (Lang::Ru, Stage::Facts) => "сведения для корпуса",
        (Lang::Ru, Stage::Corpus) => "правила корпуса",
        (Lang::Ru, Stage::Render) => "отчёт",
        (Lang::En, Stage::Read) => "read",
        (Lang::En, Stage::Parse) => "parse",
        (Lang::En, Stage::Extract) => "extract",
        (Lang::En, Stage::Check) => "document rules",
        (Lang::En, Stage::Facts) => "corpus facts",
        (Lang::En, Stage::Corpus) => "corpus rules",
        (Lang::En, Stage::Render) => "report",
    };
    let parts: Vec<String> = stages
        .iter()
        .map(|&(stage, seconds)| {
            format!(
                "{} {}",
                name(stage),
                number(lang, (seconds * 100.0).round() / 100.0)
            )
        })
        .collect();
    let parts = parts.join(", ");
    match lang {
        Lang::Kk => {
            format!("{documents} құжат, кезеңдер бойынша уақыт (ағындар қосындысы, с): {parts}")
        }
        Lang::Ru => format!(
            "{documents} {}, время по этапам (сумма по потокам, с): {parts}",
            plural(lang, documents, ["документ", "документа", "документов"]),
        ),
        Lang::En => {
            format!("{documents} documents, time by stage (summed over threads, s): {parts}")
        }
    }
}

/// How `hattama-generate bench`'s largest run grew against its smallest.
pub fn bench_growth(lang: Lang, documents: f64, time: f64) -> String {
    let (documents, time) = (number(lang, documents), number(lang, time));
    pick(
        lang,
        format!("құжаттар {documents} есе көп, уақыт {time} есе ұзақ"),
        format!("документов в {documents} раза больше, время в {time} раза дольше"),
        format!("{documents}x the documents took {time}x the time"),
    )
}

/// `hattama-generate bench` failed on one corpus.
pub fn benchmark_failed(lang: Lang, dir: &str) -> String {
    pick(
        lang,
        format!("{dir} корпусындағы өлшеу сәтсіз аяқталды"),
        format!("замер на корпусе {dir} не удался"),
        format!("benchmark on {dir}"),
    )
}

/// A measurement `hattama-generate bench` could not take (peak memory, where the system does
/// not say).
pub fn not_available(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "жоқ",
        Lang::Ru => "н/д",
        Lang::En => "n/a",
    }
}

/// The path of this program could not be told, to look for `hattama` beside it.
pub fn no_own_program(lang: Lang) -> String {
    pick(
        lang,
        "осы бағдарламаның файлы табылмады, hattama бағдарламасын оның қасынан іздеу мүмкін емес: жолын --hattama PATH арқылы көрсетіңіз".into(),
        "не удалось найти файл этой программы, чтобы искать hattama рядом с ним: укажите путь --hattama PATH".into(),
        "cannot find this program's own file to look for hattama beside it: give its path with --hattama PATH".into(),
    )
}

/// No `hattama` program to time where the benchmark looked.
pub fn no_hattama(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!(
            "өлшенетін hattama бағдарламасы жоқ: {path}. Оны осы бағдарламаның қасына `cargo build --release --workspace` арқылы жинаңыз немесе жолын --hattama PATH арқылы көрсетіңіз"
        ),
        format!(
            "нет программы hattama для замера: {path}. Соберите её рядом с этой программой (`cargo build --release --workspace`) или укажите путь: --hattama PATH"
        ),
        format!(
            "no hattama program to time at {path}: build it beside this one with `cargo build --release --workspace`, or give its path with --hattama PATH"
        ),
    )
}
