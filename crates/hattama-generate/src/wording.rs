//! The wording of generated documents, kept as data (`wording/*.yaml`, built into the binary)
//! like the rule pack: every heading, phrase and template the generator writes, in Russian and
//! Kazakh. Rust code only chooses among them and fills in names, dates and numbers.

use super::bodies::Body;
use super::world::District;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One list or text per language.
#[derive(Debug, Deserialize)]
pub struct RuKk<T> {
    pub ru: T,
    pub kk: T,
}

impl<T> RuKk<T> {
    pub fn get(&self, kk: bool) -> &T {
        if kk { &self.kk } else { &self.ru }
    }
}

// ---- topics.yaml ----

#[derive(Debug, Deserialize)]
pub struct Action {
    pub bodies: Vec<Body>,
    pub ru: Vec<String>,
    pub kk: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Topic {
    /// Names the topic in test failures.
    #[cfg_attr(not(test), allow(dead_code))]
    pub id: String,
    pub months: Vec<u32>,
    pub reporter: Body,
    pub agenda: RuKk<Vec<String>>,
    pub heard: RuKk<Vec<String>>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Deserialize)]
pub struct Topics {
    pub topics: Vec<Topic>,
    pub before: RuKk<Vec<String>>,
    pub after: RuKk<Vec<String>>,
    pub kk_passive: Vec<(String, String)>,
}

// ---- plan.yaml ----

/// Who a plan row names as responsible: a body or one of the commission's own people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Edu,
    Police,
    Juvenile,
    Social,
    Health,
    Culture,
    Youth,
    Akims,
    Guardianship,
    Emergency,
    Internal,
    Chair,
    Secretary,
    Psychologists,
    Directors,
    Ngo,
    Parents,
}

impl Party {
    pub fn body(self) -> Option<Body> {
        Some(match self {
            Party::Edu => Body::Edu,
            Party::Police => Body::Police,
            Party::Juvenile => Body::Juvenile,
            Party::Social => Body::Social,
            Party::Health => Body::Health,
            Party::Culture => Body::Culture,
            Party::Youth => Body::Youth,
            Party::Akims => Body::Akims,
            Party::Guardianship => Body::Guardianship,
            Party::Emergency => Body::Emergency,
            Party::Internal => Body::Internal,
            _ => return None,
        })
    }
}

/// When a plan measure is carried out. Never a vague phrase ("в течение года", "постоянно").
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Monthly,
    MonthlyLastWednesday,
    Monthly5,
    Quarterly,
    QuarterlyAfter,
    Within10,
    Months(Vec<u32>),
    Range(u32, u32),
    Quarter(u32),
    Quarters(Vec<u32>),
    By(u32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    Plain,
    Screening,
    Psychologist,
    Parents,
    Helpline,
    Training,
    Cases,
}

#[derive(Debug, Deserialize)]
pub struct Measure {
    pub tag: Tag,
    pub ru: Vec<String>,
    pub kk: Vec<String>,
    pub when: Vec<When>,
    pub responsible: Vec<Vec<Party>>,
}

#[derive(Debug, Deserialize)]
pub struct Section {
    pub id: String,
    pub names: RuKk<Vec<String>>,
    pub take: (usize, usize),
    pub measures: Vec<Measure>,
}

#[derive(Debug, Deserialize)]
pub struct SessionTopic {
    pub ru: String,
    pub kk: String,
    pub reporter: Party,
    #[serde(default)]
    pub suicide: bool,
}

#[derive(Debug, Deserialize)]
pub struct Goal {
    pub text: String,
    #[serde(default)]
    pub suicide: bool,
}

#[derive(Debug, Deserialize)]
pub struct PlanLayout {
    pub stamps: Vec<String>,
    pub signer: Vec<String>,
    pub approved_by: String,
    pub titles: Vec<String>,
    /// The line that stands for title and basis in a plan excerpt.
    pub excerpt: String,
    pub basis: String,
    pub concept: String,
    pub goal: Vec<String>,
    pub part: Vec<String>,
    pub headers: Vec<Vec<String>>,
    pub result: String,
    pub sessions: Vec<String>,
    pub session_columns: Vec<Vec<String>>,
    pub signature: String,
}

#[derive(Debug, Deserialize)]
pub struct PartyNames {
    pub chair: String,
    pub secretary: String,
    pub psychologists: String,
    pub directors: String,
    pub ngo: String,
    pub parents: String,
}

#[derive(Debug, Deserialize)]
pub struct Plans {
    pub sections: Vec<Section>,
    pub notes: RuKk<Vec<String>>,
    pub results: RuKk<Vec<String>>,
    pub sessions: Vec<Vec<SessionTopic>>,
    pub goals: RuKk<Vec<Goal>>,
    pub basis: RuKk<Vec<String>>,
    pub layout: Languages<PlanLayout>,
    pub parties: RuKk<PartyNames>,
    pub latin_i: Vec<(String, String)>,
}

// ---- protocol.yaml ----

#[derive(Debug, Deserialize)]
pub struct Languages<T> {
    pub ru: T,
    pub kk: T,
    pub mixed: T,
}

#[derive(Debug, Deserialize)]
pub struct Labels {
    pub header: Vec<String>,
    pub title: String,
    /// The title of an excerpt ("ВЫПИСКА ИЗ ПРОТОКОЛА № 5").
    pub excerpt: String,
    pub body: Vec<String>,
    pub extraordinary: String,
    pub dates: Vec<String>,
    pub place: String,
    /// The header table's columns: date, time, place.
    pub table: Vec<String>,
    /// The place without its label, for the header table.
    pub place_value: String,
    pub chair: Vec<String>,
    pub chair_tail: String,
    pub secretary: String,
    pub secretary_tail: String,
    pub attendance: String,
    pub count: Vec<String>,
    pub attendance_compact: String,
    /// The columns of an attendance table, and the total written above it.
    pub attendance_table: Vec<String>,
    pub total_line: String,
    pub count_compact: Vec<String>,
    pub quorum: String,
    pub invited: String,
    pub agenda: String,
    pub reporter: String,
    pub heard: String,
    pub speakers: String,
    pub decided: Vec<String>,
    /// The decisions heading as typed inside a one-paragraph question (empty: never so).
    pub decided_inline: Vec<String>,
    pub decisions_table: Vec<String>,
    pub vote: String,
    pub unanimous: String,
    pub sign_chair: String,
    pub sign_secretary: String,
    pub deadline: Vec<String>,
    pub secretary_position: String,
}

#[derive(Debug, Deserialize)]
pub struct Responsible {
    pub ru: Vec<String>,
    pub kk_one: String,
    pub kk_many: String,
}

#[derive(Debug, Deserialize)]
pub struct Info {
    pub ru_role: String,
    pub ru: Vec<String>,
    pub kk: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Heard {
    pub ru: String,
    pub ru_verbs: Vec<String>,
    pub kk: String,
}

#[derive(Debug, Deserialize)]
pub struct FollowUp {
    pub agenda: RuKk<Vec<String>>,
    pub heard: RuKk<String>,
    pub info: RuKk<String>,
}

#[derive(Debug, Deserialize)]
pub struct Approval {
    pub agenda: RuKk<String>,
    pub heard: RuKk<String>,
    pub decision: RuKk<Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct CompositionApproval {
    pub agenda: RuKk<Vec<String>>,
    pub heard: RuKk<String>,
    pub decision: RuKk<Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct Invited {
    pub psychologist: String,
    pub director: String,
    pub parents: String,
}

#[derive(Debug, Deserialize)]
pub struct Case {
    pub ru_m: String,
    pub ru_f: String,
    pub kk: String,
}

#[derive(Debug, Deserialize)]
pub struct Minors {
    pub agenda: RuKk<Vec<String>>,
    pub heard: RuKk<String>,
    pub after: RuKk<String>,
    pub bullet: RuKk<String>,
    pub parents: RuKk<Vec<(String, String)>>,
    pub id: RuKk<String>,
    pub name: RuKk<String>,
    pub cases: Vec<Case>,
    pub accompaniment_ru: Vec<String>,
    pub accompaniment_kk: Vec<String>,
    pub dispositions_ru: Vec<String>,
    pub dispositions_kk: Vec<String>,
    pub subjects: Vec<String>,
    pub initials: String,
}

/// A template for one cited item and for several.
#[derive(Debug, Deserialize)]
pub struct OneMany {
    pub one: String,
    pub many: String,
}

#[derive(Debug, Deserialize)]
pub struct ItemWordsRu {
    pub one: Vec<String>,
    pub many: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct ItemWordsKk {
    pub one: String,
    pub many: String,
    /// The genitive, before "орындалу мерзімі".
    pub of: String,
}

/// The control section's wording.
#[derive(Debug, Deserialize)]
pub struct Control {
    pub close: RuKk<Vec<OneMany>>,
    pub keep: RuKk<Vec<OneMany>>,
    pub extend: RuKk<Vec<OneMany>>,
    pub item_ru: ItemWordsRu,
    pub protocol_ru: Vec<String>,
    pub protocol_first_ru: Vec<String>,
    pub protocol_kk: Vec<String>,
    pub protocol_kk_joined: String,
    pub item_kk: ItemWordsKk,
    pub and: RuKk<String>,
}

#[derive(Debug, Deserialize)]
pub struct Protocols {
    pub languages: Languages<Labels>,
    pub extraordinary_kk: String,
    pub letters: String,
    pub recurring: RuKk<Vec<String>>,
    pub vague: RuKk<Vec<String>>,
    pub control: RuKk<Vec<String>>,
    pub control_entries: Control,
    pub executed: RuKk<Vec<String>>,
    pub responsible: Responsible,
    pub together: RuKk<String>,
    pub starting_with: String,
    pub assign: Vec<String>,
    pub info: Info,
    pub heard: Heard,
    pub speakers: RuKk<Vec<String>>,
    pub follow_up: FollowUp,
    pub approval: Approval,
    pub composition: CompositionApproval,
    pub invited: RuKk<Invited>,
    pub deputy_position: RuKk<String>,
    pub minors: Minors,
}

// ---- bodies.yaml ----

#[derive(Debug, Deserialize)]
pub struct BodyForms {
    pub ru_dative: String,
    pub ru_short: String,
    pub ru_plan: String,
    pub ru_instrumental: String,
    pub ru_position: String,
    pub ru_genitive_role: String,
    pub kk_dative: String,
    pub kk_nominative: String,
    pub kk_plan: String,
    pub kk_instrumental: String,
    pub kk_position: String,
}

// ---- composition.yaml ----

#[derive(Debug, Deserialize)]
pub struct Schools {
    pub ru_numbered: String,
    pub kk_numbered: String,
    pub ru_named: String,
    pub kk_named: String,
}

#[derive(Debug, Deserialize)]
pub struct Roles {
    pub ngo: String,
    pub parents: String,
    pub expert: String,
    pub public_council: String,
}

#[derive(Debug, Deserialize)]
pub struct CompositionForm {
    pub stamp: Vec<String>,
    pub title: String,
    pub chair: (String, String),
    pub deputy: (String, String),
    pub secretary: (String, String),
    pub members: String,
    #[serde(default)]
    pub columns: Vec<String>,
    pub total: String,
    #[serde(default)]
    pub signed: String,
}

#[derive(Debug, Deserialize)]
pub struct Compositions {
    pub ngo_names: Vec<String>,
    pub school_patrons: Vec<(String, String)>,
    pub schools: Schools,
    pub agreed: RuKk<String>,
    pub roles: RuKk<Roles>,
    pub ru: CompositionForm,
    pub mixed: CompositionForm,
    pub kk: CompositionForm,
}

/// Everything the generator writes.
#[derive(Debug)]
pub struct Wording {
    pub topics: Topics,
    pub plans: Plans,
    pub protocols: Protocols,
    pub bodies: BTreeMap<Body, BodyForms>,
    pub compositions: Compositions,
}

impl Wording {
    pub fn body(&self, body: Body) -> &BodyForms {
        // `load` checks that every body has its forms.
        &self.bodies[&body]
    }
}

/// The built-in wording, parsed once. An error names the file and what is wrong; it can only
/// come from editing the YAML, and a unit test parses it.
pub fn get() -> Result<&'static Wording, String> {
    static WORDING: OnceLock<Result<Wording, String>> = OnceLock::new();
    WORDING.get_or_init(load).as_ref().map_err(Clone::clone)
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    serde_yaml_ng::from_str(text)
        .map_err(|e| format!("crates/hattama-generate/src/wording/{name}: {e}"))
}

fn load() -> Result<Wording, String> {
    let wording = Wording {
        topics: parse("topics.yaml", include_str!("wording/topics.yaml"))?,
        plans: parse("plan.yaml", include_str!("wording/plan.yaml"))?,
        protocols: parse("protocol.yaml", include_str!("wording/protocol.yaml"))?,
        bodies: parse("bodies.yaml", include_str!("wording/bodies.yaml"))?,
        compositions: parse("composition.yaml", include_str!("wording/composition.yaml"))?,
    };
    for body in super::bodies::ALL_BODIES {
        if !wording.bodies.contains_key(&body) {
            return Err(format!(
                "crates/hattama-generate/src/wording/bodies.yaml: no forms for {body:?}"
            ));
        }
    }
    if wording.plans.sessions.len() != 12 || wording.plans.sessions.iter().any(Vec::is_empty) {
        return Err(
            "crates/hattama-generate/src/wording/plan.yaml: `sessions` needs questions for 12 months".into(),
        );
    }
    Ok(wording)
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        let key = format!("{{{name}}}");
        if out.contains(&key) {
            out = out.replace(&key, value);
        }
    }
    out
}

/// Fills the district placeholders `{g}`, `{stem}` and `{kk}`.
pub fn district(template: &str, d: &District) -> String {
    fill(
        template,
        &[("g", &d.ru_gen()), ("stem", &d.ru_stem), ("kk", &d.kk)],
    )
}
