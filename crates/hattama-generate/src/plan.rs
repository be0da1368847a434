//! Annual work plans: approval stamp, title with the year, basis, goal, measure tables by
//! section, and the list of questions for each month's session. The wording is in
//! `wording/plan.yaml`.

use super::calendar::{
    capitalize, dmy, kk_month, kk_of, kk_quarter, kk_until, kk_words, ru_month, ru_quarter,
    ru_quoted, ymd,
};
use super::rng::Dice;
use super::text::{Format, Out};
use super::wording::{self, Measure, Party, PlanLayout, Section, Tag, When, Wording, fill};
use super::world::{District, Person};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanLang {
    Ru,
    Kk,
    Mixed,
}

/// Everything a plan's text depends on besides its recipe.
pub struct PlanContext<'a> {
    pub district: &'a District,
    pub year: i32,
    pub chair: &'a Person,
    pub secretary: &'a Person,
    pub ngo: &'a str,
    /// The date the chair signed it (after the approving session).
    pub signed: NaiveDate,
    /// The session that approved it: number and date, if known.
    pub approved_by: Option<(u32, NaiveDate)>,
    /// Leave out every suicide-prevention item (a planted defect).
    pub no_suicide: bool,
}

const ROMAN_PARTS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// Renders a plan. `recipe` decides every choice (language, format, sections, wording, order),
/// so the same recipe with another context gives a copy that differs only in names, dates and
/// numbers.
pub fn render(w: &Wording, recipe: &mut Dice, ctx: &PlanContext<'_>) -> (Format, Vec<u8>) {
    let lang = match recipe.weighted(&[40, 35, 25]) {
        0 => PlanLang::Ru,
        1 => PlanLang::Kk,
        _ => PlanLang::Mixed,
    };
    let format = if recipe.chance(55) {
        Format::Md
    } else {
        Format::Txt
    };
    let five_columns = recipe.chance(35);
    let latin_i = lang == PlanLang::Kk && format == Format::Txt && recipe.chance(40);
    let crlf = format == Format::Txt && recipe.chance(30);
    let bom = format == Format::Txt && recipe.chance(20);
    let dashes = format == Format::Md && recipe.chance(25);
    // An excerpt: the approval stamp, one line on the year and basis, then the tables.
    let excerpt = recipe.chance(20);
    let layout = match lang {
        PlanLang::Ru => &w.plans.layout.ru,
        PlanLang::Kk => &w.plans.layout.kk,
        PlanLang::Mixed => &w.plans.layout.mixed,
    };
    let kk = lang == PlanLang::Kk;
    let mut out = Out::new(format);

    approval(&mut out, recipe, ctx, layout, lang);
    let year = ctx.year.to_string();
    if excerpt {
        out.para(&fill(&layout.excerpt, &[("year", &year)]), true);
    } else {
        let title = wording::district(
            &fill(recipe.pick_string(&layout.titles), &[("year", &year)]),
            ctx.district,
        );
        out.heading(&title, 1, true);
        basis_and_goal(&mut out, w, recipe, ctx, layout, kk);
    }

    // Sections: organisation first, then the others in a shuffled order.
    let sections = &w.plans.sections;
    let mut order: Vec<usize> = (1..sections.len()).collect();
    recipe.shuffle(&mut order);
    order.insert(0, 0);
    let part = recipe.below(layout.part.len());
    let header_variant = recipe.below(layout.headers.len());
    let mut header = layout.headers[header_variant].clone();
    if five_columns {
        header.push(layout.result.clone());
    }
    let mut roman = 0;
    let mut row_number = 0;
    for section_index in order {
        let section = &sections[section_index];
        if ctx.no_suicide && section.id == "suicide" {
            continue;
        }
        let name = recipe.pick(section.names.get(kk)).clone();
        let name = if lang == PlanLang::Mixed {
            format!("{} / {name}", recipe.pick(&section.names.kk))
        } else {
            name
        };
        part_heading(&mut out, layout, part, roman, &name);
        roman += 1;
        let mut rows = Vec::new();
        for index in pick_measures(recipe, section) {
            row_number += 1;
            rows.push(measure_row(
                w,
                recipe,
                ctx,
                &section.measures[index],
                row_number,
                kk,
                five_columns,
            ));
        }
        out.table(&header, &rows);
    }
    let sessions = recipe.pick(&layout.sessions).clone();
    part_heading(&mut out, layout, part, roman, &sessions);
    sessions_table(&mut out, w, recipe, ctx, layout, lang);

    out.signature(
        &layout.signature,
        &ctx.secretary.initials_first(),
        format == Format::Txt,
    );
    let mut bytes = out.finish(crlf, bom, dashes);
    if latin_i {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        for (from, to) in &w.plans.latin_i {
            text = text.replace(from.as_str(), to);
        }
        bytes = text.into_bytes();
    }
    (format, bytes)
}

fn approval(
    out: &mut Out,
    recipe: &mut Dice,
    ctx: &PlanContext<'_>,
    layout: &PlanLayout,
    lang: PlanLang,
) {
    let d = ctx.district;
    let stamp = recipe.pick(&layout.stamps).clone();
    let signer: Vec<String> = layout
        .signer
        .iter()
        .map(|t| wording::district(t, d))
        .collect();
    let underscores = if out.is_md() {
        "\\_".repeat(12)
    } else {
        "_".repeat(12)
    };
    let signature = format!("{underscores} {}", ctx.chair.initials_first());
    let signed = match lang {
        PlanLang::Ru => format!("{} г.", ru_quoted(ctx.signed)),
        PlanLang::Kk => kk_words(ctx.signed),
        PlanLang::Mixed => dmy(ctx.signed),
    };
    if lang == PlanLang::Kk {
        let mut lines = vec![stamp];
        lines.extend(signer);
        lines.push(signature);
        lines.push(signed);
        out.lines(&lines, true);
    } else {
        out.heading(&stamp, 3, false);
        out.lines(&signer, false);
        out.para(&signature, false);
        out.para(&signed, true);
    }
    if let Some((number, date)) = ctx.approved_by
        && !layout.approved_by.is_empty()
    {
        let line = fill(
            &layout.approved_by,
            &[
                ("number", &number.to_string()),
                ("dmy", &dmy(date)),
                ("kk_of", &kk_of(date)),
            ],
        );
        out.para(&line, true);
    }
}

fn basis_and_goal(
    out: &mut Out,
    w: &Wording,
    recipe: &mut Dice,
    ctx: &PlanContext<'_>,
    layout: &PlanLayout,
    kk: bool,
) {
    let acts = w.plans.basis.get(kk);
    let oblast = if kk {
        ctx.district.oblast().kk
    } else {
        ctx.district.oblast().ru_gen
    };
    let count = recipe.range(1, 3) as usize;
    let mut picked: Vec<String> = recipe
        .sample_sorted(acts.len(), count)
        .into_iter()
        .map(|i| fill(&acts[i], &[("oblast", oblast)]))
        .collect();
    let at = recipe.below(picked.len() + 1);
    picked.insert(at, layout.concept.clone());
    out.labelled(&layout.basis, &format!("{}.", picked.join("; ")), true);

    let goals = w.plans.goals.get(kk);
    let mut indices: Vec<usize> = (0..goals.len())
        .filter(|&i| !(ctx.no_suicide && goals[i].suicide))
        .collect();
    recipe.shuffle(&mut indices);
    let n = recipe.range(3, 5) as usize;
    let chosen: Vec<&str> = indices
        .iter()
        .take(n)
        .map(|&i| goals[i].text.as_str())
        .collect();
    let label = recipe.pick(&layout.goal).clone();
    out.labelled(&label, &format!("{}.", chosen.join(", ")), true);
}

fn part_heading(out: &mut Out, layout: &PlanLayout, style: usize, n: usize, name: &str) {
    let roman = ROMAN_PARTS[n.min(ROMAN_PARTS.len() - 1)];
    out.heading(
        &fill(&layout.part[style], &[("roman", roman), ("name", name)]),
        2,
        false,
    );
}

/// The measures of a section: in the suicide section one of each required sub-topic first.
fn pick_measures(recipe: &mut Dice, section: &Section) -> Vec<usize> {
    let n = section.measures.len();
    let want = (recipe.range(section.take.0 as i64, section.take.1 as i64) as usize).min(n);
    let mut chosen: Vec<usize> = Vec::new();
    if section.id == "suicide" {
        for tag in [
            Tag::Screening,
            Tag::Psychologist,
            Tag::Parents,
            Tag::Helpline,
            Tag::Training,
        ] {
            let options: Vec<usize> = (0..n).filter(|&i| section.measures[i].tag == tag).collect();
            if !options.is_empty() {
                chosen.push(*recipe.pick(&options));
            }
        }
    }
    let mut rest: Vec<usize> = (0..n).filter(|i| !chosen.contains(i)).collect();
    recipe.shuffle(&mut rest);
    while chosen.len() < want {
        match rest.pop() {
            Some(i) => chosen.push(i),
            None => break,
        }
    }
    recipe.shuffle(&mut chosen);
    chosen
}

fn measure_row(
    w: &Wording,
    recipe: &mut Dice,
    ctx: &PlanContext<'_>,
    m: &Measure,
    number: usize,
    kk: bool,
    five: bool,
) -> Vec<String> {
    let wording = recipe.below(m.ru.len());
    let texts = if kk { &m.kk } else { &m.ru };
    let mut text = texts[wording.min(texts.len() - 1)].clone();
    let grades = recipe.pick_str(&["5–11", "7–11", "6–11", "8–11"]);
    text = text.replace("{grades}", grades);
    if recipe.chance(35) {
        text.push_str(recipe.pick_string(w.plans.notes.get(kk)));
    }
    let when = recipe.pick(&m.when).clone();
    let deadline = if kk {
        when_kk(&when, ctx.year)
    } else {
        when_ru(&when, ctx.year)
    };
    let parties = recipe.pick(&m.responsible).clone();
    let responsible: Vec<String> = parties.iter().map(|p| party(w, *p, ctx, kk)).collect();
    let mut row = vec![number.to_string(), text, deadline, responsible.join(", ")];
    if five {
        row.push(recipe.pick(w.plans.results.get(kk)).clone());
    }
    row
}

/// A party's name in a plan table: bodies without the district's name (the title names it).
fn party(w: &Wording, p: Party, ctx: &PlanContext<'_>, kk: bool) -> String {
    if let Some(body) = p.body() {
        let forms = w.body(body);
        return if kk {
            forms.kk_plan.clone()
        } else {
            forms.ru_plan.clone()
        };
    }
    let names = w.plans.parties.get(kk);
    match p {
        Party::Chair => names.chair.clone(),
        Party::Secretary => names.secretary.clone(),
        Party::Psychologists => names.psychologists.clone(),
        Party::Directors => names.directors.clone(),
        Party::Ngo => fill(&names.ngo, &[("ngo", ctx.ngo)]),
        _ => names.parents.clone(),
    }
}

/// Calendar phrasing of a measure's term, like the dates in `calendar`.
fn when_ru(when: &When, y: i32) -> String {
    match when {
        When::Monthly => "ежемесячно".into(),
        When::MonthlyLastWednesday => "ежемесячно, последняя среда месяца".into(),
        When::Monthly5 => "ежемесячно, до 5 числа".into(),
        When::Quarterly => "ежеквартально".into(),
        When::QuarterlyAfter => "ежеквартально, до 10 числа месяца, следующего за кварталом".into(),
        When::Months(months) => {
            let names: Vec<&str> = months.iter().map(|m| ru_month(*m)).collect();
            format!("{} {y} г.", names.join(", "))
        }
        When::Range(a, b) => format!("{}–{} {y} г.", ru_month(*a), ru_month(*b)),
        When::Quarter(q) => format!("{} квартал {y} г.", ru_quarter(*q)),
        When::Quarters(qs) => {
            let names: Vec<&str> = qs.iter().map(|q| ru_quarter(*q)).collect();
            format!("{} квартал {y} г.", names.join(" и "))
        }
        When::By(m, day) => format!("до {}", dmy(ymd(y, *m, *day))),
        When::Within10 => "в течение 10 рабочих дней после поступления информации".into(),
    }
}

fn when_kk(when: &When, y: i32) -> String {
    match when {
        When::Monthly => "ай сайын".into(),
        When::MonthlyLastWednesday => "ай сайын, айдың соңғы сәрсенбісі".into(),
        When::Monthly5 => "ай сайын, айдың 5-не дейін".into(),
        When::Quarterly => "тоқсан сайын".into(),
        When::QuarterlyAfter => "тоқсан сайын, тоқсаннан кейінгі айдың 10-на дейін".into(),
        When::Months(months) => {
            let names: Vec<&str> = months.iter().map(|m| kk_month(*m)).collect();
            format!("{y} жылғы {}", names.join(", "))
        }
        When::Range(a, b) => format!("{}–{} {y} ж.", kk_month(*a), kk_month(*b)),
        When::Quarter(q) => format!("{y} жылдың {} тоқсаны", kk_quarter(*q)),
        When::Quarters(qs) => {
            let names: Vec<&str> = qs.iter().map(|q| kk_quarter(*q)).collect();
            format!("{} тоқсан", names.join(" және "))
        }
        When::By(m, day) => kk_until(ymd(y, *m, *day)),
        When::Within10 => "ақпарат түскеннен кейін 10 жұмыс күні ішінде".into(),
    }
}

fn sessions_table(
    out: &mut Out,
    w: &Wording,
    recipe: &mut Dice,
    ctx: &PlanContext<'_>,
    layout: &PlanLayout,
    lang: PlanLang,
) {
    let header = recipe.pick(&layout.session_columns).clone();
    let kk = lang == PlanLang::Kk;
    let mut rows = Vec::new();
    for (m0, options) in w.plans.sessions.iter().enumerate() {
        let month = m0 as u32 + 1;
        let mut kept: Vec<_> = options
            .iter()
            .filter(|t| !(ctx.no_suicide && t.suicide))
            .collect();
        if kept.is_empty() {
            kept = options.iter().collect();
        }
        let options = kept;
        let topic = options[recipe.below(options.len())];
        let text = if kk { &topic.kk } else { &topic.ru };
        let text = fill(
            text,
            &[
                ("prev", &(ctx.year - 1).to_string()),
                ("next", &(ctx.year + 1).to_string()),
            ],
        );
        let month_name = match lang {
            PlanLang::Kk => capitalize(kk_month(month)),
            PlanLang::Mixed => format!(
                "{} / {}",
                capitalize(kk_month(month)),
                capitalize(ru_month(month))
            ),
            PlanLang::Ru => capitalize(ru_month(month)),
        };
        rows.push(vec![month_name, text, party(w, topic.reporter, ctx, kk)]);
    }
    out.table(&header, &rows);
}
