//! Tests of the generator as a whole: determinism, layout, no findings on clean documents,
//! document-level findings exactly where planted, and an independent re-derivation of every
//! corpus-level defect from what the tool's own extraction reads in the files (so a planted
//! defect has no unrecorded side effects, and clean districts have none of them).

use super::*;
use chrono::{Datelike, Duration, NaiveDate};
use hattama::corpus::citations::Said;
use hattama::engine::{self, Settings};
use hattama::extract::Value;
use hattama::lang::Lang;
use hattama::rulebook::Rulebook;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn options(dir: &Path, districts: usize, defects: bool) -> GenerateOptions {
    GenerateOptions {
        out: dir.to_path_buf(),
        districts,
        years: vec![2025, 2026],
        seed: 7,
        as_of: date(2026, 11, 30),
        defects,
        format: DocumentFormat::Text,
    }
}

fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("readable"))
        })
        .collect()
}

const DOCUMENT_RULES: [&str; 6] = [
    "kz-kdn/decision-deadline",
    "kz-kdn/decision-vague-deadline",
    "kz-kdn/quorum",
    "kz-kdn/protocol-signatures",
    "kz-kdn/plan-suicide-prevention",
    "kz-kdn/personal-id-number",
];

#[test]
fn same_seed_same_bytes() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let ta = generate(&options(a.path(), 3, true)).expect("generated");
    let tb = generate(&options(b.path(), 3, true)).expect("generated");
    assert_eq!(files(a.path()), files(b.path()));
    assert_eq!(ta.planted, tb.planted);
    let c = tempfile::tempdir().expect("temp dir");
    let mut other = options(c.path(), 3, true);
    other.seed = 8;
    generate(&other).expect("generated");
    assert_ne!(files(a.path()), files(c.path()));
}

#[test]
fn layout_and_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 2,
        years: vec![2025],
        seed: 3,
        as_of: date(2026, 1, 15),
        defects: false,
        format: DocumentFormat::Text,
    };
    let truth = generate(&opts).expect("generated");
    let all = files(dir.path());
    assert!(all.contains_key("ground-truth.json"));
    assert_eq!(truth.documents, all.len() - 1);
    assert_eq!(
        truth.bytes,
        all.iter()
            .filter(|(p, _)| *p != "ground-truth.json")
            .map(|(_, b)| b.len() as u64)
            .sum::<u64>()
    );
    assert!(truth.planted.is_empty());
    for district in ["aktobe/aiteke-bi/2025", "aktobe/alga/2025"] {
        let names: Vec<&str> = all
            .keys()
            .filter_map(|p| p.strip_prefix(&format!("{district}/")))
            .collect();
        let protocols = names.iter().filter(|n| n.starts_with("protocol-")).count();
        assert!(
            (12..=16).contains(&protocols),
            "{district}: {protocols} protocols"
        );
        assert_eq!(
            names.iter().filter(|n| n.starts_with("plan-2025.")).count(),
            1,
            "{district}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.starts_with("composition-2025."))
                .count(),
            1,
            "{district}"
        );
        assert_eq!(names.len(), protocols + 2);
        for n in 1..=protocols {
            assert!(
                names
                    .iter()
                    .any(|name| name.starts_with(&format!("protocol-{n:02}."))),
                "{district}: № {n}"
            );
        }
    }
}

#[test]
fn clean_corpus_has_no_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(&options(dir.path(), 3, false)).expect("generated");
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    let outcome = engine::check_paths(
        &[dir.path().to_path_buf()],
        &pack,
        &Settings::new(Lang::En, date(2026, 11, 30)),
    );
    let shown: Vec<String> = outcome
        .findings
        .iter()
        .take(10)
        .map(|f| format!("{} {} {}", f.path, f.rule, f.message))
        .collect();
    assert!(outcome.findings.is_empty(), "{shown:#?}");
    let facts = read_corpus(dir.path(), &pack);
    assert!(facts.protocols.len() > 40);
    assert_eq!(derive(&facts, date(2026, 11, 30)), BTreeSet::new());
}

#[test]
fn document_findings_are_the_planted_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let truth = generate(&options(dir.path(), 4, true)).expect("generated");
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    let outcome = engine::check_paths(
        &[dir.path().to_path_buf()],
        &pack,
        &Settings::new(Lang::En, date(2026, 11, 30)),
    );
    let root = format!("{}/", dir.path().display());
    let mut found: Vec<(String, String)> = outcome
        .findings
        .iter()
        .filter(|f| DOCUMENT_RULES.contains(&f.rule.as_str()) || !f.rule.starts_with("kz-kdn/"))
        .map(|f| {
            (
                f.rule.clone(),
                f.path
                    .replace('\\', "/")
                    .trim_start_matches(&root)
                    .to_string(),
            )
        })
        .collect();
    found.sort();
    let mut planted: Vec<(String, String)> = truth
        .planted
        .iter()
        .filter(|p| DOCUMENT_RULES.contains(&p.rule.as_str()))
        .map(|p| (p.rule.clone(), p.path.clone()))
        .collect();
    planted.sort();
    assert_eq!(found, planted);
    // Findings of the document rules that were not planted would show up above; other
    // document rules must stay silent entirely.
    let others: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| {
            !DOCUMENT_RULES.contains(&f.rule.as_str()) && !CORPUS_RULES.contains(&f.rule.as_str())
        })
        .map(|f| f.rule.as_str())
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn corpus_defects_are_exactly_the_planted_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let truth = generate(&options(dir.path(), 4, true)).expect("generated");
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    let facts = read_corpus(dir.path(), &pack);
    let derived = derive(&facts, date(2026, 11, 30));
    let planted: BTreeSet<(String, String)> = truth
        .planted
        .iter()
        .filter(|p| CORPUS_RULES.contains(&p.rule.as_str()))
        .map(|p| (p.rule.clone(), p.path.clone()))
        .collect();
    assert_eq!(derived, planted);
    let kinds: BTreeSet<&str> = truth.planted.iter().map(|p| p.rule.as_str()).collect();
    for rule in CORPUS_RULES.iter().chain(DOCUMENT_RULES.iter()) {
        assert!(kinds.contains(rule), "{rule} not planted");
    }
}

#[test]
fn other_dates_and_seeds_agree_too() {
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    for (seed, years, as_of) in [
        (1, vec![2024, 2025, 2026], date(2026, 5, 10)),
        (2, vec![2025, 2026], date(2026, 1, 5)),
        (3, vec![2023, 2024, 2025], date(2025, 12, 31)),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let opts = GenerateOptions {
            out: dir.path().to_path_buf(),
            districts: 6,
            years,
            seed,
            as_of,
            defects: true,
            format: DocumentFormat::Text,
        };
        let truth = generate(&opts).expect("generated");
        let derived = derive(&read_corpus(dir.path(), &pack), as_of);
        let planted: BTreeSet<(String, String)> = truth
            .planted
            .iter()
            .filter(|p| CORPUS_RULES.contains(&p.rule.as_str()))
            .map(|p| (p.rule.clone(), p.path.clone()))
            .collect();
        assert_eq!(derived, planted, "seed {seed}, as of {as_of}");
        let outcome = engine::check_paths(
            &[dir.path().to_path_buf()],
            &pack,
            &Settings::new(Lang::En, as_of),
        );
        let root = format!("{}/", dir.path().display());
        let mut found: Vec<(String, String)> = outcome
            .findings
            .iter()
            .filter(|f| !CORPUS_RULES.contains(&f.rule.as_str()))
            .map(|f| {
                (
                    f.rule.clone(),
                    f.path
                        .replace('\\', "/")
                        .trim_start_matches(&root)
                        .to_string(),
                )
            })
            .collect();
        found.sort();
        let mut expected: Vec<(String, String)> = truth
            .planted
            .iter()
            .filter(|p| DOCUMENT_RULES.contains(&p.rule.as_str()))
            .map(|p| (p.rule.clone(), p.path.clone()))
            .collect();
        expected.sort();
        assert_eq!(found, expected, "seed {seed}, as of {as_of}");
    }
}

/// The national scale (271 districts, ten years): slow, so run on demand with
/// `cargo test --release -p hattama-generate --lib tests::national -- --ignored`.
#[test]
#[ignore]
fn national_corpus_ground_truth() {
    let dir = tempfile::tempdir().expect("temp dir");
    let as_of = date(2026, 12, 31);
    let opts = GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 271,
        years: (2017..=2026).collect(),
        seed: 1,
        as_of,
        defects: true,
        format: DocumentFormat::Text,
    };
    let truth = generate(&opts).expect("generated");
    assert!(truth.documents > 40_000, "{}", truth.documents);
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    let derived = derive(&read_corpus(dir.path(), &pack), as_of);
    let planted: BTreeSet<(String, String)> = truth
        .planted
        .iter()
        .filter(|p| CORPUS_RULES.contains(&p.rule.as_str()))
        .map(|p| (p.rule.clone(), p.path.clone()))
        .collect();
    let missing: Vec<_> = planted.difference(&derived).collect();
    let unplanted: Vec<_> = derived.difference(&planted).collect();
    assert!(
        missing.is_empty() && unplanted.is_empty(),
        "missing {missing:#?}\nunplanted {unplanted:#?}"
    );
}

#[test]
fn plans_differ_unless_copied() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut opts = options(dir.path(), 12, true);
    opts.years = vec![2024, 2025, 2026];
    let truth = generate(&opts).expect("generated");
    let all = files(dir.path());
    let plans: Vec<(&String, HashSet<String>)> = all
        .iter()
        .filter(|(p, _)| p.contains("/plan-"))
        .map(|(p, b)| (p, shingles(&String::from_utf8_lossy(b))))
        .collect();
    let copies: HashSet<(String, String)> = truth
        .planted
        .iter()
        .filter(|p| p.rule == "kz-kdn/duplicate-plan")
        .filter_map(|p| {
            p.note
                .split_whitespace()
                .nth(2)
                .map(|source| (p.path.clone(), source.to_string()))
        })
        .collect();
    assert!(!copies.is_empty());
    let mut worst = 0.0f64;
    for (i, (a, sa)) in plans.iter().enumerate() {
        for (b, sb) in plans.iter().skip(i + 1) {
            let j = jaccard(sa, sb);
            let copied = copies.contains(&((*a).clone(), (*b).clone()))
                || copies.contains(&((*b).clone(), (*a).clone()));
            if copied {
                assert!(j > 0.8, "{a} ~ {b}: {j:.2}");
            } else {
                worst = worst.max(j);
                assert!(j < 0.35, "{a} ~ {b}: {j:.2}");
            }
        }
    }
    eprintln!(
        "plans: {}, copies: {}, most similar unrelated pair: {worst:.2}",
        plans.len(),
        copies.len()
    );
    assert!(worst > 0.0);
}

/// 5-word shingles of a text with digits and punctuation removed.
fn shingles(text: &str) -> HashSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(5).map(|w| w.join(" ")).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let common = a.intersection(b).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

const CORPUS_RULES: [&str; 10] = [
    "kz-kdn/overdue-decision",
    "kz-kdn/decision-due-soon",
    "kz-kdn/session-gap",
    "kz-kdn/sessions-per-month",
    "kz-kdn/protocol-numbering",
    "kz-kdn/secretary-turnover",
    "kz-kdn/plan-missing-for-year",
    "kz-kdn/duplicate-plan",
    "kz-kdn/copied-decisions",
    "kz-kdn/planned-session-not-held",
];

struct ProtocolFacts {
    path: String,
    district: String,
    date: NaiveDate,
    number: u32,
    secretary: String,
    decisions: Vec<DecisionFacts>,
    /// What this protocol's control entries say of earlier decisions, as the tool reads them.
    references: Vec<hattama::corpus::citations::Reference>,
}

struct DecisionFacts {
    item: String,
    classes: Vec<String>,
    due: Option<NaiveDate>,
    /// Letters only.
    text: String,
    /// Marked executed beside the decision itself.
    executed: bool,
}

struct PlanFacts {
    path: String,
    district: String,
    year: i32,
    date: NaiveDate,
    shingles: HashSet<String>,
}

struct Corpus {
    protocols: Vec<ProtocolFacts>,
    plans: Vec<PlanFacts>,
}

/// Reads the generated files the way the tool does and keeps what corpus rules need.
fn read_corpus(root: &Path, rulebook: &Rulebook) -> Corpus {
    let pack = &rulebook.pack;
    let field = |id: &str| {
        pack.fields
            .iter()
            .position(|f| f.id == id)
            .expect("field in pack")
    };
    let (number_f, secretary_f, year_f) = (field("number"), field("secretary"), field("plan_year"));
    let decision_type = pack
        .items
        .iter()
        .position(|t| t.id == "decision")
        .expect("decision items");
    let deadline_f = pack.items[decision_type]
        .fields
        .iter()
        .position(|f| f.id == "deadline")
        .expect("deadline field");
    let mut corpus = Corpus {
        protocols: Vec::new(),
        plans: Vec::new(),
    };
    for (rel, bytes) in files(root) {
        if rel == "ground-truth.json" {
            continue;
        }
        let source = hattama::read::from_bytes(&bytes).expect("decodable");
        let text = source.text.clone();
        let (document, extraction) = engine::analyse(Path::new(&rel), source, pack);
        let facts = hattama::corpus::facts::collect(&document, &extraction, pack, &rulebook.corpus);
        let district = rel.split('/').take(2).collect::<Vec<_>>().join("/");
        let text_of = |f: usize| {
            extraction.fields[f]
                .as_ref()
                .map(|e| e.value.display())
                .unwrap_or_default()
        };
        match extraction.kind_id(pack) {
            Some("protocol") => {
                let mut decisions = Vec::new();
                for (item, fact) in extraction
                    .items
                    .iter()
                    .zip(&facts.items)
                    .filter(|(i, _)| i.item_type == decision_type)
                {
                    let due = item.fields[deadline_f]
                        .as_ref()
                        .and_then(|e| match &e.value {
                            Value::Deadline(d) => d.due,
                            _ => None,
                        });
                    let body: String = document.lines[item.lines.clone()]
                        .iter()
                        .map(|l| l.text())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let normal: String = body
                        .chars()
                        .map(|c| if c.is_alphabetic() { c } else { ' ' })
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    decisions.push(DecisionFacts {
                        item: item.number.clone().unwrap_or_default(),
                        classes: item.classes.clone(),
                        due,
                        text: normal,
                        executed: fact.executed,
                    });
                }
                corpus.protocols.push(ProtocolFacts {
                    path: rel.clone(),
                    district,
                    date: extraction.date.expect("protocol date"),
                    number: text_of(number_f).parse().expect("protocol number"),
                    secretary: text_of(secretary_f),
                    decisions,
                    references: facts.references.clone(),
                });
            }
            Some("plan") => corpus.plans.push(PlanFacts {
                path: rel.clone(),
                district,
                year: text_of(year_f).parse().expect("plan year"),
                date: extraction.date.expect("plan date"),
                shingles: shingles(&text),
            }),
            _ => {}
        }
    }
    corpus
        .protocols
        .sort_by(|a, b| (&a.district, a.date).cmp(&(&b.district, b.date)));
    corpus
}

/// Every corpus-level defect in the corpus, as (rule, path), by the rules' definitions.
fn derive(c: &Corpus, as_of: NaiveDate) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let mut add = |rule: &str, path: &str| {
        out.insert((format!("kz-kdn/{rule}"), path.to_string()));
    };
    let acting = |classes: &[String]| {
        !classes
            .iter()
            .any(|c| c == "informational" || c == "control" || c == "disposition")
    };
    let mut by_district: BTreeMap<&str, Vec<&ProtocolFacts>> = BTreeMap::new();
    for p in &c.protocols {
        by_district.entry(p.district.as_str()).or_default().push(p);
    }
    for (district, protocols) in &by_district {
        // What later protocols say of each decision: a citation names the latest protocol with
        // its number before the citing one (and its date, when given); an item without a
        // sub-number stands for its whole question.
        let mut closed: HashSet<(usize, String)> = HashSet::new();
        let mut extended: HashMap<(usize, String), NaiveDate> = HashMap::new();
        for citing in protocols.iter() {
            for r in &citing.references {
                let target = protocols
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        p.date < citing.date
                            && i64::from(p.number) == r.protocol
                            && r.date.is_none_or(|d| d == p.date)
                    })
                    .max_by_key(|(_, p)| p.date)
                    .map(|(i, _)| i);
                let Some(target) = target else { continue };
                match r.said {
                    Said::Closed => {
                        closed.insert((target, r.item.clone()));
                    }
                    Said::Extended(to) => {
                        let at = extended.entry((target, r.item.clone())).or_insert(to);
                        *at = (*at).max(to);
                    }
                    Said::Open => {}
                }
            }
        }
        // Overdue and due soon.
        for (i, p) in protocols.iter().enumerate() {
            for DecisionFacts {
                item,
                classes,
                due,
                executed,
                ..
            } in &p.decisions
            {
                let Some(due) = due else { continue };
                if !acting(classes) || *executed {
                    continue;
                }
                let question = item.split('.').next().unwrap_or_default().to_string();
                let is_closed =
                    closed.contains(&(i, item.clone())) || closed.contains(&(i, question.clone()));
                let due = [item, &question]
                    .iter()
                    .filter_map(|n| extended.get(&(i, (*n).clone())))
                    .fold(*due, |a, b| a.max(*b));
                if is_closed {
                    continue;
                }
                let due = &due;
                if *due < as_of {
                    add("overdue-decision", &p.path);
                }
                if *due > as_of && *due <= as_of + Duration::days(14) {
                    add("decision-due-soon", &p.path);
                }
            }
        }
        // Gaps and months without a session.
        for pair in protocols.windows(2) {
            if (pair[1].date - pair[0].date).num_days() > 45 {
                add("session-gap", &pair[1].path);
            }
        }
        let years: BTreeSet<i32> = protocols.iter().map(|p| p.date.year()).collect();
        for y in &years {
            for m in 1..=12u32 {
                let end = if m == 12 {
                    date(*y, 12, 31)
                } else {
                    date(*y, m + 1, 1) - Duration::days(1)
                };
                if end < as_of
                    && !protocols
                        .iter()
                        .any(|p| p.date.year() == *y && p.date.month() == m)
                {
                    add("sessions-per-month", district);
                    if let Some(plan) = c
                        .plans
                        .iter()
                        .find(|pl| pl.district == *district && pl.year == *y)
                    {
                        add("planned-session-not-held", &plan.path);
                    }
                }
            }
            if !c
                .plans
                .iter()
                .any(|pl| pl.district == *district && pl.year == *y)
            {
                add("plan-missing-for-year", district);
            }
            // Numbering within the year.
            let in_year: Vec<&&ProtocolFacts> =
                protocols.iter().filter(|p| p.date.year() == *y).collect();
            // The record's first year may begin after № 1: earlier protocols are not missing.
            let first_year = years.first() == Some(y);
            if !first_year && in_year.first().is_some_and(|p| p.number != 1) {
                add("protocol-numbering", &in_year[0].path);
            }
            for pair in in_year.windows(2) {
                if pair[1].number != pair[0].number + 1 {
                    add("protocol-numbering", &pair[1].path);
                }
            }
        }
        // Three or more secretaries within twelve months.
        for (i, p) in protocols.iter().enumerate() {
            let window: HashSet<&str> = protocols[i..]
                .iter()
                .take_while(|q| q.date < p.date + Duration::days(365))
                .map(|q| q.secretary.as_str())
                .collect();
            if window.len() >= 3 {
                add("secretary-turnover", district);
            }
        }
        // The same acting decision in three or more protocols.
        let mut texts: HashMap<&str, Vec<&str>> = HashMap::new();
        for p in protocols {
            let mut seen = HashSet::new();
            for DecisionFacts { classes, text, .. } in &p.decisions {
                if acting(classes) && seen.insert(text.as_str()) {
                    texts
                        .entry(text.as_str())
                        .or_default()
                        .push(p.path.as_str());
                }
            }
        }
        for paths in texts.values() {
            if paths.len() >= 3 {
                add("copied-decisions", paths[0]);
            }
        }
    }
    // Near-duplicate plans: the later one of a pair is the copy.
    for (i, a) in c.plans.iter().enumerate() {
        for b in &c.plans[i + 1..] {
            if jaccard(&a.shingles, &b.shingles) >= 0.6 {
                let later = if (b.date, &b.path) > (a.date, &a.path) {
                    b
                } else {
                    a
                };
                add("duplicate-plan", &later.path);
            }
        }
    }
    out
}

/// The tool reads every vague phrase the generator plants as vague, and every recurrence it
/// writes as a legitimate deadline: a phrasing the reader does not know stays out of the
/// wording until it does.
#[test]
fn deadline_phrases_read_as_their_kind() {
    use hattama::extract::DeadlineKind;
    let w = wording::get().expect("built-in wording");
    let pack = hattama::rulebook::Rulebook::builtin().expect("built-in pack");
    let decision_type = pack
        .items
        .iter()
        .position(|t| t.id == "decision")
        .expect("decision items");
    let deadline_f = pack.items[decision_type]
        .fields
        .iter()
        .position(|f| f.id == "deadline")
        .expect("deadline field");
    let kind_of = |kk: bool, phrase: &str| {
        let (label, decision) = if kk {
            (
                "Мерзімі:",
                "Аудандық білім бөліміне (Сагындыкова Д.Б.) семинар өткізу тапсырылсын.",
            )
        } else {
            (
                "Срок:",
                "Отделу образования района (Сагындыкова Д.Б.) провести семинар.",
            )
        };
        let text = format!(
            "ПРОТОКОЛ № 1\n\n12.03.2026\n\nПовестка дня:\n1. О профилактике.\n\n\
             1. СЛУШАЛИ:\nСагындыкову Д.Б.\n\nПОСТАНОВИЛИ:\n1.1. {decision}\n{label} {phrase}.\n"
        );
        let source = hattama::read::from_bytes(text.as_bytes()).expect("decodable");
        let (_, extraction) = engine::analyse(Path::new("p.txt"), source, &pack);
        extraction
            .items
            .iter()
            .find(|i| i.item_type == decision_type)
            .and_then(|i| i.fields[deadline_f].as_ref())
            .and_then(|f| match &f.value {
                Value::Deadline(d) => Some(d.kind),
                _ => None,
            })
    };
    let p = &w.protocols;
    // A planted phrase is drawn by index from both lists alike.
    assert_eq!(p.vague.ru.len(), p.vague.kk.len());
    for (kk, phrases, kind) in [
        (false, &p.vague.ru, DeadlineKind::Vague),
        (true, &p.vague.kk, DeadlineKind::Vague),
        (false, &p.recurring.ru, DeadlineKind::Recurring),
        (true, &p.recurring.kk, DeadlineKind::Recurring),
    ] {
        for phrase in phrases {
            assert_eq!(kind_of(kk, phrase), Some(kind), "{phrase}");
        }
    }
}
