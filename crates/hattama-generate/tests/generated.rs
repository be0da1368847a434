//! The synthetic oblast: every planted defect is found where it was planted, and nothing else
//! (recall and precision 100% on generated data); a corpus generated without defects is clean;
//! the same oblast written as Word files gives the same findings.

use chrono::NaiveDate;
use hattama::audit::{self, AuditSettings};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::Settings;
use hattama::lang::Lang;
use hattama_generate::{DocumentFormat, GenerateOptions, generate};
use std::collections::BTreeSet;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// (rule, path below the corpus folder) pairs.
type Places = BTreeSet<(String, String)>;

/// What the audit found and what the generator planted.
fn run(defects: bool) -> (Places, Places) {
    let dir = tempfile::tempdir().unwrap();
    let truth = generate(&GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 4,
        years: vec![2025, 2026],
        seed: 7,
        as_of: as_of(),
        defects,
        format: DocumentFormat::Text,
    })
    .unwrap();
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = AuditSettings {
        files: Settings::new(Lang::En, as_of()),
        level: FolderLevel::Deepest,
    };
    let outcome = audit::audit(dir.path(), &pack, &settings);
    let root = format!("{}/", dir.path().display());
    let found: Places = outcome
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.path.strip_prefix(&root).unwrap_or(&f.path).to_string(),
            )
        })
        .collect();
    let planted: Places = truth
        .planted
        .iter()
        .map(|p| (p.rule.clone(), p.path.clone()))
        .collect();
    (found, planted)
}

#[test]
fn every_planted_defect_is_found_and_nothing_else() {
    let (found, planted) = run(true);
    assert!(planted.len() >= 10, "too few planted defects: {planted:#?}");
    let missed: Vec<_> = planted.difference(&found).collect();
    let unexpected: Vec<_> = found.difference(&planted).collect();
    assert!(
        missed.is_empty() && unexpected.is_empty(),
        "missed: {missed:#?}\nunexpected: {unexpected:#?}"
    );
}

#[test]
fn a_corpus_without_defects_is_clean() {
    let (found, planted) = run(false);
    assert!(planted.is_empty());
    assert!(found.is_empty(), "findings on a clean corpus: {found:#?}");
}

/// A finding with what does not depend on the file format: the document's path below the
/// corpus without its extension, the rule, the severity, and the message with the paths it
/// names made the same way.
type Seen = (String, String, String, String);

fn audited(format: DocumentFormat) -> (Vec<Seen>, hattama_generate::GroundTruth) {
    let dir = tempfile::tempdir().unwrap();
    let truth = generate(&GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 4,
        years: vec![2025, 2026],
        seed: 11,
        as_of: as_of(),
        defects: true,
        format,
    })
    .unwrap();
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = AuditSettings {
        files: Settings::new(Lang::Ru, as_of()),
        level: FolderLevel::Deepest,
    };
    let outcome = audit::audit(dir.path(), &pack, &settings);
    let root = format!("{}/", dir.path().display());
    let extension = regex::Regex::new(r"\.(?:md|txt|docx)\b").unwrap();
    let mut seen: Vec<Seen> = outcome
        .findings
        .iter()
        .map(|f| {
            let path = f.path.strip_prefix(&root).unwrap_or(&f.path);
            (
                extension.replace_all(path, "").into_owned(),
                f.rule.clone(),
                format!("{:?}", f.severity),
                extension
                    .replace_all(&f.message.replace(&root, ""), "")
                    .into_owned(),
            )
        })
        .collect();
    seen.sort();
    (seen, truth)
}

#[test]
fn a_word_corpus_gives_the_findings_of_its_text_twin() {
    let (from_text, text_truth) = audited(DocumentFormat::Text);
    let (from_word, word_truth) = audited(DocumentFormat::Docx);
    assert!(from_text.len() >= 10, "too few findings: {from_text:#?}");
    assert_eq!(from_word, from_text);
    // The ground truth names the Word files, and plants the same defects in them.
    assert_eq!(word_truth.documents, text_truth.documents);
    assert_eq!(word_truth.planted.len(), text_truth.planted.len());
    for (word, text) in word_truth.planted.iter().zip(&text_truth.planted) {
        let stem = text.path.trim_end_matches(".md").trim_end_matches(".txt");
        assert!(
            word.path == text.path || word.path == format!("{stem}.docx"),
            "{} for {}",
            word.path,
            text.path
        );
        assert_eq!(word.rule, text.rule);
    }
    // So the Word corpus, too, has every planted defect found where it was planted, and
    // nothing else.
    let found: Places = from_word
        .iter()
        .map(|(path, rule, ..)| (rule.clone(), path.clone()))
        .collect();
    let planted: Places = word_truth
        .planted
        .iter()
        .map(|p| (p.rule.clone(), p.path.trim_end_matches(".docx").to_string()))
        .collect();
    assert_eq!(found, planted);
}

/// Every generated document of a corpus: (path below the corpus, raw bytes).
fn documents(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "ground-truth.json") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The layouts and phrasings of real documents all occur in a generated corpus, in each
/// language where they apply: the generator is no mirror of one way of writing.
#[test]
fn the_generated_corpus_varies_as_real_documents_do() {
    let dir = tempfile::tempdir().unwrap();
    generate(&GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 20,
        years: vec![2025, 2026],
        seed: 7,
        as_of: as_of(),
        defects: true,
        format: DocumentFormat::Text,
    })
    .unwrap();
    let docs = documents(dir.path());
    let texts: Vec<(&str, String)> = docs
        .iter()
        .map(|(path, bytes)| (path.as_str(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    // (family, which files: a prefix of the file name, or "" for any; the pattern)
    let dash = "(?:–|--)";
    let families: Vec<(&str, &str, String)> = vec![
        // Control entries.
        (
            "ru: several protocols in one entry",
            "protocol",
            r"(?:п\.|пп\.|пункт\w*) [\d., и]+ протокол[^;\n]*№ \d+[^;\n]*; (?:п\.|пп\.|пункт\w*) "
                .into(),
        ),
        (
            "ru: protocol first, then its items",
            "protocol",
            r"протокол № \d+[^;\n]*, (?:п\.|пп\.|пункт\w*) \d".into(),
        ),
        (
            "kk: several protocols in one entry",
            "protocol",
            r"хаттама\w* [\d., және]+-тарма\w+; ".into(),
        ),
        (
            "ru: a whole question",
            "protocol",
            r"(?:п\.|пункт) \d+ протокол".into(),
        ),
        (
            "kk: a whole question",
            "protocol",
            r"хаттама\w* \d+-тармағы".into(),
        ),
        (
            "ru: признать исполненным",
            "protocol",
            r"Признать исполненн".into(),
        ),
        (
            "kk: орындалған деп танылып",
            "protocol",
            r"орындалған деп танылып".into(),
        ),
        (
            "ru: kept on control",
            "protocol",
            r"[Оо]ставить на (?:дополнительном )?контроле".into(),
        ),
        (
            "kk: kept on control",
            "protocol",
            r"бақылауда (?:қалдырылсын|қалсын)".into(),
        ),
        (
            "ru: extension",
            "protocol",
            r"(?:Продлить срок исполнения|Перенести срок исполнения|продлить до) ".into(),
        ),
        (
            "kk: extension",
            "protocol",
            r"тармағының орында(?:лу|у) мерзімі .* ұзартылсын".into(),
        ),
        (
            "ru: execution mark",
            "protocol",
            r"(?:Выполнено, информация от|Исполнено \(письмо от|выполнено, информация от) \d"
                .into(),
        ),
        (
            "kk: execution mark",
            "protocol",
            r"(?m)^Орындалды[,(]".into(),
        ),
        (
            "ru: protocol first with a colon",
            "protocol",
            r"протокол № \d+[^;\n]*: (?:п\.|пп\.|пункт\w*) \d".into(),
        ),
        (
            "kk: number joined to the word",
            "protocol",
            r"\d+-хаттаманың [\d., және]+-тарма".into(),
        ),
        (
            "kk: date first",
            "protocol",
            r"\d{4} жылғы \d+ \S+(?:дағы|дегі|тағы|тегі) № \d+ ".into(),
        ),
        (
            "kk: хаттамасының",
            "protocol",
            r"№ \d+ (?:отырыс )?хаттамасының".into(),
        ),
        ("kk: тармақтары", "protocol", r"-тармақтары".into()),
        (
            "ru: citation without a date",
            "protocol",
            r"протокола (?:заседания )?(?:комиссии )?№ \d+[ ,.;]".into(),
        ),
        (
            "kk: citation without a date",
            "protocol",
            r"(?m)(?:^\d+\.\d+\. |; )№ \d+ (?:отырыс )?хаттама".into(),
        ),
        // Header layouts.
        (
            "ru: header table",
            "protocol",
            r"Дата(?: \| |\t)Время(?: \| |\t)Место проведения".into(),
        ),
        (
            "kk: header table",
            "protocol",
            r"Күні(?: \| |\t)Уақыты(?: \| |\t)Өтетін орны".into(),
        ),
        (
            "ru: label over its value",
            "protocol",
            r"(?m)^\**Председательств\w*(?: на заседании)?:\**\\?\r?\n\S".into(),
        ),
        (
            "kk: label over its value",
            "protocol",
            r"(?m)^\**(?:Төрағалық еткен|Отырыс төрағасы|Отырысты жүргізген):\**\\?\r?\n\S".into(),
        ),
        (
            "ru: Председательствующий на заседании",
            "protocol",
            r"Председательствующий на заседании:".into(),
        ),
        (
            "kk: Отырыс төрағасы",
            "protocol",
            r"Отырыс төрағасы:".into(),
        ),
        (
            "kk: Отырысты жүргізген",
            "protocol",
            r"Отырысты жүргізген:".into(),
        ),
        (
            "ru: всего членов комиссии, присутствовали",
            "protocol",
            format!(r"Всего членов комиссии {dash} \d+, присутствовали {dash} \d+"),
        ),
        (
            "ru: N членов комиссии из M",
            "protocol",
            r"\d+ членов комиссии из \d+".into(),
        ),
        (
            "kk: комиссияның N мүшесінің M-і",
            "protocol",
            r"комиссияның \d+ мүшесінің \d+-".into(),
        ),
        (
            "kk: present and total on their own",
            "protocol",
            r"Отырысқа қатысқан мүшелер: \d+\. Комиссия мүшелерінің жалпы саны: \d+".into(),
        ),
        (
            "ru: attendance table",
            "protocol",
            r"№(?: \| |\t)Ф\.И\.О\.(?: \| |\t)Должность".into(),
        ),
        (
            "kk: attendance table",
            "protocol",
            r"№(?: \| |\t)Т\.А\.Ә\.(?: \| |\t)Лауазымы".into(),
        ),
        (
            "ru: signatures in a table",
            "protocol",
            r"\| Председатель комиссии \| ".into(),
        ),
        (
            "kk: signatures in a table",
            "protocol",
            r"\| Төраға \| ".into(),
        ),
        (
            "ru: excerpt title",
            "protocol",
            r"ВЫПИСКА ИЗ ПРОТОКОЛА".into(),
        ),
        ("kk: excerpt title", "protocol", r"ХАТТАМАДАН ҮЗІНДІ".into()),
        ("pandoc dashes", "", r" -- ".into()),
        // Decisions in other layouts.
        (
            "ru: decisions table",
            "protocol",
            r"№(?: \| |\t)Решение(?: \| |\t)Ответственный(?: \| |\t)Срок".into(),
        ),
        (
            "kk: decisions table",
            "protocol",
            r"№(?: \| |\t)Шешім(?: \| |\t)Жауапты(?: \| |\t)Мерзімі".into(),
        ),
        (
            "ru: a question in one paragraph",
            "protocol",
            r"(?m)^\d+\. СЛУШАЛИ: .* (?:РЕШИЛИ|ПОСТАНОВИЛИ): \d+(?:\.\d+)?\) .*; \d+(?:\.\d+)?\) "
                .into(),
        ),
        (
            "kk: a question in one paragraph",
            "protocol",
            r"(?m)^\d+\. ТЫҢДАЛДЫ: .* ШЕШТІ: \d+(?:\.\d+)?\) .*; \d+(?:\.\d+)?\) ".into(),
        ),
        (
            "ru: lettered items",
            "protocol",
            r"(?m)^а\) .*(?:контрол|сведению).*;\r?$".into(),
        ),
        (
            "kk: lettered items",
            "protocol",
            r"(?m)^а\) .*(?:бақылау|назарға).*;\r?$".into(),
        ),
        // Kinds of documents.
        ("ru: Комплексный план", "plan", r"Комплексный план".into()),
        ("ru: План мероприятий", "plan", r"План мероприятий".into()),
        (
            "ru: Межведомственный план",
            "plan",
            r"Межведомственный план".into(),
        ),
        (
            "kk: іс-шаралар жоспары",
            "plan",
            r"(?i)іс-шаралар жоспары".into(),
        ),
        ("kk: кешенді жоспар", "plan", r"кешенді жоспар".into()),
        (
            "ru: plan excerpt without a title",
            "plan",
            r"(?m)^(?:Іс-шаралар / )?Мероприятия на \d{4} год разработаны".into(),
        ),
        (
            "kk: plan excerpt without a title",
            "plan",
            r"(?m)^\d{4} жылға арналған іс-шаралар .* сәйкес әзірленді".into(),
        ),
        (
            "ru: a session approves the composition",
            "protocol",
            r"Об утверждении (?:нового|обновленного) состава комиссии".into(),
        ),
        (
            "kk: a session approves the composition",
            "protocol",
            r"құрамын бекіту туралы".into(),
        ),
        // Minors' cases.
        (
            "ru: found guilty, fined",
            "protocol",
            r"Признать .*виновным.*штраф".into(),
        ),
        (
            "ru: ограничиться устным замечанием",
            "protocol",
            r"Ограничиться устным замечанием".into(),
        ),
        (
            "kk: ескерту түріндегі жаза",
            "protocol",
            r"ескерту түріндегі әкімшілік жаза қолданылсын".into(),
        ),
        (
            "kk: кінәлі деп танылсын",
            "protocol",
            r"кінәлі деп танылсын".into(),
        ),
        ("ru: куратор", "protocol", r"куратора".into()),
        ("ru: сопровождение", "protocol", r"сопровождение".into()),
        (
            "kk: сүйемелдеу бекітілсін",
            "protocol",
            r"сүйемелдеу бекітілсін".into(),
        ),
        ("kk: тәлімгер", "protocol", r"тәлімгер".into()),
        // Deadlines.
        (
            "ru: half-year",
            "protocol",
            r"(?:до конца|в течение) (?:I|II) полугодия|(?:I|II) полугодие \d{4}".into(),
        ),
        (
            "kk: half-year",
            "protocol",
            r"жылғы (?:І|ІІ) жартыжылдық".into(),
        ),
        (
            "ru: monthly, by the 5th",
            "",
            r"ежемесячно, до 5 числа".into(),
        ),
        (
            "kk: monthly, by the 5th",
            "",
            r"ай сайын, айдың 5-не дейін".into(),
        ),
    ];
    let mut missing = Vec::new();
    let mut counts = Vec::new();
    for (family, kind, pattern) in &families {
        let re = regex::Regex::new(pattern).unwrap();
        let n = texts
            .iter()
            .filter(|(path, _)| path.rsplit('/').next().unwrap().starts_with(kind))
            .filter(|(_, text)| re.is_match(text))
            .count();
        counts.push(format!("{n:4}  {family}"));
        if n == 0 {
            missing.push(*family);
        }
    }
    // Citations across years: a protocol of one year closing decisions of the year before.
    let across = texts.iter().any(|(path, text)| {
        path.contains("/2026/protocol")
            && regex::Regex::new(r"(?:от \d\d\.\d\d\.2025|от \d+ \S+ 2025 г\.|2025 жылғы \d+ \S+ № |\d\d\.\d\d\.2025 жылғы № )")
                .unwrap()
                .is_match(text)
    });
    if !across {
        missing.push("citations across years");
    }
    // Every kind also comes as a plain-text Word export: BOM, CRLF, tab-separated tables.
    for kind in ["protocol", "plan", "composition"] {
        let txt: Vec<&(String, Vec<u8>)> = docs
            .iter()
            .filter(|(path, _)| {
                let name = path.rsplit('/').next().unwrap();
                name.starts_with(kind) && name.ends_with(".txt")
            })
            .collect();
        let bom = txt
            .iter()
            .any(|(_, b)| b.starts_with("\u{feff}".as_bytes()));
        let crlf = txt.iter().any(|(_, b)| b.windows(2).any(|w| w == b"\r\n"));
        let tabs = txt.iter().any(|(_, b)| b.contains(&b'\t'));
        counts.push(format!(
            "{:4}  {kind} as text (bom {bom}, crlf {crlf}, tabs {tabs})",
            txt.len()
        ));
        if !(bom && crlf && tabs) {
            missing.push(kind);
        }
    }
    eprintln!("{}", counts.join("\n"));
    assert!(missing.is_empty(), "missing: {missing:#?}");
}
