//! Everything one district commission wrote over the corpus years: protocols, plans and
//! composition orders, with the defects planted in them and a record of each.

use super::calendar::{dmy, ru_month, ymd};
use super::commission::{self, Role, Roster};
use super::control::{self, Reference, Verb};
use super::defects::{DistrictDefects, DocDefect};
use super::plan::{self, PlanContext};
use super::protocol::{self, Class, Deadline, Form, Lang, Layout, Session, Writer};
use super::rng::Dice;
use super::schedule::{self, NumberingDefect};
use super::text::Format;
use super::wording::{self, Wording, fill};
use super::world::District;
use super::{DocumentFormat, Planted};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{HashMap, HashSet};

/// Stream numbers for [`Dice::from_parts`]: one generator per purpose, so that, e.g., a plan's
/// recipe can be replayed for a copy without replaying the protocols.
const ROSTER: u64 = 1;
const SCHEDULE: u64 = 2;
const CONTENT: u64 = 3;
const PLAN: u64 = 4;
const SIGNED: u64 = 5;
const COMPOSITION: u64 = 6;

pub struct Settings<'a> {
    pub wording: &'static Wording,
    pub seed: u64,
    pub years: &'a [i32],
    pub as_of: NaiveDate,
    pub districts: &'a [District],
    /// What the files are written as: every path is named for it.
    pub files: DocumentFormat,
}

impl Settings<'_> {
    /// The extension of a document written as `format` text: that of the text, or `docx`.
    pub fn extension(&self, format: Format) -> &'static str {
        match self.files {
            DocumentFormat::Text => format.extension(),
            DocumentFormat::Docx => "docx",
        }
    }
}

#[derive(Clone)]
pub struct Doc {
    /// Relative to the corpus root, '/'-separated, with the extension of the file written.
    pub path: String,
    /// How the text in `bytes` is written.
    pub format: Format,
    pub bytes: Vec<u8>,
    /// The day it is dated (a protocol's session, a plan's or an order's signing): a snapshot
    /// of the oblast on an earlier day holds only what was written before that day.
    pub date: NaiveDate,
    /// For a protocol, its session in [`Output::sessions`], to render it again as it stood
    /// on another day.
    pub session: Option<usize>,
}

pub struct Output {
    pub docs: Vec<Doc>,
    pub planted: Vec<Planted>,
    /// Every session's protocol as a model, in date order.
    pub sessions: Vec<Session>,
}

/// The day a plan was signed: after the December session that approved it.
fn plan_signed(seed: u64, district: usize, year: i32) -> NaiveDate {
    let mut dice = Dice::from_parts(seed, &[district as u64, year as u64, SIGNED]);
    ymd(year - 1, 12, 28 + dice.range(0, 2) as u32)
}

fn plan_recipe(seed: u64, district: usize, year: i32) -> Dice {
    Dice::from_parts(seed, &[district as u64, year as u64, PLAN])
}

pub fn build(settings: &Settings<'_>, d: &District, defects: &DistrictDefects) -> Output {
    let seed = settings.seed;
    let as_of = settings.as_of;
    let years = settings.years;
    let idx = d.index as u64;
    let folder = d.folder();
    let mut planted = Vec::new();
    let mut docs = Vec::new();

    let w = settings.wording;
    let roster = Roster::new(
        w,
        &mut Dice::from_parts(seed, &[idx, ROSTER]),
        d,
        years,
        defects.turnover_year,
    );
    let raw = schedule::dates(
        &mut Dice::from_parts(seed, &[idx, SCHEDULE]),
        years,
        as_of,
        defects.skip_month,
    );
    let slots = schedule::number(&raw, defects.numbering);
    let dates: Vec<NaiveDate> = slots.iter().map(|s| s.date).collect();
    let mut dice = Dice::from_parts(seed, &[idx, CONTENT]);

    // Which protocols carry which planted defect; each protocol at most one.
    let mut taken: HashSet<usize> = HashSet::new();
    let in_year = |y: i32| -> Vec<usize> {
        (0..slots.len())
            .filter(|&k| slots[k].date.year() == y)
            .collect()
    };
    let mut doc_targets: Vec<(usize, DocDefect)> = Vec::new();
    for (y, kind) in &defects.documents {
        let free: Vec<usize> = in_year(*y)
            .into_iter()
            .filter(|k| !taken.contains(k))
            .collect();
        if free.is_empty() {
            continue;
        }
        let k = *dice.pick(&free);
        taken.insert(k);
        doc_targets.push((k, *kind));
    }
    let due_soon_target = if defects.due_soon {
        slots.len().checked_sub(1).filter(|k| !taken.contains(k))
    } else {
        None
    };
    if let Some(k) = due_soon_target {
        taken.insert(k);
    }
    let mut copied_targets: Vec<usize> = Vec::new();
    if let Some(y) = defects.copied {
        let free: Vec<usize> = in_year(y)
            .into_iter()
            .filter(|k| !taken.contains(k))
            .collect();
        if free.len() >= 3 {
            copied_targets = dice
                .sample_sorted(free.len(), 3)
                .into_iter()
                .map(|i| free[i])
                .collect();
            taken.extend(copied_targets.iter().copied());
        }
    }
    // Overdue: from a protocol at least 45 days before `as_of`; if its decisions all fall due
    // too late, the next protocols take over.
    let mut overdue_from: Vec<usize> = Vec::new();
    for y in &defects.overdue {
        let free: Vec<usize> = in_year(*y)
            .into_iter()
            .filter(|k| !taken.contains(k) && slots[*k].date + Duration::days(45) <= as_of)
            .collect();
        if let Some(k) = free.first().map(|_| *dice.pick(&free)) {
            taken.insert(k);
            overdue_from.push(k);
        }
    }
    let mut overdue_pending = overdue_from.clone();

    let mut writer = Writer::new(w, d, &roster);
    let copied_decision = if copied_targets.is_empty() {
        None
    } else {
        let topic = dice.below(w.topics.topics.len());
        let (_, mut decision) = writer.action(&mut dice, topic, Lang::Ru, &[]);
        decision.fixed_layout = true;
        Some(decision)
    };

    // A session shortly before a new composition order approves the composition.
    let mut approves_composition: HashSet<usize> = HashSet::new();
    for &y in years {
        let order = commission::composition_date(
            &mut Dice::from_parts(seed, &[idx, y as u64, COMPOSITION]),
            y,
        );
        let before = dates
            .iter()
            .rposition(|&s| s < order && s + Duration::days(35) >= order);
        if let Some(k) = before
            && order < as_of
            && dice.chance(70)
        {
            approves_composition.insert(k);
        }
    }

    let mut sessions: Vec<Session> = Vec::with_capacity(slots.len());
    // What each session's control section says of earlier decisions.
    let mut pending: Vec<Vec<Reference>> = vec![Vec::new(); slots.len()];
    let numbers: Vec<(u32, NaiveDate)> = slots.iter().map(|s| (s.number, s.date)).collect();
    // Decisions with a due date, by (session, question); and those not yet carried out, which
    // a later session may keep on control while they are not due.
    let mut dated: HashMap<(usize, usize), usize> = HashMap::new();
    let mut on_control: Vec<Reference> = Vec::new();
    let mut due_of: HashMap<(usize, String), NaiveDate> = HashMap::new();
    for k in 0..slots.len() {
        let slot = slots[k].clone();
        let date = slot.date;
        let year = date.year();
        let (_, secretary, style) = roster.secretary_at(date);
        let secretary = secretary.clone();
        let style = style.clone();
        let chair = roster.chair_at(date).clone();
        let forced_ru = copied_targets.contains(&k);
        let lang = if forced_ru {
            Lang::Ru
        } else {
            [Lang::Ru, Lang::Kk, Lang::Mixed][dice.weighted(&style.lang)]
        };
        let format = if dice.chance(style.md_percent) {
            Format::Md
        } else {
            Format::Txt
        };
        let crlf = format == Format::Txt && dice.chance(style.crlf_percent);
        let bom = format == Format::Txt && dice.chance(25);
        let layout = Layout::draw(&mut dice, format, forced_ru);
        let doc_defect = doc_targets
            .iter()
            .find(|(t, _)| *t == k)
            .map(|(_, kind)| *kind);

        let refs = std::mem::take(&mut pending[k]);
        on_control.retain(|r| due_of[&(r.source, r.item.clone())] > date);
        let keep: Vec<Reference> = if !refs.is_empty() && dice.chance(30) {
            let recent: Vec<&Reference> = on_control.iter().filter(|r| r.source + 3 >= k).collect();
            let n = dice.range(1, 2) as usize;
            dice.sample_sorted(recent.len(), n)
                .into_iter()
                .map(|i| recent[i].clone())
                .collect()
        } else {
            Vec::new()
        };
        let controls = control::plan(
            &mut dice,
            k,
            &refs,
            &keep,
            &control::Context {
                sessions: &numbers,
                dated: &dated,
            },
        );
        let cite = control::Style::draw(&mut dice);
        let last_in_december =
            date.month() == 12 && slots.get(k + 1).is_none_or(|next| next.date.year() != year);
        let approval = last_in_december && !defects.plan_missing.contains(&(year + 1));
        let minors_q = doc_defect == Some(DocDefect::Iin) || dice.chance(55);
        let composition = approves_composition.contains(&k);
        let others = usize::from(!refs.is_empty())
            + usize::from(approval)
            + usize::from(minors_q)
            + usize::from(composition);
        let target = [2usize, 3, 4][dice.weighted(&[3, 4, 2])];
        let thematic = target
            .saturating_sub(others)
            .clamp(1, 3)
            .min(4 - others.min(3));

        let mut questions = Vec::new();
        let topics = writer.topics(&mut dice, date.month(), thematic);
        for topic in topics {
            questions.push(writer.thematic(&mut dice, topic, lang, year));
        }
        if let (true, Some(decision)) = (forced_ru, &copied_decision) {
            // Not last in its question: the last decision's text runs on to the vote line,
            // which differs between protocols.
            let at = questions[0].decisions.len().saturating_sub(1);
            questions[0].decisions.insert(at, decision.clone());
        }
        if composition {
            questions.push(writer.composition_approval(&mut dice, lang, &secretary));
        }
        let mut iin_planted = None;
        if minors_q {
            let (question, iin) =
                writer.minors(&mut dice, lang, date, doc_defect == Some(DocDefect::Iin));
            iin_planted = iin;
            questions.push(question);
        }
        if !refs.is_empty() {
            // Real protocols mostly open with the control of earlier decisions.
            let question = writer.follow_up(&mut dice, lang, &secretary);
            if dice.chance(65) {
                questions.insert(0, question);
            } else {
                questions.push(question);
            }
        }
        if approval {
            questions.push(writer.plan_approval(&mut dice, lang, &secretary, year + 1));
        }

        let path = format!(
            "{folder}/{year}/{}.{}",
            slot.stem,
            settings.extension(format)
        );

        // Deadlines and the later protocols that close each decision.
        let mut first_action_done = false;
        let last_action = questions
            .iter()
            .enumerate()
            .flat_map(|(qi, q)| {
                q.decisions
                    .iter()
                    .enumerate()
                    .map(move |(di, dec)| (qi, di, dec.class))
            })
            .filter(|(_, _, c)| *c == Class::Action)
            .map(|(qi, di, _)| (qi, di))
            .next_back();
        for (qi, question) in questions.iter_mut().enumerate() {
            for (di, decision) in question.decisions.iter_mut().enumerate() {
                let class = decision.class;
                let fixed = decision.fixed_layout;
                let item = format!("{}.{}", qi + 1, di + 1);
                let mut closer = None;
                let deadline = match class {
                    Class::Action => {
                        let first = !first_action_done && !fixed;
                        if !fixed {
                            first_action_done = true;
                        }
                        if first && doc_defect == Some(DocDefect::NoDeadline) {
                            planted.push(planted_doc(
                                DocDefect::NoDeadline,
                                &path,
                                format!("decision {item} orders action with no deadline"),
                            ));
                            Deadline::Missing
                        } else if first && doc_defect == Some(DocDefect::VagueDeadline) {
                            let i = dice.below(w.protocols.vague.ru.len());
                            planted.push(planted_doc(
                                DocDefect::VagueDeadline,
                                &path,
                                format!("decision {item} has a deadline that fixes no date"),
                            ));
                            Deadline::Vague(i)
                        } else if due_soon_target == Some(k) && last_action == Some((qi, di)) {
                            let due = as_of + Duration::days(dice.range(3, 12));
                            planted.push(Planted {
                                rule: "kz-kdn/decision-due-soon".into(),
                                path: path.clone(),
                                note: format!(
                                    "decision {item} due {due}, {} days after as-of",
                                    (due - as_of).num_days()
                                ),
                            });
                            Deadline::Date {
                                due,
                                form: Form::Numeric,
                            }
                        } else if !fixed && dice.chance(8) {
                            Deadline::Recurring(dice.below(w.protocols.recurring.ru.len()))
                        } else {
                            let (mut due, mut j) = protocol::plan_due(&mut dice, k, &dates, as_of);
                            let mut form = Form::Numeric;
                            if !fixed {
                                // Half-years and the year end are written as periods.
                                let half_end = matches!(due.month(), 6 | 12) && dice.chance(40);
                                if (half_end || dice.chance(20))
                                    && let Some(end) =
                                        protocol::month_end_if_fits(due, j.map(|j| dates[j]))
                                {
                                    due = end;
                                }
                                form = protocol::pick_form(&mut dice, due, date, lang);
                            }
                            if let (Some(_), Some(pos)) =
                                (j, overdue_pending.iter().position(|o| *o <= k))
                                && due + Duration::days(10) < as_of
                                && !fixed
                            {
                                {
                                    overdue_pending.remove(pos);
                                    planted.push(Planted {
                                        rule: "kz-kdn/overdue-decision".into(),
                                        path: path.clone(),
                                        note: format!("decision {item} due {due}, never closed by a later protocol"),
                                    });
                                    j = None;
                                }
                            }
                            closer = j;
                            Deadline::Date { due, form }
                        }
                    }
                    Class::Minor => {
                        let (due, j) = protocol::plan_due(&mut dice, k, &dates, as_of);
                        closer = j;
                        Deadline::Control {
                            due,
                            numeric: dice.chance(50),
                        }
                    }
                    _ => Deadline::None,
                };
                let due = deadline.due();
                decision.deadline = deadline;
                let Some(due) = due else { continue };
                *dated.entry((k, qi + 1)).or_default() += 1;
                due_of.insert((k, item.clone()), due);
                let reference = |verb| Reference {
                    source: k,
                    question: qi + 1,
                    item: item.clone(),
                    verb,
                };
                match closer {
                    // Marked executed beside the decision itself instead of closed later.
                    Some(_)
                        if !fixed
                            && layout.decisions != protocol::Decisions::Table
                            && dice.chance(6) =>
                    {
                        let from = (date + Duration::days(1)).max(due - Duration::days(10));
                        let when = from + Duration::days(dice.range(0, (due - from).num_days()));
                        decision.executed = Some((when, dice.range(14, 480) as u32));
                        continue;
                    }
                    // Extended at the session that would have closed it, then closed later or
                    // left open comfortably after `as_of`.
                    Some(j) if !fixed && dice.chance(8) => {
                        let (later, then) = protocol::plan_due(&mut dice, j, &dates, as_of);
                        pending[j].push(reference(Verb::Extend(later)));
                        if let Some(then) = then {
                            pending[then].push(reference(Verb::Close));
                        }
                    }
                    Some(j) => pending[j].push(reference(Verb::Close)),
                    None => {}
                }
                on_control.push(reference(Verb::Keep));
            }
        }

        let total = roster.total_at(date);
        let quorum_fail = doc_defect == Some(DocDefect::Quorum);
        let present = if quorum_fail {
            (total / 2).saturating_sub(1).max(2)
        } else {
            dice.range((total / 2 + 1) as i64, total as i64) as usize
        };
        if quorum_fail {
            planted.push(planted_doc(
                DocDefect::Quorum,
                &path,
                format!("{present} of {total} members present"),
            ));
        }
        let drop_secretary_signature = doc_defect == Some(DocDefect::Signature);
        if drop_secretary_signature {
            planted.push(planted_doc(
                DocDefect::Signature,
                &path,
                "the secretary's signature is missing".into(),
            ));
        }
        if let Some(number) = &iin_planted {
            let masked: String = number.chars().take(2).chain("**********".chars()).collect();
            planted.push(planted_doc(
                DocDefect::Iin,
                &path,
                format!("valid ИИН {masked} of a minor in the minors' question"),
            ));
        }

        let attendance = attendance_lines(&writer, &mut dice, date, present, lang);
        let invited = invited_lines(w, &mut dice, &roster, lang, minors_q);
        sessions.push(Session {
            slot,
            lang,
            format,
            crlf,
            bom,
            questions,
            controls,
            cite,
            layout,
            present,
            total,
            quorum_fail,
            quorum_claimed: quorum_fail && dice.chance(40),
            drop_secretary_signature,
            chair,
            secretary,
            deadline_same_line: style.deadline_same_line && !forced_ru,
            compact_attendance: style.compact_attendance,
            nbsp: dice.chance(20),
            variant: dice.below(840),
            attendance,
            invited,
            time: dice.pick_str(&["10:00", "11:00", "15:00", "14:30", "16:00"]),
        });
    }

    for (k, s) in sessions.iter().enumerate() {
        let path = format!(
            "{folder}/{}/{}.{}",
            s.slot.date.year(),
            s.slot.stem,
            settings.extension(s.format)
        );
        docs.push(Doc {
            path,
            format: s.format,
            bytes: protocol::render(w, s, &sessions, d),
            date: s.slot.date,
            session: Some(k),
        });
    }

    // Corpus-level records that depend on the schedule.
    let protocol_path = |k: usize| {
        format!(
            "{folder}/{}/{}.{}",
            sessions[k].slot.date.year(),
            sessions[k].slot.stem,
            settings.extension(sessions[k].format)
        )
    };
    if let Some(&first) = copied_targets.first() {
        let where_: Vec<String> = copied_targets
            .iter()
            .map(|k| {
                format!(
                    "№ {} of {}",
                    sessions[*k].slot.number,
                    dmy(sessions[*k].slot.date)
                )
            })
            .collect();
        planted.push(Planted {
            rule: "kz-kdn/copied-decisions".into(),
            path: protocol_path(first),
            note: format!("the same decision text in protocols {}", where_.join(", ")),
        });
    }
    if let Some((y, kind)) = defects.numbering {
        let in_y: Vec<usize> = (0..sessions.len())
            .filter(|k| sessions[*k].slot.date.year() == y)
            .collect();
        let at = match kind {
            NumberingDefect::Skip(at) | NumberingDefect::Duplicate(at) => at,
        };
        if let Some(&k) = in_y.get(at) {
            let note = match kind {
                NumberingDefect::Skip(_) => format!(
                    "№ {} skipped: № {} is followed by № {}",
                    sessions[k].slot.number - 1,
                    sessions[k].slot.number - 2,
                    sessions[k].slot.number
                ),
                NumberingDefect::Duplicate(_) => format!(
                    "№ {} used twice ({} and {})",
                    sessions[k].slot.number,
                    dmy(sessions[k - 1].slot.date),
                    dmy(sessions[k].slot.date)
                ),
            };
            planted.push(Planted {
                rule: "kz-kdn/protocol-numbering".into(),
                path: protocol_path(k),
                note,
            });
        }
    }
    if let Some(t) = defects.turnover_year {
        let names: Vec<String> = roster
            .secretaries
            .iter()
            .filter(|(from, _, _)| from.year() <= t && *from > ymd(t - 1, 1, 1))
            .map(|(_, p, _)| p.short())
            .collect();
        let before = roster.secretary_at(ymd(t, 3, 1)).1.short();
        let mut all = vec![before];
        for name in names {
            if !all.contains(&name) {
                all.push(name);
            }
        }
        planted.push(Planted {
            rule: "kz-kdn/secretary-turnover".into(),
            path: folder.clone(),
            note: format!("{} secretaries in {t}: {}", all.len(), all.join(", ")),
        });
    }

    // Plans.
    let mut plan_paths: Vec<(i32, String)> = Vec::new();
    for &y in years {
        if y > as_of.year() {
            continue;
        }
        if defects.plan_missing.contains(&y) {
            if sessions.iter().any(|s| s.slot.date.year() == y) {
                planted.push(Planted {
                    rule: "kz-kdn/plan-missing-for-year".into(),
                    path: folder.clone(),
                    note: format!("protocols of {y} but no plan for {y}"),
                });
            }
            continue;
        }
        let copy = defects.plan_copy.filter(|c| c.year == y);
        let (mut recipe, mut signed) = match copy {
            Some(c) => (
                plan_recipe(seed, c.source, c.source_year),
                plan_signed(seed, d.index, y),
            ),
            None => (plan_recipe(seed, d.index, y), plan_signed(seed, d.index, y)),
        };
        if let Some(c) = copy
            && c.source != d.index
        {
            signed = signed.max(plan_signed(seed, c.source, c.source_year) + Duration::days(1));
        }
        let approved_by = sessions
            .iter()
            .filter(|s| s.slot.date.year() == y - 1 && s.slot.date.month() == 12)
            .map(|s| (s.slot.number, s.slot.date))
            .next_back()
            .or_else(|| {
                (!years.contains(&(y - 1))).then(|| {
                    let mut dice = Dice::from_parts(seed, &[idx, y as u64, SIGNED, 2]);
                    (
                        dice.range(12, 15) as u32,
                        ymd(y - 1, 12, dice.range(15, 26) as u32),
                    )
                })
            });
        let chair = roster.chair_at(signed).clone();
        let secretary = roster.secretary_at(signed).1.clone();
        let no_suicide = defects.plan_no_suicide == Some(y);
        let ctx = PlanContext {
            district: d,
            year: y,
            chair: &chair,
            secretary: &secretary,
            ngo: &roster.ngo_name,
            signed,
            approved_by,
            no_suicide,
        };
        let (format, bytes) = plan::render(w, &mut recipe, &ctx);
        let path = format!("{folder}/{y}/plan-{y}.{}", settings.extension(format));
        if let Some(c) = copy {
            let source = &settings.districts[c.source];
            let source_path = format!(
                "{}/{}/plan-{}.{}",
                source.folder(),
                c.source_year,
                c.source_year,
                settings.extension(format)
            );
            planted.push(Planted {
                rule: "kz-kdn/duplicate-plan".into(),
                path: path.clone(),
                note: format!("copy of {source_path} with only names, dates and numbers changed"),
            });
        }
        if no_suicide {
            planted.push(Planted {
                rule: "kz-kdn/plan-suicide-prevention".into(),
                path: path.clone(),
                note: "no suicide-prevention measure at all".into(),
            });
        }
        plan_paths.push((y, path.clone()));
        docs.push(Doc {
            path,
            format,
            bytes,
            date: signed,
            session: None,
        });
    }

    if let Some((y, month)) = defects.skip_month {
        let before = sessions
            .iter()
            .rposition(|s| s.slot.date < ymd(y, month, 1));
        let after = sessions
            .iter()
            .position(|s| s.slot.date > ymd(y, month, 28));
        if let (Some(b), Some(a)) = (before, after) {
            let gap = (sessions[a].slot.date - sessions[b].slot.date).num_days();
            planted.push(Planted {
                rule: "kz-kdn/session-gap".into(),
                path: protocol_path(a),
                note: format!(
                    "no session between {} and {} ({gap} days)",
                    dmy(sessions[b].slot.date),
                    dmy(sessions[a].slot.date)
                ),
            });
        }
        planted.push(Planted {
            rule: "kz-kdn/sessions-per-month".into(),
            path: folder.clone(),
            note: format!("no session in {month:02}.{y}"),
        });
        if let Some((_, plan_path)) = plan_paths.iter().find(|(py, _)| *py == y) {
            planted.push(Planted {
                rule: "kz-kdn/planned-session-not-held".into(),
                path: plan_path.clone(),
                note: format!(
                    "the plan lists {} {y}; no session was held that month",
                    ru_month(month)
                ),
            });
        }
    }

    // Compositions.
    for &y in years {
        let mut dice = Dice::from_parts(seed, &[idx, y as u64, COMPOSITION]);
        let date = commission::composition_date(&mut dice, y);
        if date >= as_of {
            continue;
        }
        let (format, bytes) = commission::render_composition(w, &mut dice, &roster, d, date);
        docs.push(Doc {
            path: format!(
                "{folder}/{y}/composition-{y}.{}",
                settings.extension(format)
            ),
            format,
            bytes,
            date,
            session: None,
        });
    }

    Output {
        docs,
        planted,
        sessions,
    }
}

fn planted_doc(kind: DocDefect, path: &str, note: String) -> Planted {
    Planted {
        rule: kind.rule().into(),
        path: path.to_string(),
        note,
    }
}

/// The members listed as present besides the chair: name and position.
fn attendance_lines(
    writer: &Writer<'_>,
    dice: &mut Dice,
    date: NaiveDate,
    present: usize,
    lang: Lang,
) -> Vec<(String, String)> {
    let (w, roster, d) = (writer.w, writer.roster, writer.district);
    let mut roles: Vec<Option<Role>> = vec![None];
    roles.extend(roster.members_at(date).into_iter().map(Some));
    let listed = present.saturating_sub(1).min(roles.len());
    let kk = lang.kk();
    dice.sample_sorted(roles.len(), listed)
        .into_iter()
        .map(|i| {
            let (person, position) = match roles[i] {
                None => (
                    roster.head(super::bodies::Body::Edu).unwrap_or(&roster.ngo),
                    wording::district(w.protocols.deputy_position.get(kk), d),
                ),
                Some(role) => (
                    roster.person_of(role),
                    commission::role_text(w, role, roster, d, kk, false),
                ),
            };
            (person.short(), position)
        })
        .collect()
}

fn invited_lines(
    w: &Wording,
    dice: &mut Dice,
    roster: &Roster,
    lang: Lang,
    minors: bool,
) -> Vec<String> {
    if !dice.chance(65) {
        return Vec::new();
    }
    let kk = lang.kk();
    let texts = w.protocols.invited.get(kk);
    let n = dice.range(1, 2) as usize;
    let mut lines = Vec::new();
    for i in dice.sample(roster.staff.len(), n) {
        let person = roster.staff[i].short();
        let school = dice.below(roster.schools_ru.len());
        let school = if kk {
            &roster.schools_kk[school]
        } else {
            &roster.schools_ru[school]
        };
        let template = if dice.chance(60) {
            &texts.psychologist
        } else {
            &texts.director
        };
        lines.push(fill(template, &[("who", &person), ("school", school)]));
    }
    if minors {
        lines.push(texts.parents.clone());
    }
    lines
}
