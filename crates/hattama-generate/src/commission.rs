//! The people of one district commission over the years (chairs, secretaries, members), the
//! writing habits of each secretary, and the composition orders (`wording/composition.yaml`).

use super::bodies::Body;
use super::calendar::{kk_of, ru_words, ymd};
use super::rng::Dice;
use super::text::{Format, Out};
use super::wording::{self, CompositionForm, Wording, fill};
use super::world::{District, People, Person};
use chrono::{Datelike, NaiveDate};

/// Members who represent more than a state body: required in compositions approved after
/// 2026-01-30.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Body(Body),
    Ngo,
    Parents,
    Expert,
    PublicCouncil,
}

/// The date from which compositions must include NGOs, parents, experts and public councils.
pub fn categories_since() -> NaiveDate {
    ymd(2026, 1, 30)
}

/// How a secretary writes protocols: language mix, file format, small habits.
#[derive(Clone, Debug)]
pub struct Style {
    /// Weights of Russian, Kazakh and bilingual protocols.
    pub lang: [u32; 3],
    /// Percent of protocols saved as Markdown.
    pub md_percent: u32,
    /// Percent of text files saved with Windows line ends.
    pub crlf_percent: u32,
    pub compact_attendance: bool,
    pub deadline_same_line: bool,
}

pub struct Roster {
    pub chairs: Vec<(NaiveDate, Person)>,
    pub secretaries: Vec<(NaiveDate, Person, Style)>,
    heads: Vec<Option<Person>>,
    pub members: Vec<Role>,
    pub ngo_name: String,
    pub ngo: Person,
    pub parents: Person,
    pub expert: Person,
    pub council: Person,
    /// Whether compositions before 2026 already listed the new categories.
    pub early_categories: bool,
    /// Psychologists and teachers of the district's schools, for invitations and mentors.
    pub staff: Vec<Person>,
    pub schools_ru: Vec<String>,
    pub schools_kk: Vec<String>,
}

impl Roster {
    /// Draws the district's people. Secretary changes happen at least two years apart, so a
    /// clean district never has three secretaries within twelve months; `turnover_year` plants
    /// two changes within that year (and none in the years around it).
    pub fn new(
        w: &Wording,
        dice: &mut Dice,
        district: &District,
        years: &[i32],
        turnover_year: Option<i32>,
    ) -> Roster {
        let mut people = People::new();
        let first = years.first().copied().unwrap_or(2026);
        let last = years.last().copied().unwrap_or(first);

        let mut chairs = vec![(ymd(first - 3, 1, 1), people.person_p(dice, 25))];
        let mut year = first + dice.range(1, 4) as i32;
        while year <= last {
            chairs.push((
                ymd(year, dice.range(2, 10) as u32, 1),
                people.person_p(dice, 25),
            ));
            year += dice.range(2, 5) as i32;
        }

        let mut change_dates: Vec<NaiveDate> = Vec::new();
        let mut year = first + dice.range(0, 3) as i32;
        while year <= last {
            let near_turnover = turnover_year.is_some_and(|t| (year - t).abs() <= 1);
            if !near_turnover {
                change_dates.push(ymd(
                    year,
                    dice.range(2, 11) as u32,
                    dice.range(1, 20) as u32,
                ));
            }
            year += dice.range(2, 4) as i32;
        }
        if let Some(t) = turnover_year {
            change_dates.push(ymd(t, 4, 1));
            change_dates.push(ymd(t, 8, 1));
        }
        change_dates.sort();
        let mut secretaries = vec![(
            ymd(first - 2, 1, 1),
            people.person_p(dice, 80),
            style(dice, district),
        )];
        for date in change_dates {
            secretaries.push((date, people.person_p(dice, 80), style(dice, district)));
        }

        let heads = super::bodies::ALL_BODIES
            .iter()
            .map(|b| {
                if b.has_head() {
                    Some(people.person_p(dice, if *b == Body::Police { 10 } else { 60 }))
                } else {
                    None
                }
            })
            .collect();

        let mut members = vec![
            Role::Body(Body::Police),
            Role::Body(Body::Juvenile),
            Role::Body(Body::Social),
            Role::Body(Body::Health),
        ];
        for body in [
            Body::Culture,
            Body::Youth,
            Body::Internal,
            Body::Emergency,
            Body::Guardianship,
        ] {
            if dice.chance(40) {
                members.push(Role::Body(body));
            }
        }
        members.extend([Role::Ngo, Role::Parents, Role::Expert, Role::PublicCouncil]);

        let ngo_name = dice.pick(&w.compositions.ngo_names).clone();
        let ngo = people.any(dice);
        let parents = people.any(dice);
        let expert = people.any(dice);
        let council = people.any(dice);
        let staff = (0..8).map(|_| people.any(dice)).collect();

        let schools = &w.compositions.schools;
        let mut schools_ru = Vec::new();
        let mut schools_kk = Vec::new();
        for n in 1..=3 {
            let n = n.to_string();
            schools_ru.push(fill(
                &schools.ru_numbered,
                &[("n", &n), ("center", &district.center_ru)],
            ));
            schools_kk.push(fill(
                &schools.kk_numbered,
                &[("n", &n), ("center", &district.center_kk)],
            ));
        }
        for i in dice.sample(w.compositions.school_patrons.len(), 3) {
            let (ru, kk) = &w.compositions.school_patrons[i];
            schools_ru.push(fill(&schools.ru_named, &[("patron", ru)]));
            schools_kk.push(fill(&schools.kk_named, &[("patron", kk)]));
        }

        Roster {
            chairs,
            secretaries,
            heads,
            members,
            ngo_name,
            ngo,
            parents,
            expert,
            council,
            early_categories: dice.chance(30),
            staff,
            schools_ru,
            schools_kk,
        }
    }

    pub fn head(&self, body: Body) -> Option<&Person> {
        self.heads[body.index()].as_ref()
    }

    pub fn chair_at(&self, date: NaiveDate) -> &Person {
        let mut current = &self.chairs[0].1;
        for (from, person) in &self.chairs {
            if *from <= date {
                current = person;
            }
        }
        current
    }

    /// The secretary on a date, with their index (for the turnover record) and habits.
    pub fn secretary_at(&self, date: NaiveDate) -> (usize, &Person, &Style) {
        let mut found = 0;
        for (i, (from, _, _)) in self.secretaries.iter().enumerate() {
            if *from <= date {
                found = i;
            }
        }
        let (_, person, style) = &self.secretaries[found];
        (found, person, style)
    }

    /// Members (besides chair, deputy and secretary) in a composition approved on `date`.
    pub fn members_on(&self, date: NaiveDate) -> Vec<Role> {
        let new_rules = date > categories_since() || self.early_categories;
        self.members
            .iter()
            .copied()
            .filter(|r| new_rules || matches!(r, Role::Body(_)))
            .collect()
    }

    /// Members of the composition in force at a session on `date`.
    pub fn members_at(&self, date: NaiveDate) -> Vec<Role> {
        self.members_on(composition_date_for(date))
    }

    /// The number of members in the composition in force at a session on `date`.
    pub fn total_at(&self, date: NaiveDate) -> usize {
        3 + self.members_at(date).len()
    }

    pub fn person_of(&self, role: Role) -> &Person {
        match role {
            Role::Body(b) => self.head(b).unwrap_or(&self.ngo),
            Role::Ngo => &self.ngo,
            Role::Parents => &self.parents,
            Role::Expert => &self.expert,
            Role::PublicCouncil => &self.council,
        }
    }
}

/// The composition that applies to a session: the one approved at the start of its year (or
/// the previous year's if the session comes before it).
fn composition_date_for(date: NaiveDate) -> NaiveDate {
    let approved = composition_date_nominal(date.year());
    if date >= approved {
        approved
    } else {
        composition_date_nominal(date.year() - 1)
    }
}

/// Compositions are approved in January, in 2026 right after the order of 2026-01-30.
fn composition_date_nominal(year: i32) -> NaiveDate {
    if year == 2026 {
        ymd(2026, 2, 10)
    } else {
        ymd(year, 1, 20)
    }
}

/// The composition's actual date, varied around the nominal one but never across 2026-01-30.
pub fn composition_date(dice: &mut Dice, year: i32) -> NaiveDate {
    if year == 2026 {
        ymd(2026, 2, dice.range(2, 10) as u32)
    } else {
        ymd(year, 1, dice.range(12, 20) as u32)
    }
}

fn style(dice: &mut Dice, district: &District) -> Style {
    // South and west write more in Kazakh, north and east more in Russian.
    let kazakh_leaning = matches!(district.oblast, 1 | 4 | 5 | 6 | 7 | 9);
    let russian_leaning = matches!(district.oblast, 3 | 11 | 12 | 13 | 14 | 15);
    let lang = match dice.below(3) {
        0 if kazakh_leaning => [20, 60, 20],
        0 if russian_leaning => [70, 10, 20],
        0 => [45, 30, 25],
        1 => [30, 40, 30],
        _ => [50, 25, 25],
    };
    Style {
        lang,
        md_percent: *dice.pick(&[15, 50, 75, 90]),
        crlf_percent: *dice.pick(&[0, 40, 80]),
        compact_attendance: dice.chance(30),
        deadline_same_line: dice.chance(50),
    }
}

/// A member's position in a composition or attendance list; `agreed` adds "(по согласованию)".
pub fn role_text(
    w: &Wording,
    role: Role,
    roster: &Roster,
    d: &District,
    kk: bool,
    agreed: bool,
) -> String {
    let c = &w.compositions;
    let (text, needs_agreement) = match role {
        Role::Body(b) => {
            let forms = w.body(b);
            let position = if kk {
                &forms.kk_position
            } else {
                &forms.ru_position
            };
            (
                wording::district(position, d),
                matches!(
                    b,
                    Body::Police | Body::Juvenile | Body::Health | Body::Emergency
                ),
            )
        }
        Role::Ngo => (
            fill(&c.roles.get(kk).ngo, &[("ngo", &roster.ngo_name)]),
            true,
        ),
        Role::Parents => (c.roles.get(kk).parents.clone(), true),
        Role::Expert => (c.roles.get(kk).expert.clone(), true),
        Role::PublicCouncil => (wording::district(&c.roles.get(kk).public_council, d), true),
    };
    if agreed && needs_agreement {
        format!("{text}{}", c.agreed.get(kk))
    } else {
        text
    }
}

/// A composition order. The form (Russian list, bilingual table, Kazakh list) is drawn from
/// `dice`; the members come from the roster as of `date`.
pub fn render_composition(
    w: &Wording,
    dice: &mut Dice,
    roster: &Roster,
    d: &District,
    date: NaiveDate,
) -> (Format, Vec<u8>) {
    let chair = roster.chair_at(date);
    let (_, secretary, _) = roster.secretary_at(date);
    let deputy = roster.head(Body::Edu).unwrap_or(chair);
    let members = roster.members_on(date);
    let total = (3 + members.len()).to_string();
    let order = dice.range(12, 140).to_string();
    let date_ru = ru_words(date);
    let date_kk = kk_of(date);
    let values = [
        ("order", order.as_str()),
        ("date_ru", date_ru.as_str()),
        ("kk_of", date_kk.as_str()),
        ("total", total.as_str()),
    ];
    let put = |t: &str| wording::district(&fill(t, &values), d);
    let c = &w.compositions;
    let form = dice.below(3);
    let (f, kk): (&CompositionForm, bool) = match form {
        0 => (&c.ru, false),
        1 => (&c.mixed, false),
        _ => (&c.kk, true),
    };
    let level = if form == 1 { 2 } else { 3 };
    // Saved from Word as Markdown, or as plain text (tabs between table cells, sometimes with
    // a byte-order mark and Windows line ends).
    let format = if dice.chance(70) {
        Format::Md
    } else {
        Format::Txt
    };
    let crlf = format == Format::Txt && dice.chance(40);
    let bom = format == Format::Txt && dice.chance(40);
    let dashes = format == Format::Md && dice.chance(25);
    let mut out = Out::new(format);
    out.lines(&f.stamp.iter().map(|t| put(t)).collect::<Vec<_>>(), true);
    out.heading(&put(&f.title), 1, true);
    for ((label, position), person) in [
        (&f.chair, chair),
        (&f.deputy, deputy),
        (&f.secretary, secretary),
    ] {
        out.heading(label, level, true);
        out.para(&format!("{} – {}", person.full(), put(position)), true);
    }
    out.heading(&f.members, level, true);
    // The bilingual form is always a table; the others are a list or a table.
    if f.columns.is_empty() || form != 1 && dice.chance(60) {
        for (i, role) in members.iter().enumerate() {
            out.numbered(
                i + 1,
                &format!(
                    "{} – {};",
                    roster.person_of(*role).full(),
                    role_text(w, *role, roster, d, kk, true)
                ),
            );
            out.blank();
        }
    } else {
        let rows: Vec<Vec<String>> = members
            .iter()
            .enumerate()
            .map(|(i, role)| {
                vec![
                    (i + 1).to_string(),
                    roster.person_of(*role).full(),
                    role_text(w, *role, roster, d, kk, true),
                ]
            })
            .collect();
        out.table(&f.columns, &rows);
    }
    out.para(&put(&f.total), true);
    if !f.signed.is_empty() {
        out.signature(&put(&f.signed), &roster.council.signature(), false);
    }
    (format, out.finish(crlf, bom, dashes))
}
