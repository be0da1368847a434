//! The views for people, in each language: the rule catalogue (`rules`), one rule
//! (`explain`) and what was read in one document (`inspect`). Each reads in the language asked
//! for, shows values as a person writes them (never a template engine's dict), and masks
//! personal data as every report does.

use crate::common;

use common::{hattama, stdout};
use hattama::lang::Lang;

const LANGS: [&str; 3] = ["kk", "ru", "en"];

fn run(args: &[&str]) -> String {
    let output = hattama().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    stdout(&output)
}

/// (language, heading of the example, the start of the requirement's translation, the start of
/// its basis).
const EXPLAIN: [(&str, &str, &str, &str); 3] = [
    (
        "kk",
        "Дұрыс мысал",
        "Талап: кворум",
        "Негізі: КДН туралы өңірлік заңдар",
    ),
    (
        "ru",
        "Правильный пример",
        "Требование: кворум",
        "Основание: Региональные законы о КДН",
    ),
    (
        "en",
        "Example that passes",
        "Requirement: quorum",
        "Basis: Regional KDN laws",
    ),
];

#[test]
fn explain_shows_the_requirement_and_an_example_in_the_language() {
    for (lang, example, requirement, basis) in EXPLAIN {
        let text = run(&["explain", "quorum", "--lang", lang]);
        assert!(text.contains(example), "{lang}: {text}");
        assert!(text.contains(requirement), "{lang}: {text}");
        assert!(text.contains(basis), "{lang}: {text}");
        if lang != "en" {
            // The English requirement must not leak into a Kazakh or Russian view.
            assert!(!text.contains("at least half"), "{lang}: {text}");
        }
    }
}

#[test]
fn explain_shows_parameters_as_name_colon_value() {
    for lang in LANGS {
        let quorum = run(&["explain", "quorum", "--lang", lang]);
        assert!(quorum.lines().any(|l| l == "  quorum: 0.5"), "{quorum}");
        let turnover = run(&["explain", "secretary-turnover", "--lang", lang]);
        assert!(
            turnover.lines().any(|l| l == "  max_secretaries: 2"),
            "{turnover}"
        );
        assert!(
            turnover.lines().any(|l| l == "  window_days: 365"),
            "{turnover}"
        );
        for text in [&quorum, &turnover] {
            assert!(!text.contains("{'") && !text.contains("':"), "{text}");
        }
    }
}

/// One rule of each part of the pack (protocol, decisions, plan, composition, privacy, across
/// documents); that every rule has an example in each language is tested on the pack itself
/// (tests/rule_examples.rs).
const SAMPLE_RULES: [&str; 6] = [
    "protocol-signatures",
    "decision-deadline",
    "measure-vague-deadline",
    "composition-categories",
    "personal-birth-date",
    "session-gap",
];

#[test]
fn explain_shows_each_rules_example_in_the_language() {
    for (lang, example, _, _) in EXPLAIN {
        for id in SAMPLE_RULES {
            let text = run(&["explain", id, "--lang", lang]);
            let after = text
                .split_once(example)
                .map(|(_, after)| after)
                .unwrap_or_else(|| panic!("{id} ({lang}) shows no example:\n{text}"));
            let first = after.lines().nth(1).unwrap_or("");
            assert!(
                first.starts_with("  ") && first.trim().len() > 3,
                "{id}: {text}"
            );
        }
    }
    // The Kazakh view shows the Kazakh example.
    let kazakh = run(&["explain", "protocol-number", "--lang", "kk"]);
    assert!(kazakh.contains("  ХАТТАМА № 3"), "{kazakh}");
}

#[test]
fn rules_shows_each_message_variant_on_its_own_line() {
    // (language, the first variant, the second) of protocol-numbering's message.
    let variants = [
        (
            "kk",
            "… жылы № … хаттама қайталанады",
            "… жылғы хаттамалардың нөмірлері жетіспейді: …",
        ),
        (
            "ru",
            "Номер протокола … повторяется в … году",
            "В … году пропущены номера протоколов: …",
        ),
        (
            "en",
            "Protocol number … is used twice in …",
            "Protocol numbers are missing in …: …",
        ),
    ];
    for (lang, first, second) in variants {
        let list = run(&["rules", "--lang", lang]);
        let lines: Vec<&str> = list.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("kz-kdn/protocol-numbering "))
            .unwrap();
        assert!(lines[at].ends_with(first), "{lang}: {}", lines[at]);
        let column = lines[at].chars().count() - first.chars().count();
        let next = lines[at + 1];
        assert_eq!(next.trim_start(), second, "{lang}");
        assert_eq!(
            next.chars().count() - second.chars().count(),
            column,
            "{lang}"
        );
        // No other rule's message runs two sentences together.
        assert!(
            !list.contains("…Protocol") && !list.contains("году…"),
            "{list}"
        );

        let explain = run(&["explain", "protocol-numbering", "--lang", lang]);
        assert!(
            explain.contains(&format!("\n  {first}\n  {second}\n")),
            "{explain}"
        );
    }
}

/// (language, the view's words that must appear, the field names it uses).
const INSPECT: [(&str, [&str; 5]); 3] = [
    (
        "kk",
        [
            "Құжат түрі: отырыс хаттамасы",
            "Неге бұл түр:",
            "Өрістер:",
            "Бөлімдер:",
            "Шешімдер мен іс-шаралар:",
        ],
    ),
    (
        "ru",
        [
            "Вид документа: протокол заседания",
            "Почему этот вид:",
            "Поля:",
            "Разделы:",
            "Решения и мероприятия:",
        ],
    ),
    (
        "en",
        [
            "Kind of document: session protocol",
            "Why this kind:",
            "Fields:",
            "Sections:",
            "Decisions and measures:",
        ],
    ),
];

/// The view of one document, rendered in this process (the command is run on a few below).
fn inspect_view(pack: &hattama::pack::Pack, path: &std::path::Path, lang: Lang) -> String {
    let source = hattama::read::read_path(path, &Default::default()).unwrap();
    let (document, extraction) = hattama::engine::analyse(path, source, pack);
    let mut out = Vec::new();
    hattama::report::inspect::render(&document, &extraction, pack, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn inspect_reads_in_the_language_without_raw_values() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let fixtures: Vec<_> = std::fs::read_dir("fixtures/check")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert!(fixtures.len() > 10);
    for ((code, words), lang) in INSPECT.iter().zip(Lang::ALL) {
        assert_eq!(*code, lang.code());
        for path in &fixtures {
            let text = inspect_view(&pack, path, lang);
            for raw in ["{'", "'kind'", "deadline=", "responsible=", "\t"] {
                assert!(
                    !text.contains(raw),
                    "{} ({lang}) shows {raw:?}:\n{text}",
                    path.display()
                );
            }
            // Fields are named by the pack's names, never by their ids.
            for id in [
                "members_total",
                "signature_chair",
                "plan_year",
                "members_listed",
            ] {
                assert!(
                    !text.contains(id),
                    "{} ({lang}): {id}\n{text}",
                    path.display()
                );
            }
            for word in &words[1..] {
                assert!(
                    text.contains(word),
                    "{} ({lang}): {word}\n{text}",
                    path.display()
                );
            }
        }
        // The command prints the same view.
        let protocol = "fixtures/check/ru-protocol-sloppy-01.txt";
        let text = run(&["inspect", protocol, "--lang", code]);
        assert!(text.contains(words[0]), "{lang}: {text}");
        assert_eq!(
            text,
            inspect_view(&pack, std::path::Path::new(protocol), lang)
        );
    }
}

#[test]
fn inspect_shows_deadlines_as_a_reader_writes_them() {
    // (language, a vague deadline, a dated one, a period).
    let cases = [
        (
            "kk",
            "постоянно (нақты емес)",
            "до 10.04.2026 (күні)",
            "(кезең, соңғы күні",
        ),
        (
            "ru",
            "постоянно (неконкретный)",
            "до 10.04.2026 (дата)",
            "(период, последний день",
        ),
        (
            "en",
            "постоянно (vague)",
            "до 10.04.2026 (date)",
            "(period, last day",
        ),
    ];
    for (lang, vague, dated, period) in cases {
        let protocol = run(&[
            "inspect",
            "fixtures/check/ru-protocol-sloppy-01.txt",
            "--lang",
            lang,
        ]);
        assert!(protocol.contains(vague), "{lang}: {protocol}");
        assert!(protocol.contains(dated), "{lang}: {protocol}");
        let plan = run(&[
            "inspect",
            "fixtures/check/ru-plan-clean-01.md",
            "--lang",
            lang,
        ]);
        assert!(plan.contains(period), "{lang}: {plan}");
    }
}

#[test]
fn inspect_says_why_the_document_is_of_its_kind() {
    let titled = run(&[
        "inspect",
        "fixtures/check/ru-protocol-sloppy-01.txt",
        "--lang",
        "ru",
    ]);
    assert!(
        titled.contains("Почему этот вид:\n  заголовок (строка 1): «ПРОТОКОЛ № 2»\n"),
        "{titled}"
    );
    // The other evidence extraction weighed, each named in the language.
    assert!(
        titled.contains("\n  раздел «Слушали» (строка 19): «1. СЛУШАЛИ:»\n"),
        "{titled}"
    );
    let plan = run(&[
        "inspect",
        "fixtures/check/ru-plan-clean-01.md",
        "--lang",
        "kk",
    ]);
    assert!(
        plan.contains("\n  бекіту белгісі (1-жол): «УТВЕРЖДАЮ»\n"),
        "{plan}"
    );
    let front = run(&[
        "inspect",
        "fixtures/check/mixed-protocol-clean-01.md",
        "--lang",
        "en",
    ]);
    assert!(
        front.contains("Why this kind: named in the document's front matter, “kind: protocol”"),
        "{front}"
    );
    let empty = run(&["inspect", "fixtures/check/empty.md", "--lang", "kk"]);
    assert!(empty.contains("Құжат түрі: анықталмады"), "{empty}");
}

#[test]
fn inspect_masks_a_childs_name_with_birth_date_and_an_iin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protocol.md");
    std::fs::write(
        &path,
        "ПРОТОКОЛ № 7\n\n«12» марта 2026 года\n\nПОСТАНОВИЛИ:\n\
         1.1. Несовершеннолетнему назначить наставника, ответственный: Иванов Иван Петрович, \
         12.03.2011 г.р. Срок: до 01.05.2026.\n\
         1.2. Ответственный: отдел образования (ИИН 110312500017). Срок: до 01.06.2026.\n",
    )
    .unwrap();
    for (lang, note) in [
        ("kk", "Дербес деректер жасырылған"),
        ("ru", "Персональные данные скрыты"),
        ("en", "Personal data is masked"),
    ] {
        let text = run(&["inspect", path.to_str().unwrap(), "--lang", lang]);
        for secret in ["Иванов", "12.03.2011", "110312500017"] {
            assert!(!text.contains(secret), "{lang} shows {secret}:\n{text}");
        }
        assert!(
            text.contains("отдел образования (ИИН ************)"),
            "{text}"
        );
        assert!(text.contains(note), "{lang}: {text}");
    }
}

#[test]
fn explain_names_a_rule_for_any_document_in_words() {
    for (lang, line) in [
        ("kk", "Құжаттар: кез келген құжат"),
        ("ru", "Документы: любой документ"),
        ("en", "Documents: any document"),
    ] {
        let text = run(&["explain", "personal-id-number", "--lang", lang]);
        assert!(text.lines().any(|l| l == line), "{lang}: {text}");
    }
}
