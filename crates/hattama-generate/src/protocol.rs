//! Session protocols: the model of one session (questions, decisions with their deadlines, the
//! control entries on earlier decisions) and its rendering in Russian, Kazakh or both, as
//! Markdown or text, in one of several header layouts. All wording comes from
//! `wording/protocol.yaml`, `topics.yaml` and `bodies.yaml`.

use super::bodies::Body;
use super::calendar::*;
use super::commission::Roster;
use super::control;
use super::rng::Dice;
use super::schedule::Slot;
use super::text::{Format, Out};
use super::topics;
use super::wording::{self, Labels, Wording, fill};
use super::world::{District, Person};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ru,
    Kk,
    Mixed,
}

impl Lang {
    /// Kazakh body text (Mixed protocols have bilingual headings and a Russian body).
    pub fn kk(self) -> bool {
        self == Lang::Kk
    }

    pub fn labels(self, w: &Wording) -> &Labels {
        match self {
            Lang::Ru => &w.protocols.languages.ru,
            Lang::Kk => &w.protocols.languages.kk,
            Lang::Mixed => &w.protocols.languages.mixed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Info,
    Action,
    Minor,
    Disposition,
    Approval,
}

/// How a date deadline is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// 30.04.2026
    Numeric,
    /// 30 апреля 2026 г. / 2026 жылғы 30 сәуірге
    Words,
    /// 30 апреля 2026 года / 30 сәуір 2026 ж.
    WordsLong,
    /// 2026-04-30
    Iso,
    /// The month (the due date is its last day).
    Month,
    /// Two months, the due date the last day of the second.
    Range,
    /// A quarter, the due date its last day.
    Quarter,
    /// A half-year ("до конца I полугодия 2026 года"), the due date its last day.
    HalfYear,
    /// "до конца 2026 года": the 31st of December.
    YearEnd,
}

impl Deadline {
    /// The date by which the decision is due, when it has one.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Deadline::Date { due, .. } | Deadline::Control { due, .. } => Some(*due),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Deadline {
    None,
    Date {
        due: NaiveDate,
        form: Form,
    },
    /// A minor's case: the control date is the deadline.
    Control {
        due: NaiveDate,
        numeric: bool,
    },
    Recurring(usize),
    /// Planted: an action with no deadline at all.
    Missing,
    /// Planted: a deadline that fixes no date.
    Vague(usize),
}

#[derive(Clone, Debug)]
pub struct Decision {
    pub class: Class,
    pub lines: Vec<String>,
    pub deadline: Deadline,
    /// Always the first deadline label, on its own line: a planted copy must read the same in
    /// every protocol.
    pub fixed_layout: bool,
    /// Marked executed beside the decision itself, later: the report's date and number.
    pub executed: Option<(NaiveDate, u32)>,
    /// Who is responsible, for the column of a decisions table.
    pub responsible: Option<Responsible>,
}

/// A decision's responsible body as a decisions table names it, and which of the decision's
/// lines is an "Ответственные: …" line (the table moves it to its own column).
#[derive(Clone, Debug)]
pub struct Responsible {
    pub name: String,
    pub line: Option<usize>,
}

impl Decision {
    fn new(class: Class, lines: Vec<String>) -> Decision {
        Decision {
            class,
            lines,
            deadline: Deadline::None,
            fixed_layout: false,
            executed: None,
            responsible: None,
        }
    }

    fn with_responsible(mut self, responsible: Responsible) -> Decision {
        self.responsible = Some(responsible);
        self
    }
}

#[derive(Clone, Debug)]
pub struct Question {
    pub agenda: String,
    pub reporter: String,
    pub heard: String,
    pub bullets: Vec<String>,
    pub after_bullets: Option<String>,
    pub speakers: Vec<String>,
    pub decisions: Vec<Decision>,
    pub unanimous: bool,
    /// The question on execution of earlier decisions: the control entries are listed in it.
    pub closes: bool,
}

/// How a protocol's header and ending are laid out.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// Titled as an excerpt: "ВЫПИСКА ИЗ ПРОТОКОЛА № 5", "№ 5 ХАТТАМАДАН ҮЗІНДІ".
    pub excerpt: bool,
    /// Date, time and place in a table under the title.
    pub date_table: bool,
    /// The chair's and secretary's labels on a line of their own, the name on the next.
    pub label_lines: bool,
    /// Which chair label ("Председательствующий:", "Отырыс төрағасы:", …).
    pub chair_label: usize,
    /// Which way the attendance is counted ("5 членов комиссии из 12", …).
    pub count: usize,
    /// Signatures in a two-column table.
    pub signature_table: bool,
    /// The members present listed in a table under the total, with no count of them.
    pub attendance_table: bool,
    /// Markdown as pandoc writes it, with "--" for the en dash.
    pub dashes: bool,
    /// How decisions are laid out.
    pub decisions: Decisions,
    /// The control of earlier decisions lettered "а)", "б)" (with line layout).
    pub lettered: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decisions {
    /// "1.1. …" paragraphs, the deadline on its own line or the same one.
    #[default]
    Lines,
    /// A table: № | Решение | Ответственный | Срок.
    Table,
    /// A question typed in one paragraph: "1. СЛУШАЛИ: … РЕШИЛИ: 1.1) …; 1.2) …".
    Inline,
}

impl Layout {
    /// `plain`: decisions in lines only (a protocol with a planted copied decision, which must
    /// read the same everywhere).
    pub fn draw(dice: &mut Dice, format: Format, plain: bool) -> Layout {
        let decisions = match dice.weighted(&[84, 8, 8]) {
            _ if plain => Decisions::Lines,
            0 => Decisions::Lines,
            1 => Decisions::Table,
            _ => Decisions::Inline,
        };
        Layout {
            decisions,
            lettered: dice.chance(30),
            excerpt: dice.chance(10),
            date_table: dice.chance(20),
            label_lines: dice.chance(25),
            chair_label: dice.below(6),
            count: dice.below(6),
            signature_table: dice.chance(20),
            attendance_table: dice.chance(15),
            dashes: format == Format::Md && dice.chance(30),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Session {
    pub slot: Slot,
    pub lang: Lang,
    pub format: Format,
    pub crlf: bool,
    pub bom: bool,
    pub questions: Vec<Question>,
    /// The control entries, listed in the question that `closes`.
    pub controls: Vec<control::Entry>,
    pub cite: control::Style,
    pub layout: Layout,
    pub present: usize,
    pub total: usize,
    pub quorum_fail: bool,
    /// "Кворум имеется" is written all the same (the counts say otherwise).
    pub quorum_claimed: bool,
    pub drop_secretary_signature: bool,
    pub chair: Person,
    pub secretary: Person,
    pub deadline_same_line: bool,
    pub compact_attendance: bool,
    pub nbsp: bool,
    pub variant: usize,
    /// The members present besides the chair: name and position.
    pub attendance: Vec<(String, String)>,
    pub invited: Vec<String>,
    pub time: &'static str,
}

/// Builds the decisions of one district, keeping every action's wording unique in the district.
pub struct Writer<'a> {
    pub w: &'static Wording,
    pub district: &'a District,
    pub roster: &'a Roster,
    pub used: HashSet<String>,
    pub recent_topics: Vec<usize>,
}

/// Letters only, lower case: what is left of a decision when numbers and punctuation are
/// ignored. Two decisions with the same key are copies for the copied-decisions rule.
pub fn key(lines: &[String]) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in lines.join(" ").chars().flat_map(char::to_lowercase) {
        if c.is_alphabetic() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The bodies a decision may name as a second party.
const PARTNERS: [Body; 5] = [
    Body::Edu,
    Body::Police,
    Body::Social,
    Body::Health,
    Body::Culture,
];

impl<'a> Writer<'a> {
    pub fn new(w: &'static Wording, district: &'a District, roster: &'a Roster) -> Writer<'a> {
        Writer {
            w,
            district,
            roster,
            used: HashSet::new(),
            recent_topics: Vec::new(),
        }
    }

    fn head_of(&self, body: Body) -> &Person {
        self.roster
            .head(body)
            .or_else(|| self.roster.head(Body::Edu))
            .unwrap_or(&self.roster.ngo)
    }

    /// A body's name in one of its forms, with the district filled in.
    /// What may stand before a decision's action in 40% of decisions: a stock phrase (spaced
    /// as the language needs), or "together with" another body in the instrumental case (its
    /// template carries its own spaces). Empty otherwise.
    fn before_phrase(
        &self,
        dice: &mut Dice,
        body: Body,
        (phrases, spaced): (&[String], impl Fn(&str) -> String),
        (together, instrumental): (&str, impl Fn(&wording::BodyForms) -> &String),
    ) -> String {
        if !dice.chance(40) {
            return String::new();
        }
        let pick = dice.below(phrases.len() + 1);
        if let Some(phrase) = phrases.get(pick) {
            return spaced(phrase);
        }
        let other = *dice.pick(&PARTNERS);
        if other == body {
            String::new()
        } else {
            fill(together, &[("body", &self.form(other, instrumental))])
        }
    }

    fn form(&self, body: Body, pick: impl Fn(&wording::BodyForms) -> &String) -> String {
        wording::district(pick(self.w.body(body)), self.district)
    }

    /// Picks the thematic topics of a session, suited to its month and not raised recently.
    pub fn topics(&mut self, dice: &mut Dice, month: u32, count: usize) -> Vec<usize> {
        let all = &self.w.topics.topics;
        let mut chosen = Vec::new();
        for _ in 0..count {
            let weights: Vec<u32> = all
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    if chosen.contains(&i) || self.recent_topics.contains(&i) {
                        0
                    } else if t.months.is_empty() {
                        3
                    } else if t.months.contains(&month) {
                        12
                    } else {
                        0
                    }
                })
                .collect();
            let i = if weights.iter().all(|w| *w == 0) {
                dice.below(all.len())
            } else {
                dice.weighted(&weights)
            };
            chosen.push(i);
        }
        self.recent_topics.extend(chosen.iter().copied());
        let keep = self.recent_topics.len().saturating_sub(8);
        self.recent_topics.drain(..keep);
        chosen
    }

    /// One action decision of a topic, worded uniquely in this district.
    pub fn action(
        &mut self,
        dice: &mut Dice,
        topic: usize,
        lang: Lang,
        avoid: &[usize],
    ) -> (usize, Decision) {
        let t = &self.w.topics.topics[topic];
        let mut last = None;
        for attempt in 0..40 {
            let free: Vec<usize> = (0..t.actions.len())
                .filter(|i| !avoid.contains(i))
                .collect();
            let a = if free.is_empty() {
                dice.below(t.actions.len())
            } else {
                *dice.pick(&free)
            };
            let action = &t.actions[a];
            let body = *dice.pick(&action.bodies);
            let wording = dice.below(action.ru.len());
            let (lines, responsible) = if lang.kk() {
                self.kk_action(dice, body, &action.kk[wording])
            } else {
                self.ru_action(dice, body, &action.ru[wording], attempt >= 30)
            };
            let k = key(&lines);
            let decision = Decision::new(Class::Action, lines).with_responsible(responsible);
            if !self.used.contains(&k) {
                self.used.insert(k);
                return (a, decision);
            }
            last = Some((a, decision));
        }
        // The pool is exhausted for this topic (very long corpora): accept a repeat; two copies
        // of a text are below the copied-decisions threshold of three.
        last.unwrap_or_else(|| (0, Decision::new(Class::Action, vec![String::new()])))
    }

    fn ru_action(
        &self,
        dice: &mut Dice,
        body: Body,
        action: &str,
        with_school: bool,
    ) -> (Vec<String>, Responsible) {
        let p = &self.w.protocols;
        let mut text = action.to_string();
        if with_school {
            let school = dice.pick(&self.roster.schools_ru).clone();
            text.push_str(&fill(&p.starting_with, &[("school", &school)]));
        } else if dice.chance(45) {
            text.push_str(dice.pick_string(&self.w.topics.after.ru));
        }
        let listed = dice.chance(30) || !body.has_head() && dice.chance(50);
        if listed {
            let mut bodies = vec![self.form(body, |f| &f.ru_short)];
            if dice.chance(40) {
                let other = *dice.pick(&[
                    Body::Edu,
                    Body::Police,
                    Body::Social,
                    Body::Health,
                    Body::Youth,
                ]);
                if other != body {
                    bodies.push(self.form(other, |f| &f.ru_short));
                }
            }
            let label = dice.pick(&p.responsible.ru);
            let name = bodies.join(", ");
            let lines = vec![
                format!("{}.", capitalize(&text)),
                format!("{label} {name}."),
            ];
            (
                lines,
                Responsible {
                    name,
                    line: Some(1),
                },
            )
        } else {
            let head = if body.has_head() {
                format!(" ({})", self.head_of(body).short())
            } else {
                String::new()
            };
            let before = self.before_phrase(
                dice,
                body,
                (&self.w.topics.before.ru, |phrase| format!(" {phrase}")),
                (&p.together.ru, |f| &f.ru_instrumental),
            );
            let lines = vec![format!(
                "{}{head}{before} {text}.",
                self.form(body, |f| &f.ru_dative)
            )];
            let name = format!("{}{head}", self.form(body, |f| &f.ru_short));
            (lines, Responsible { name, line: None })
        }
    }

    fn kk_action(&self, dice: &mut Dice, body: Body, action: &str) -> (Vec<String>, Responsible) {
        let p = &self.w.protocols;
        let after = if dice.chance(35) {
            dice.pick(&self.w.topics.after.kk).clone()
        } else {
            String::new()
        };
        let before = self.before_phrase(
            dice,
            body,
            (&self.w.topics.before.kk, |phrase| format!("{phrase} ")),
            (&p.together.kk, |f| &f.kk_instrumental),
        );
        let passive = topics::kk_passive(self.w, action).unwrap_or_else(|| action.to_string());
        let dative = self.form(body, |f| &f.kk_dative);
        match dice.below(3) {
            0 | 1 if !dative.is_empty() => {
                let head = self.head_of(body).short();
                let verb = dice.pick(&p.assign);
                let lines = vec![format!("{dative} ({head}) {before}{action} {verb}.{after}")];
                let name = format!("{} ({head})", self.form(body, |f| &f.kk_nominative));
                (lines, Responsible { name, line: None })
            }
            form => {
                let mut bodies = vec![self.form(body, |f| &f.kk_nominative)];
                if dice.chance(40) {
                    let other = *dice.pick(&[Body::Edu, Body::Police, Body::Social, Body::Health]);
                    if other != body {
                        bodies.push(self.form(other, |f| &f.kk_nominative));
                    }
                }
                let label = if bodies.len() > 1 {
                    &p.responsible.kk_many
                } else {
                    &p.responsible.kk_one
                };
                let name = bodies.join(", ");
                let responsible = format!("{label} {name}.");
                let sentence = if before.is_empty() {
                    format!("{}.{after}", capitalize(&passive))
                } else {
                    format!("{}{passive}.{after}", capitalize(&before))
                };
                let (lines, line) = if form == 2 {
                    (vec![responsible, sentence], 0)
                } else {
                    (vec![sentence, responsible], 1)
                };
                (
                    lines,
                    Responsible {
                        name,
                        line: Some(line),
                    },
                )
            }
        }
    }

    /// An informational decision ("… принять к сведению.").
    pub fn info(&self, dice: &mut Dice, lang: Lang, reporter_body: Option<Body>) -> Decision {
        let i = &self.w.protocols.info;
        let text = if lang.kk() {
            dice.pick(&i.kk).clone()
        } else {
            match (reporter_body, dice.below(3)) {
                (Some(b), 0) => fill(&i.ru_role, &[("role", &self.w.body(b).ru_genitive_role)]),
                (_, n) => i.ru[n.min(i.ru.len()) % i.ru.len()].clone(),
            }
        };
        Decision::new(Class::Info, vec![text])
    }

    /// A thematic question with its decisions (deadlines are set later).
    pub fn thematic(&mut self, dice: &mut Dice, topic: usize, lang: Lang, year: i32) -> Question {
        let w = self.w;
        let t = &w.topics.topics[topic];
        let reporter = self.head_of(t.reporter).clone();
        let kk = lang.kk();
        let agenda_template = dice.pick_string(t.agenda.get(kk));
        let agenda = topics::fill(agenda_template, dice, year);
        let heard_template = dice.pick_string(t.heard.get(kk));
        let heard_text = topics::fill(heard_template, dice, year);
        let h = &w.protocols.heard;
        let heard = if kk {
            fill(&h.kk, &[("who", &reporter.short()), ("text", &heard_text)])
        } else {
            let verb = dice.pick(&h.ru_verbs).clone();
            fill(
                &h.ru,
                &[
                    ("who", &reporter.accusative()),
                    ("which", reporter.which()),
                    ("verb", &verb),
                    ("past", reporter.past()),
                    ("text", &heard_text),
                ],
            )
        };
        let mut decisions = Vec::new();
        if dice.chance(85) {
            decisions.push(self.info(dice, lang, Some(t.reporter)));
        }
        let n = [1, 2, 3][dice.weighted(&[3, 4, 2])];
        let mut taken = Vec::new();
        for _ in 0..n {
            let (a, decision) = self.action(dice, topic, lang, &taken);
            taken.push(a);
            decisions.push(decision);
        }
        let speakers = if dice.chance(35) {
            self.speakers(dice, lang)
        } else {
            Vec::new()
        };
        Question {
            agenda,
            reporter: self.reporter_line(&reporter, t.reporter, lang),
            heard,
            bullets: Vec::new(),
            after_bullets: None,
            speakers,
            decisions,
            unanimous: dice.chance(30),
            closes: false,
        }
    }

    fn reporter_line(&self, person: &Person, body: Body, lang: Lang) -> String {
        let position = if lang.kk() {
            self.form(body, |f| &f.kk_position)
        } else {
            self.form(body, |f| &f.ru_position)
        };
        format!("{}, {position}.", person.short())
    }

    fn speakers(&self, dice: &mut Dice, lang: Lang) -> Vec<String> {
        let remarks = self.w.protocols.speakers.get(lang.kk());
        let people = [
            self.head_of(Body::Health).clone(),
            self.roster.ngo.clone(),
            self.roster.expert.clone(),
            self.roster.council.clone(),
            self.head_of(Body::Youth).clone(),
        ];
        let n = dice.range(1, 2) as usize;
        let said = dice.sample(remarks.len(), n);
        dice.sample(people.len(), n)
            .into_iter()
            .zip(said)
            .map(|(i, r)| {
                let end = if lang.kk() { "" } else { ";" };
                format!("{} – {}{end}", people[i].short(), remarks[r])
            })
            .collect()
    }

    /// The question on minors' cases: 1–3 minors, each with accompaniment and a control date,
    /// sometimes a disposition for the parent. `iin` plants a valid ИИН for the first minor.
    pub fn minors(
        &mut self,
        dice: &mut Dice,
        lang: Lang,
        date: NaiveDate,
        iin: bool,
    ) -> (Question, Option<String>) {
        let w = self.w;
        let m = &w.protocols.minors;
        let kk = lang.kk();
        let reporter = self.head_of(Body::Juvenile).clone();
        let letters: Vec<char> = m.initials.chars().collect();
        let n = [1, 2, 3][dice.weighted(&[4, 3, 1])];
        let mut bullets = Vec::new();
        let mut decisions = Vec::new();
        let mut seen_initials = HashSet::new();
        let mut planted = None;
        for i in 0..n {
            let mut initials = String::new();
            for _ in 0..20 {
                initials = format!("{}.{}.", dice.pick(&letters), dice.pick(&letters));
                if seen_initials.insert(initials.clone()) {
                    break;
                }
            }
            let age = dice.range(12, 17) as i32;
            let born = (date.year() - age).to_string();
            let female = dice.chance(40);
            let grade = (age - 6).clamp(5, 11).to_string();
            let case = dice.pick(&m.cases);
            let school_index = dice.below(self.roster.schools_ru.len());
            let id = if iin && i == 0 {
                let birth = ymd(
                    date.year() - age,
                    dice.range(1, 12) as u32,
                    dice.range(1, 28) as u32,
                );
                let number = super::defects::iin(dice, birth, female);
                planted = Some(number.clone());
                fill(m.id.get(kk), &[("number", &number)])
            } else {
                String::new()
            };
            let (parent, present) = dice.pick(m.parents.get(kk)).clone();
            let (template, school) = if kk {
                (&case.kk, &self.roster.schools_kk[school_index])
            } else if female {
                (&case.ru_f, &self.roster.schools_ru[school_index])
            } else {
                (&case.ru_m, &self.roster.schools_ru[school_index])
            };
            let what = fill(template, &[("g", &grade), ("school", school)]);
            bullets.push(fill(
                m.bullet.get(kk),
                &[
                    ("initials", &initials),
                    ("born", &born),
                    ("id", &id),
                    ("case", &what),
                    ("parent", &parent),
                    ("present", &present),
                ],
            ));
            let minor = fill(m.name.get(kk), &[("initials", &initials), ("born", &born)]);
            if dice.chance(30) {
                let dispositions = if kk {
                    &m.dispositions_kk
                } else {
                    &m.dispositions_ru
                };
                let text = fill(dice.pick_string(dispositions), &[("minor", &minor)]);
                decisions.push(Decision::new(Class::Disposition, vec![text]));
            }
            decisions.push(self.accompaniment(dice, lang, &minor, school_index));
        }
        let heard = fill(
            m.heard.get(kk),
            &[
                (
                    "who",
                    &if kk {
                        reporter.short()
                    } else {
                        reporter.accusative()
                    },
                ),
                ("which", reporter.which()),
                ("past", reporter.past()),
            ],
        );
        let question = Question {
            agenda: dice.pick(m.agenda.get(kk)).clone(),
            reporter: self.reporter_line(&reporter, Body::Juvenile, lang),
            heard,
            bullets,
            after_bullets: Some(m.after.get(kk).clone()),
            speakers: Vec::new(),
            decisions,
            unanimous: dice.chance(30),
            closes: false,
        };
        (question, planted)
    }

    fn accompaniment(
        &mut self,
        dice: &mut Dice,
        lang: Lang,
        minor: &str,
        school: usize,
    ) -> Decision {
        let m = &self.w.protocols.minors;
        let roster = self.roster;
        let kk = lang.kk();
        let mut lines = Vec::new();
        for _ in 0..20 {
            let psy = dice.pick(&roster.staff).short();
            let mentor = dice.pick(&roster.staff).short();
            let juvhead = self.head_of(Body::Juvenile).short();
            let subject = dice.pick(&m.subjects).clone();
            let template = dice.pick(if kk {
                &m.accompaniment_kk
            } else {
                &m.accompaniment_ru
            });
            let nominative = |b: Body| {
                if kk {
                    self.form(b, |f| &f.kk_nominative)
                } else {
                    self.form(b, |f| &f.ru_short)
                }
            };
            let school_name = if kk {
                &roster.schools_kk[school]
            } else {
                &roster.schools_ru[school]
            };
            let text = fill(
                template,
                &[
                    ("minor", minor),
                    ("psy", &psy),
                    ("mentor", &mentor),
                    ("subject", &subject),
                    ("juvhead", &juvhead),
                    ("edu", &nominative(Body::Edu)),
                    ("juv", &nominative(Body::Juvenile)),
                    ("culture", &nominative(Body::Culture)),
                    ("social", &nominative(Body::Social)),
                    ("youth", &nominative(Body::Youth)),
                    ("school", school_name),
                ],
            );
            lines = text.split('|').map(str::to_string).collect::<Vec<_>>();
            if self.used.insert(key(&lines)) {
                break;
            }
        }
        // The second line names the responsible after its label.
        let name = lines
            .get(1)
            .and_then(|l| l.split_once(':'))
            .map(|(_, name)| name.trim().trim_end_matches('.').to_string());
        let decision = Decision::new(Class::Minor, lines);
        match name {
            Some(name) => decision.with_responsible(Responsible {
                name,
                line: Some(1),
            }),
            None => decision,
        }
    }

    /// The question on execution of earlier decisions; its closures are listed when rendered.
    pub fn follow_up(&self, dice: &mut Dice, lang: Lang, secretary: &Person) -> Question {
        let f = &self.w.protocols.follow_up;
        let kk = lang.kk();
        let mut decisions = Vec::new();
        if dice.chance(45) {
            decisions.push(Decision::new(Class::Info, vec![f.info.get(kk).clone()]));
        }
        let who = if kk {
            secretary.short()
        } else {
            secretary.accusative()
        };
        Question {
            agenda: dice.pick(f.agenda.get(kk)).clone(),
            reporter: format!(
                "{}, {}.",
                secretary.short(),
                lang.labels(self.w).secretary_position
            ),
            heard: fill(f.heard.get(kk), &[("who", &who)]),
            bullets: Vec::new(),
            after_bullets: None,
            speakers: Vec::new(),
            decisions,
            unanimous: true,
            closes: true,
        }
    }

    /// The December question approving next year's plan.
    pub fn plan_approval(
        &self,
        dice: &mut Dice,
        lang: Lang,
        secretary: &Person,
        next: i32,
    ) -> Question {
        let a = &self.w.protocols.approval;
        let kk = lang.kk();
        let next = next.to_string();
        let who = if kk {
            secretary.short()
        } else {
            secretary.accusative()
        };
        let values = [
            ("who", who.as_str()),
            ("which", secretary.which()),
            ("past", secretary.past()),
            ("next", next.as_str()),
        ];
        let decision = dice.pick(a.decision.get(kk)).clone();
        self.approval(
            lang,
            secretary,
            fill(a.agenda.get(kk), &values),
            fill(a.heard.get(kk), &values),
            decision,
        )
    }

    /// A question the secretary reports and the commission answers with one approval.
    fn approval(
        &self,
        lang: Lang,
        secretary: &Person,
        agenda: String,
        heard: String,
        decision: String,
    ) -> Question {
        Question {
            agenda,
            reporter: format!(
                "{}, {}.",
                secretary.short(),
                lang.labels(self.w).secretary_position
            ),
            heard,
            bullets: Vec::new(),
            after_bullets: None,
            speakers: Vec::new(),
            decisions: vec![Decision::new(Class::Approval, vec![decision])],
            unanimous: true,
            closes: false,
        }
    }
}

impl Writer<'_> {
    /// A question approving the commission's new composition.
    pub fn composition_approval(
        &self,
        dice: &mut Dice,
        lang: Lang,
        secretary: &Person,
    ) -> Question {
        let c = &self.w.protocols.composition;
        let kk = lang.kk();
        let who = if kk {
            secretary.short()
        } else {
            secretary.accusative()
        };
        let values = [
            ("who", who.as_str()),
            ("which", secretary.which()),
            ("past", secretary.past()),
        ];
        // Drawn in the order the question was written before: agenda, then decision.
        let agenda = dice.pick(c.agenda.get(kk)).clone();
        let decision = dice.pick(c.decision.get(kk)).clone();
        self.approval(
            lang,
            secretary,
            agenda,
            fill(c.heard.get(kk), &values),
            decision,
        )
    }
}

/// Chooses how a date deadline is written; periods only where the due date allows them.
pub fn pick_form(dice: &mut Dice, due: NaiveDate, session: NaiveDate, lang: Lang) -> Form {
    let month_end = due == last_of_month(due.year(), due.month());
    if month_end && dice.chance(70) {
        let quarter_end = due == end_of_quarter(due.year(), quarter_of(due));
        let half_end = quarter_end && due.month().is_multiple_of(6);
        let previous_month_after_session = month_index(due) - 1 > month_index(session);
        return match dice.below(5) {
            0 if quarter_end => Form::Quarter,
            1 if previous_month_after_session => Form::Range,
            2 | 3 if half_end => Form::HalfYear,
            4 if due.month() == 12 => Form::YearEnd,
            _ => Form::Month,
        };
    }
    match dice.weighted(&[50, 25, 20, if lang.kk() { 0 } else { 5 }]) {
        0 => Form::Numeric,
        1 => Form::Words,
        2 => Form::WordsLong,
        _ => Form::Iso,
    }
}

/// The text of a date deadline: calendar phrasing, like the dates in `calendar`.
fn deadline_value(due: NaiveDate, form: Form, kk: bool, variant: usize) -> String {
    let y = due.year();
    let m = due.month();
    let half = if m <= 6 { 0 } else { 1 };
    if kk {
        match form {
            Form::Numeric => format!("{} дейін", dmy(due)),
            Form::Words => kk_until(due),
            Form::WordsLong => format!("{} дейін", kk_short(due)),
            Form::Iso => format!("{} дейін", iso(due)),
            Form::Month => format!("{y} жылғы {}", kk_month(m)),
            Form::Range => format!("{}–{} {y} ж.", kk_month(m - 1), kk_month(m)),
            Form::Quarter => format!("{y} жылдың {} тоқсаны", kk_quarter(quarter_of(due))),
            Form::HalfYear => {
                let h = ["І", "ІІ"][half];
                match variant % 2 {
                    0 => format!("{y} жылғы {h} жартыжылдық"),
                    _ => format!("{y} жылғы {h} жартыжылдықтың соңына дейін"),
                }
            }
            Form::YearEnd => format!("{y} жылдың соңына дейін"),
        }
    } else {
        match form {
            Form::Numeric => format!("до {}", dmy(due)),
            Form::Words => format!("до {} г.", ru_words(due)),
            Form::WordsLong => format!("до {} года", ru_words(due)),
            Form::Iso => format!("до {}", iso(due)),
            Form::Month => format!("{} {y} года", ru_month(m)),
            Form::Range => format!("{}–{} {y} года", ru_month(m - 1), ru_month(m)),
            Form::Quarter => format!("{} квартал {y} года", ru_quarter(quarter_of(due))),
            Form::HalfYear => {
                let h = ["I", "II"][half];
                match variant % 3 {
                    0 => format!("до конца {h} полугодия {y} года"),
                    1 => format!("{h} полугодие {y} года"),
                    _ => format!("в течение {h} полугодия {y} года"),
                }
            }
            Form::YearEnd => format!("до конца {y} года"),
        }
    }
}

/// The deadline sentence of a decision, or `None` when it has none.
fn deadline_text(w: &Wording, deadline: &Deadline, lang: Lang, variant: usize) -> Option<String> {
    let p = &w.protocols;
    let kk = lang.kk();
    let labels = &lang.labels(w).deadline;
    let label = &labels[variant % labels.len()];
    match deadline {
        Deadline::None | Deadline::Missing => None,
        Deadline::Date { due, form } => Some(with_period(&format!(
            "{label} {}",
            deadline_value(*due, *form, kk, variant)
        ))),
        Deadline::Control { due, numeric } => {
            // Numeric and in words in turn; the variant picks the pair.
            let templates = p.control.get(kk);
            let pick = usize::from(!*numeric) + 2 * (variant / 3 % 2);
            let template = &templates[pick % templates.len()];
            Some(fill(
                template,
                &[
                    ("dmy", &dmy(*due)),
                    ("words", &ru_words(*due)),
                    ("kk_words", &kk_words(*due)),
                    ("kk_until", &kk_until(*due)),
                ],
            ))
        }
        Deadline::Recurring(i) => {
            let phrases = p.recurring.get(kk);
            Some(format!("{label} {}.", phrases[i % phrases.len()]))
        }
        Deadline::Vague(i) => {
            let phrases = p.vague.get(kk);
            Some(format!("{label} {}.", phrases[i % phrases.len()]))
        }
    }
}

/// One entry of a question's decisions as written: its lines (with the deadline and any mark
/// of execution), and for a decisions table its text without the responsible line, the
/// responsible and the deadline.
struct Written {
    lines: Vec<String>,
    text: Vec<String>,
    responsible: String,
    deadline: String,
}

/// The decisions of a question, then, in the question that holds them, the control entries.
fn written(w: &Wording, s: &Session, q: &Question, sessions: &[Session]) -> Vec<Written> {
    let kk = s.lang.kk();
    let mut entries = Vec::new();
    for (i, decision) in q.decisions.iter().enumerate() {
        let k = i + 1;
        let mut lines = decision.lines.clone();
        let label_variant = if decision.fixed_layout {
            0
        } else {
            s.variant + k
        };
        let text: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(j, _)| decision.responsible.as_ref().and_then(|r| r.line) != Some(*j))
            .map(|(_, line)| line.clone())
            .collect();
        if let Some(deadline) = deadline_text(w, &decision.deadline, s.lang, label_variant) {
            let same_line = s.deadline_same_line
                && !decision.fixed_layout
                && lines.len() == 1
                && !matches!(decision.deadline, Deadline::Control { .. });
            match lines.last_mut() {
                Some(last) if same_line => {
                    last.push(' ');
                    last.push_str(&deadline);
                }
                _ => lines.push(deadline),
            }
        }
        if let Some((when, number)) = decision.executed {
            lines.push(executed_text(w, kk, s.variant + k, when, number));
        }
        entries.push(Written {
            lines,
            text,
            responsible: decision
                .responsible
                .as_ref()
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            deadline: deadline_cell(w, &decision.deadline, kk, label_variant),
        });
    }
    if q.closes {
        let kk_form = kk || (s.lang == Lang::Mixed && s.variant % 2 == 1);
        for entry in &s.controls {
            let text = control::text(w, entry, kk_form, &s.cite, |i| {
                (sessions[i].slot.number, sessions[i].slot.date)
            });
            entries.push(Written {
                lines: vec![text.clone()],
                text: vec![text],
                responsible: String::new(),
                deadline: String::new(),
            });
        }
    }
    entries
}

/// A deadline as a decisions table's column holds it: the value alone.
fn deadline_cell(w: &Wording, deadline: &Deadline, kk: bool, variant: usize) -> String {
    let p = &w.protocols;
    match deadline {
        Deadline::None | Deadline::Missing => String::new(),
        Deadline::Date { due, form } => deadline_value(*due, *form, kk, variant),
        Deadline::Control { due, .. } if kk => format!("{} дейін", dmy(*due)),
        Deadline::Control { due, .. } => format!("до {}", dmy(*due)),
        Deadline::Recurring(i) => {
            let phrases = p.recurring.get(kk);
            phrases[i % phrases.len()].clone()
        }
        Deadline::Vague(i) => {
            let phrases = p.vague.get(kk);
            phrases[i % phrases.len()].clone()
        }
    }
}

/// The mark of execution written beside a decision.
fn executed_text(w: &Wording, kk: bool, variant: usize, date: NaiveDate, number: u32) -> String {
    let templates = w.protocols.executed.get(kk);
    fill(
        &templates[variant % templates.len()],
        &[
            ("dmy", &dmy(date)),
            ("kk_of", &kk_of(date)),
            ("n", &number.to_string()),
        ],
    )
}

/// Kazakh ablative after a number: "11-ден", "9-дан", "10-нан".
fn kk_ablative(n: usize) -> &'static str {
    if n.is_multiple_of(10) {
        return if n == 10 || n == 30 {
            "нан"
        } else {
            "дан"
        };
    }
    match n % 10 {
        1 | 2 | 7 | 8 => "ден",
        3..=5 => "тен",
        _ => "дан",
    }
}

/// Kazakh possessive after a number: "7-сі", "8-і", "6-сы".
fn kk_possessive(n: usize) -> &'static str {
    if n.is_multiple_of(10) {
        return "ы";
    }
    match n % 10 {
        2 | 7 => "сі",
        6 => "сы",
        9 => "ы",
        _ => "і",
    }
}

/// A sentence without its final period, to go on with ";": an abbreviation keeps its own
/// ("… 2026 г.", "Омарова Г.К.").
fn without_period(text: &str) -> &str {
    let Some(body) = text.strip_suffix('.') else {
        return text;
    };
    let last_word = body.rsplit([' ', '(']).next().unwrap_or(body);
    let abbreviation = last_word == "г"
        || last_word.contains('.') && !last_word.ends_with(')') && last_word.chars().count() <= 5;
    if abbreviation { text } else { body }
}

/// Ends a sentence with one period, even after initials ("Омарова Г.К.").
fn with_period(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Renders a session's protocol. `sessions` gives the number and date of each closure's source.
pub fn render(w: &Wording, s: &Session, sessions: &[Session], d: &District) -> Vec<u8> {
    let l = s.lang.labels(w);
    let mut out = Out::new(s.format);
    let date = s.slot.date;
    let spaced = s.variant.is_multiple_of(2);
    let number = s.slot.number.to_string();
    let center = if s.lang == Lang::Ru {
        &d.center_ru
    } else {
        &d.center_kk
    };
    let values: Vec<(&str, String)> = vec![
        (
            "no",
            if s.nbsp {
                "№\u{a0}".into()
            } else {
                "№ ".into()
            },
        ),
        ("number", number),
        (
            "extra",
            if s.slot.extraordinary {
                l.extraordinary.clone()
            } else {
                String::new()
            },
        ),
        (
            "extra_kk",
            if s.slot.extraordinary {
                w.protocols.extraordinary_kk.clone()
            } else {
                String::new()
            },
        ),
        ("center", center.clone()),
        ("time", s.time.to_string()),
        ("dmy", dmy(date)),
        ("iso", iso(date)),
        ("words", ru_words(date)),
        ("quoted", ru_quoted(date)),
        ("kk_words", kk_words(date)),
        ("kk_short", kk_short(date)),
    ];
    let put = |template: &str| -> String {
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        wording::district(&fill(template, &pairs), d)
    };

    // Title, date and place.
    let layout = &s.layout;
    if let Some(header) = l.header.first()
        && s.variant.is_multiple_of(2)
    {
        out.para(&put(header), true);
    }
    let title_level = if s.lang == Lang::Mixed { 1 } else { 3 };
    let title = if layout.excerpt { &l.excerpt } else { &l.title };
    out.heading(&put(title), title_level, spaced && s.lang == Lang::Ru);
    out.heading(&put(&l.body[s.variant % l.body.len()]), 3, true);
    if layout.date_table {
        let row = vec![dmy(date), s.time.to_string(), put(&l.place_value)];
        out.table(&l.table, &[row]);
    } else {
        // The ISO form is rare in real protocols: only one variant in seven uses it.
        let dates = &l.dates;
        let mut when = s.variant % dates.len();
        if dates[when].contains("{iso}") && s.variant % 7 != 3 {
            when = (when + 1) % dates.len();
        }
        out.para(&put(&dates[when]), spaced || s.lang == Lang::Mixed);
        out.para(&put(&l.place), true);
    }

    // Chair, secretary, attendance, invited.
    let chair_label = &l.chair[layout.chair_label % l.chair.len()];
    let chair = format!("{} – {}", s.chair.short(), put(&l.chair_tail));
    let secretary = format!("{} – {}", s.secretary.short(), put(&l.secretary_tail));
    if layout.label_lines {
        out.label_over(chair_label, &chair);
        out.label_over(&l.secretary, &secretary);
    } else {
        out.labelled(chair_label, &chair, spaced);
        out.labelled(&l.secretary, &secretary, true);
    }
    attendance(&mut out, l, s, spaced, &put(&l.chair_tail));
    if !s.invited.is_empty() {
        out.heading(&l.invited, 3, false);
        for line in &s.invited {
            out.bullet(line);
        }
        out.end_list(true);
    }

    // Agenda.
    let heading_level = if s.lang == Lang::Mixed { 2 } else { 3 };
    out.heading(&l.agenda, heading_level, false);
    for (i, q) in s.questions.iter().enumerate() {
        out.numbered_with(i + 1, &q.agenda, &format!("{} {}", l.reporter, q.reporter));
    }
    out.end_list(true);

    // Questions.
    let decided = &l.decided[s.variant % l.decided.len()];
    for (qi, q) in s.questions.iter().enumerate() {
        let n = qi + 1;
        let entries = written(w, s, q, sessions);
        // A question whose decisions must stay citable by number writes them "2.1)" inline.
        let dated = q.decisions.iter().any(|d| d.deadline.due().is_some());
        let inline = layout.decisions == Decisions::Inline
            && !l.decided_inline.is_empty()
            && q.bullets.is_empty()
            && q.speakers.is_empty()
            && entries.len() >= 2;
        if inline {
            let items: Vec<String> = entries
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let number = if dated {
                        format!("{n}.{})", i + 1)
                    } else {
                        format!("{})", i + 1)
                    };
                    format!("{number} {}", without_period(&e.lines.join(" ")))
                })
                .collect();
            let heading = &l.decided_inline[s.variant % l.decided_inline.len()];
            out.para(
                &format!(
                    "{n}. {} {} {heading} {}.",
                    l.heard,
                    with_period(&q.heard),
                    items.join("; ")
                ),
                true,
            );
        } else {
            out.heading(&format!("{n}. {}", l.heard), heading_level, false);
            out.para(&q.heard, spaced);
            if !q.bullets.is_empty() {
                for b in &q.bullets {
                    out.bullet(b);
                }
                out.end_list(false);
                if let Some(after) = &q.after_bullets {
                    out.para(after, spaced);
                }
            }
            if !q.speakers.is_empty() {
                out.heading(&l.speakers, 3, false);
                if out.is_md() && q.speakers.len() > 1 {
                    out.lines(&q.speakers, true);
                } else {
                    for line in &q.speakers {
                        out.raw(line);
                    }
                    out.end_list(spaced);
                }
            }
            out.heading(decided, 3, false);
            if layout.decisions == Decisions::Table {
                let rows: Vec<Vec<String>> = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        vec![
                            format!("{n}.{}", i + 1),
                            e.text.join(" "),
                            e.responsible.clone(),
                            e.deadline.clone(),
                        ]
                    })
                    .collect();
                out.table(&l.decisions_table, &rows);
            } else if q.closes && layout.lettered {
                // The control of earlier decisions, lettered: "а) …; б) …".
                let letters: Vec<char> = w.protocols.letters.chars().collect();
                let last = entries.len().saturating_sub(1);
                for (i, e) in entries.iter().enumerate() {
                    let end = if i == last { "." } else { ";" };
                    let text = e.lines.join(" ");
                    let text = without_period(&text);
                    let letter = letters[i % letters.len()];
                    out.para(&format!("{letter}) {text}{end}"), spaced);
                }
            } else {
                for (i, e) in entries.iter().enumerate() {
                    let mut lines = e.lines.clone();
                    if let Some(first) = lines.first_mut() {
                        *first = format!("{n}.{}. {first}", i + 1);
                    }
                    out.lines(&lines, spaced);
                }
            }
        }
        let vote = if q.unanimous {
            l.unanimous.clone()
        } else {
            fill(&l.vote, &[("p", &s.present.to_string())])
        };
        out.para(&vote, true);
    }

    // Signatures.
    out.blank();
    if layout.signature_table {
        let mut rows = vec![vec![l.sign_chair.clone(), out.signed(&s.chair.signature())]];
        if !s.drop_secretary_signature {
            rows.push(vec![
                l.sign_secretary.clone(),
                out.signed(&s.secretary.signature()),
            ]);
        }
        out.headless_table(&rows);
    } else {
        let tabs = s.format == Format::Txt && s.variant % 2 == 1;
        out.signature(&l.sign_chair, &s.chair.signature(), tabs);
        if !s.drop_secretary_signature {
            out.signature(&l.sign_secretary, &s.secretary.signature(), tabs);
        }
    }
    out.finish(s.crlf, s.bom, layout.dashes)
}

fn attendance(out: &mut Out, l: &Labels, s: &Session, spaced: bool, chair_position: &str) {
    let p = s.present.to_string();
    let n = s.total.to_string();
    let claims_quorum = !s.quorum_fail || s.quorum_claimed;
    let quorum = if claims_quorum { l.quorum.as_str() } else { "" };
    let names: Vec<&str> = s.attendance.iter().map(|(name, _)| name.as_str()).collect();
    let names = names.join(", ");
    let names = if s.lang == Lang::Kk {
        with_period(&names)
    } else {
        names
    };
    let values = [
        ("p", p.as_str()),
        ("n", n.as_str()),
        ("quorum", quorum),
        ("names", names.as_str()),
        ("abl", kk_ablative(s.total)),
        ("poss", kk_possessive(s.present)),
    ];
    let count = s.layout.count;
    if s.compact_attendance || s.lang == Lang::Mixed {
        let template = &l.count_compact[count % l.count_compact.len()];
        out.labelled(&l.attendance_compact, &fill(template, &values), true);
    } else if s.layout.attendance_table {
        // The total, then everyone present in a table, the chair first: the rows are the count.
        out.para(&fill(&l.total_line, &values), true);
        out.heading(&l.attendance, 3, false);
        let mut rows = vec![vec![
            "1".to_string(),
            s.chair.short(),
            chair_position.to_string(),
        ]];
        for (name, position) in &s.attendance {
            rows.push(vec![
                (rows.len() + 1).to_string(),
                name.clone(),
                position.clone(),
            ]);
        }
        out.table(&l.attendance_table, &rows);
        if claims_quorum {
            out.para(l.quorum.trim(), true);
        }
    } else {
        out.heading(&l.attendance, 3, false);
        for (i, (name, position)) in s.attendance.iter().enumerate() {
            out.numbered(i + 1, &format!("{name} – {position};"));
        }
        out.end_list(spaced || s.lang == Lang::Ru);
        out.para(&fill(&l.count[count % l.count.len()], &values), true);
    }
}

/// The due date of a decision made on `sessions[k]` and the later session that closes it:
/// due before a session at least two weeks later (closed there), or, when no such session comes
/// before `as_of`, comfortably after `as_of` (open, and not due soon).
pub fn plan_due(
    dice: &mut Dice,
    k: usize,
    dates: &[NaiveDate],
    as_of: NaiveDate,
) -> (NaiveDate, Option<usize>) {
    let made = dates[k];
    let candidates: Vec<usize> = (k + 1..dates.len())
        .filter(|&j| dates[j] >= made + Duration::days(14))
        .take(3)
        .collect();
    if !candidates.is_empty() {
        let weights = [6, 3, 1];
        let j = candidates[dice.weighted(&weights[..candidates.len()])];
        let lo = (made + Duration::days(10)).max(dates[j] - Duration::days(35));
        let hi = dates[j] - Duration::days(1);
        let due = lo + Duration::days(dice.range(0, (hi - lo).num_days()));
        return (due, Some(j));
    }
    let due = (as_of + Duration::days(dice.range(20, 75))).max(made + Duration::days(10));
    (due, None)
}

/// A period deadline ends on the last day of a month: moves `due` there when that still falls
/// before the closing session (or when the decision stays open).
pub fn month_end_if_fits(due: NaiveDate, closer: Option<NaiveDate>) -> Option<NaiveDate> {
    let end = last_of_month(due.year(), due.month());
    match closer {
        Some(c) if end < c => Some(end),
        None => Some(end),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_number_suffixes() {
        assert_eq!(
            format!("11-{} 7-{}", kk_ablative(11), kk_possessive(7)),
            "11-ден 7-сі"
        );
        assert_eq!(kk_ablative(9), "дан");
        assert_eq!(kk_ablative(10), "нан");
        assert_eq!(kk_possessive(8), "і");
        assert_eq!(kk_possessive(6), "сы");
    }

    #[test]
    fn keys_ignore_numbers() {
        let a = key(&["Отделу (Омарова Г.К.) провести. Срок: до 30.04.2026.".to_string()]);
        let b = key(&["Отделу (Омарова Г.К.) провести. Срок: до 15.06.2025.".to_string()]);
        assert_eq!(a, b);
    }

    #[test]
    fn periods_before_a_semicolon() {
        assert_eq!(
            without_period("Срок: до 30.04.2026."),
            "Срок: до 30.04.2026"
        );
        assert_eq!(
            without_period("от 22 апреля 2026 г."),
            "от 22 апреля 2026 г."
        );
        assert_eq!(without_period("(Омарова Г.К.)."), "(Омарова Г.К.)");
        assert_eq!(
            without_period("психолог Омарова Г.К."),
            "психолог Омарова Г.К."
        );
        assert_eq!(without_period("принять к сведению"), "принять к сведению");
    }

    #[test]
    fn execution_marks() {
        let w = wording::get().expect("built-in wording");
        let date = ymd(2026, 5, 14);
        assert_eq!(
            executed_text(w, false, 0, date, 118),
            "Выполнено, информация от 14.05.2026 № 118."
        );
        assert_eq!(
            executed_text(w, true, 0, date, 118),
            "Орындалды, 2026 жылғы 14 мамырдағы № 118 ақпарат."
        );
    }
}
