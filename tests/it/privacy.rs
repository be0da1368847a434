//! No minor's data in any output: valid ИИНs and children's names with birth dates, generated
//! in the spellings real protocols use, are planted in documents, file and folder names, front
//! matter, configuration and expect comments; then every format in every language of `check`
//! and `audit`, `inspect`, `test-rules`, the baseline file and the errors on stderr are searched
//! for them. The personal-data rules must also find every planted one.

use crate::common;

use chrono::NaiveDate;
use hattama::audit::{self, AuditSettings};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::{self, Settings};
use hattama::lang::Lang;
use hattama::pack::Pack;
use hattama::privacy::{Masked, is_valid_iin};
use hattama::report::{self, Format};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use std::path::Path;

/// Every format, so that a new one is searched the day it is added.
const FORMATS: [Format; 10] = Format::ALL;

const SURNAMES: &[&str] = &[
    "Сейтқали",
    "Жұмабаев",
    "Ковальчук",
    "Әбілқасымова",
    "Тұрсынбекова",
    "Гриневич",
];
const GIVEN: &[&str] = &["Айбек", "Дарина", "Ерасыл", "Мирослава", "Іңкәр", "Тимофей"];
/// `Әлiбекқызы` has a Latin `i`, as Word exports often do.
const PATRONYMICS: &[&str] = &[
    "Нұрланұлы",
    "Игоревна",
    "Серікұлы",
    "Ринатовна",
    "Әлiбекқызы",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const KK_MONTHS: [&str; 12] = [
    "қаңтарда",
    "ақпанда",
    "наурызда",
    "сәуірде",
    "мамырда",
    "маусымда",
    "шілдеде",
    "тамызда",
    "қыркүйекте",
    "қазанда",
    "қарашада",
    "желтоқсанда",
];

/// One child's data as planted: the ИИН's digits and the words of the name.
#[derive(Debug, Clone)]
struct Planted {
    iin: String,
    names: Vec<String>,
}

struct Child {
    planted: Planted,
    /// The ИИН as written in the document.
    iin_written: String,
    /// The name and birth date as written.
    named: String,
}

fn pick<'a>(rng: &mut ChaCha8Rng, from: &[&'a str]) -> &'a str {
    from[rng.next_u32() as usize % from.len()]
}

fn below(rng: &mut ChaCha8Rng, n: u32) -> u32 {
    rng.next_u32() % n
}

/// A valid ИИН of a child born on `y-m-d`: the date, the century-and-sex digit of the 2000s
/// (5 or 6), a serial, and the check digit (serials whose check digit is undefined are skipped).
fn iin(rng: &mut ChaCha8Rng, (y, m, d): (u32, u32, u32)) -> String {
    loop {
        let first11 = format!(
            "{:02}{m:02}{d:02}{}{:04}",
            y % 100,
            5 + below(rng, 2),
            below(rng, 10_000)
        );
        for check in 0..10 {
            let candidate = format!("{first11}{check}");
            if is_valid_iin(&candidate) {
                return candidate;
            }
        }
    }
}

/// The ИИН split and decorated the `variant`-th way people and Word write it.
fn iin_spelling(iin: &str, variant: usize) -> String {
    let (a, b) = iin.split_at(6);
    match variant % 10 {
        0 => iin.to_string(),
        1 => format!("{a} {b}"),
        2 => format!("{a}-{b}"),
        3 => format!("{a}\u{a0}{b}"),
        4 => format!("{a}\u{200b}{b}"),
        5 => format!("{a}\u{ad}{b}"),
        6 => format!("{a}**{b}**"),
        7 => format!("{} {} {} {}", &iin[..3], &iin[3..6], &iin[6..9], &iin[9..]),
        8 => format!("{a}\\-{b}"),
        _ => format!("{} {} {}", &iin[..4], &iin[4..8], &iin[8..]),
    }
}

/// The name and birth date the `variant`-th way protocols write them.
fn named(names: &[String], (y, m, d): (u32, u32, u32), variant: usize) -> String {
    let name = names.join(" ");
    let month = (m - 1) as usize;
    match variant % 12 {
        0 => format!("{name}, {d:02}.{m:02}.{y} г.р."),
        1 => format!("{name}, {d:02}/{m:02}/{y} г.р."),
        2 => format!("{name} {d:02}-{m:02}-{y} г.р."),
        3 => format!("{name} ({y}-{m:02}-{d:02} г.р.)"),
        4 => format!("{name}, {d:02}.{m:02}.{:02} г.р.", y % 100),
        5 => format!("н/л {name} {y} ж.т."),
        6 => format!("{name}, {y} жылғы {d} {} туған", KK_MONTHS[month]),
        7 => format!("{name}, {d} {} {y} года рождения", RU_MONTHS[month]),
        8 => format!("{name}, родился {d:02}.{m:02}.{y}"),
        9 => format!("**{name}**, {y} г.р."),
        10 => format!("несовершеннолетний {name}, {d:02}.{m:02}.{y}"),
        _ => format!("{name}, {y} жылы туған"),
    }
}

fn child(rng: &mut ChaCha8Rng, variant: usize) -> Child {
    let born = (2008 + below(rng, 8), 1 + below(rng, 12), 1 + below(rng, 28));
    let mut names = vec![
        pick(rng, SURNAMES).to_string(),
        pick(rng, GIVEN).to_string(),
    ];
    if variant.is_multiple_of(2) {
        names.push(pick(rng, PATRONYMICS).to_string());
    }
    let iin = iin(rng, born);
    Child {
        iin_written: iin_spelling(&iin, variant),
        named: named(&names, born, variant),
        planted: Planted { iin, names },
    }
}

/// A protocol in the layout of a district, with the child in a decision, a table and the
/// header; `front` is its front matter, if any.
fn protocol(child: &Child, front: Option<&str>, number: usize) -> String {
    let front = front.map_or(String::new(), |f| format!("---\n{f}---\n\n"));
    format!(
        "{front}# ПРОТОКОЛ № {number}\n\
         заседания комиссии по делам несовершеннолетних и защите их прав\n\n\
         г. Алга, 12.03.2026 г.\n\n\
         Председатель: Ахметов Б.К.\n\n\
         Секретарь: Омарова Д.С.\n\n\
         ПОВЕСТКА ДНЯ:\n\n\
         1. О материалах в отношении {named}, ИИН {iin}.\n\n\
         1. СЛУШАЛИ:\n\n\
         Инспектора ПДН о поведении {named}.\n\n\
         | ФИО | ИИН |\n|---|---|\n| {named} | {iin} |\n\n\
         ПОСТАНОВИЛИ:\n\n\
         1.1. {named} (ИИН {iin}) поставить на учёт\n\n\
         Председатель ____________ Ахметов Б.К.\n\n\
         Секретарь ____________ Омарова Д.С.\n",
        named = child.named,
        iin = child.iin_written,
    )
}

/// Writes the oblast: commissions in folders, one folder and some files named after a child,
/// front matter naming the commission with a child's data, and a duplicate key that is an
/// ИИН (a YAML error that quotes the key).
fn write_oblast(root: &Path, rng: &mut ChaCha8Rng) -> Vec<Planted> {
    let mut planted = Vec::new();
    for variant in 0..24 {
        let child = child(rng, variant);
        let folder = match variant % 3 {
            0 => "Алгинский район".to_string(),
            1 => "Мартук".to_string(),
            // A folder named after a child, as a scan folder can be.
            _ => child.planted.names.join("_") + "_2011_ж.т",
        };
        let file = match variant % 4 {
            0 => format!("protocol-{variant:02}.md"),
            1 => format!("{}.md", child.planted.iin),
            2 => format!("{}_2011_г.р.md", child.planted.names.join("_")),
            _ => format!("protocol-{variant:02}.txt"),
        };
        let front = match variant % 5 {
            0 => Some(format!(
                "commission: \"КДН {} ИИН {}\"\ndate: 2026-03-12\n",
                child.named, child.iin_written
            )),
            1 => Some(format!(
                "date: 2026-03-12\n\"{0}\": 1\n\"{0}\": 2\n",
                child.planted.iin
            )),
            _ => None,
        };
        let front = if file.ends_with(".txt") { None } else { front };
        let dir = root.join(&folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(&file),
            protocol(&child, front.as_deref(), variant + 1),
        )
        .unwrap();
        planted.push(child.planted);
    }
    planted
}

/// Removes what may stand between an ИИН's digits, so that a number split in the output in
/// any way is still found.
fn digits_joined(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '\u{a0}' | '-' | '*' | '_' | '\\' | '\u{200b}' | '\u{ad}' | '\u{202f}'
            )
        })
        .collect()
}

fn assert_clean(output: &str, planted: &[Planted], context: &str) {
    let joined = digits_joined(output);
    for child in planted {
        assert!(
            !joined.contains(&child.iin),
            "{context}: the ИИН {} is in the output:\n{}",
            child.iin,
            excerpt(output, &child.iin[..6])
        );
        for name in &child.names {
            assert!(
                !output.contains(name.as_str()),
                "{context}: the name {name} is in the output:\n{}",
                excerpt(output, name)
            );
        }
    }
}

/// The lines of `output` that hold `needle`, to show what leaked.
fn excerpt(output: &str, needle: &str) -> String {
    output
        .lines()
        .filter(|line| line.contains(needle))
        .take(5)
        .collect::<Vec<_>>()
        .join("\n")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn rendering(pack: &Pack, format: Format, lang: Lang) -> report::Rendering<'_> {
    report::Rendering {
        format,
        pack,
        lang,
        as_of: as_of(),
        options: report::RenderOptions {
            details: true,
            ..Default::default()
        },
    }
}

fn oblast(seed: u64) -> (tempfile::TempDir, Vec<Planted>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("oblast");
    let planted = write_oblast(&root, &mut ChaCha8Rng::seed_from_u64(seed));
    (dir, planted)
}

#[test]
fn no_format_of_check_or_audit_prints_a_planted_child() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    for seed in [1, 2] {
        let (dir, planted) = oblast(seed);
        let root = dir.path().join("oblast");
        for lang in Lang::ALL {
            let settings = Settings::new(lang, as_of());
            let checked = Masked::new(
                engine::check_paths(std::slice::from_ref(&root), &pack, &settings),
                &pack.masker,
            );
            let audited = Masked::new(
                audit::audit(
                    &root,
                    &pack,
                    &AuditSettings {
                        files: settings.clone(),
                        level: FolderLevel::Deepest,
                    },
                ),
                &pack.masker,
            );
            for format in FORMATS {
                let how = rendering(&pack, format, lang);
                let mut out = Vec::new();
                report::render_check(&checked, &how, &mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                assert_clean(&text, &planted, &format!("check {format:?} {lang:?}"));
                let mut out = Vec::new();
                report::render_audit(&audited, &how, &mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                assert_clean(&text, &planted, &format!("audit {format:?} {lang:?}"));
            }
        }
    }
}

#[test]
fn the_rules_find_every_planted_child() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let (dir, planted) = oblast(3);
    let root = dir.path().join("oblast");
    let outcome = engine::check_paths(&[root], &pack, &Settings::new(Lang::En, as_of()));
    let documents = planted.len();
    for rule in ["kz-kdn/personal-id-number", "kz-kdn/personal-birth-date"] {
        let mut paths: Vec<&str> = outcome
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.path.as_str())
            .collect();
        paths.dedup();
        assert_eq!(paths.len(), documents, "{rule} in {paths:#?}");
        // The agenda, the table and the decision name the child with the ИИН.
        let found = outcome.findings.iter().filter(|f| f.rule == rule).count();
        assert!(found >= 3 * documents, "{rule}: {found}");
    }
}

#[test]
fn the_command_line_masks_inspect_test_rules_baselines_and_errors() {
    let (dir, planted) = oblast(4);
    let root = dir.path().join("oblast");
    let mut files: Vec<_> = walk(&root);
    files.sort();
    for lang in ["kk", "ru", "en"] {
        for file in files.iter().take(4) {
            let output = common::hattama()
                .args(["inspect", "--lang", lang])
                .arg(file)
                .output()
                .unwrap();
            let all = [output.stdout, output.stderr].concat();
            assert_clean(&String::from_utf8_lossy(&all), &planted, "inspect");
        }
    }

    let baseline = dir.path().join("baseline.json");
    let output = common::hattama()
        .args(["check", "--as-of", "2026-06-30", "--write-baseline"])
        .arg(&baseline)
        .arg(&root)
        .output()
        .unwrap();
    assert_clean(
        &String::from_utf8_lossy(&output.stderr),
        &planted,
        "baseline notes",
    );
    let written = std::fs::read_to_string(&baseline).unwrap();
    assert_clean(&written, &planted, "baseline file");

    // Expect comments that name an ИИН as a rule, in a fixture named after a child.
    let child = &planted[0];
    let fixture = dir
        .path()
        .join(format!("{}_2011_г.р.md", child.names.join("_")));
    std::fs::write(
        &fixture,
        format!(
            "# Протокол\n<!-- expect: {0} -->\nИИН {0}\n<!-- expect {0} -->\n",
            child.iin
        ),
    )
    .unwrap();
    let output = common::hattama()
        .args(["test-rules"])
        .arg(&fixture)
        .output()
        .unwrap();
    let all = [output.stdout, output.stderr].concat();
    assert_clean(&String::from_utf8_lossy(&all), &planted, "test-rules");

    // A missing file named after a child; a configuration whose bad key is an ИИН.
    let missing = dir.path().join(format!("{}.md", child.iin));
    let output = common::hattama()
        .arg("check")
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_clean(
        &String::from_utf8_lossy(&output.stderr),
        &planted,
        "missing path",
    );
    let config = dir.path().join("hattama.yml");
    std::fs::write(
        &config,
        format!("lang: ru\n\"{0}\": 1\n\"{0}\": 2\n", child.iin),
    )
    .unwrap();
    let output = common::hattama()
        .arg("check")
        .arg("--config")
        .arg(&config)
        .arg(&root)
        .output()
        .unwrap();
    let all = [output.stdout, output.stderr].concat();
    assert_clean(
        &String::from_utf8_lossy(&all),
        &planted,
        "configuration error",
    );
}

fn walk(root: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_default_packs_masks_all_need_a_digit() {
    // Otherwise every text of a report would be searched by them: keep them to `[0-9]`.
    let rulebook = hattama::rulebook::Rulebook::builtin().unwrap();
    assert!(rulebook.masker.extras_need_digit());
}
