//! Stage four: runs every rule of the pack over one extracted document. Each rule kind is one
//! file (its keys, its compilation, its run), listed once in [`kinds`]; it reports [`Hit`]s,
//! which this module turns into localized findings.

mod condition;
mod hit;
mod item_field;
mod items_answered;
mod pattern;
mod personal_id;
mod required_field;
mod required_section;
mod scope;
pub mod snippet;
mod topic_coverage;

use crate::extract::{Extraction, Value};
use crate::finding::{Finding, Position, Severity};
use crate::lang::Lang;
use crate::pack::kind::compile_as;
use crate::pack::{Kind, Pack, Registration, Rule};
use crate::parse::Document;
use chrono::NaiveDate;
pub use hit::{Hit, Place};
use minijinja::Value as TemplateValue;
use std::collections::BTreeMap;
use std::ops::Range;

/// A document rule kind, compiled from a rule's keys: it looks at one document at a time.
pub trait DocumentKind: std::fmt::Debug + Send + Sync {
    /// Where the rule fires in this document (the rule applies to it), or why it could not
    /// tell (a condition that fails to evaluate).
    fn run(&self, input: &Input<'_>, rule: &Rule) -> Result<Vec<Hit>, String>;

    /// What the rule judges, when the document lacks it: a document the rule has nothing
    /// to judge in passes it without proving anything (a rule's example must not).
    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        let _ = input;
        None
    }
}

/// The document rule kinds; a new kind is one file and one line here.
pub fn kinds() -> Vec<Registration<Box<dyn DocumentKind>>> {
    vec![
        entry::<required_field::RequiredField>(),
        entry::<required_section::RequiredSection>(),
        entry::<pattern::Pattern>(),
        entry::<item_field::ItemField>(),
        entry::<condition::Condition>(),
        entry::<topic_coverage::TopicCoverage>(),
        entry::<items_answered::ItemsAnswered>(),
        entry::<personal_id::PersonalId>(),
    ]
}

fn entry<K: Kind + DocumentKind + 'static>() -> Registration<Box<dyn DocumentKind>> {
    Registration {
        name: K::NAME,
        compile: |context| Ok(Box::new(compile_as::<K>(context)?)),
    }
}

/// The pack's document rules, compiled: each with its index in the pack's rules.
#[derive(Debug, Default)]
pub struct Rules(pub Vec<(usize, Box<dyn DocumentKind>)>);

/// What a check run needs beyond the pack.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    pub lang: Lang,
    /// "Today" for rules about dates; fixed by `--as-of` so runs are reproducible.
    pub as_of: NaiveDate,
}

/// Everything a rule kind looks at.
pub struct Input<'a> {
    pub document: &'a Document,
    pub extraction: &'a Extraction,
    pub pack: &'a Pack,
    pub rules: &'a Rules,
    pub settings: &'a CheckSettings,
    /// The template context every rule shares (fields, document, date), made at the first
    /// finding or condition that needs it: most rules find nothing in most documents.
    shared_context: std::sync::OnceLock<TemplateValue>,
    /// The units of a scope gathered by a `group` pattern, for every rule that gathers the
    /// same way (`pattern::grouped`).
    grouped_units: pattern::GroupedUnits,
}

impl<'a> Input<'a> {
    pub fn new(
        document: &'a Document,
        extraction: &'a Extraction,
        pack: &'a Pack,
        rules: &'a Rules,
        settings: &'a CheckSettings,
    ) -> Input<'a> {
        Input {
            document,
            extraction,
            pack,
            rules,
            settings,
            shared_context: std::sync::OnceLock::new(),
            grouped_units: pattern::GroupedUnits::default(),
        }
    }
}

impl Input<'_> {
    /// Where a finding about the document as a whole points: the start of its body.
    pub fn document_start(&self) -> Range<usize> {
        self.document
            .lines
            .first()
            .map_or(self.document.body_start..self.document.body_start, |line| {
                line.span.start..line.span.start
            })
    }

    /// The items of one type, less those of the exempt classes.
    pub fn items_of<'b>(
        &'b self,
        item_type: usize,
        unless: &'b [String],
    ) -> impl Iterator<Item = &'b crate::extract::Item> + 'b {
        self.extraction.items.iter().filter(move |item| {
            item.item_type == item_type && !item.classes.iter().any(|class| unless.contains(class))
        })
    }

    /// The template context of `rule` in this document: the shared part and the rule's
    /// parameters. The shared part is made into a template value once and looked through, not
    /// copied for every rule and converted at every message.
    pub fn base_context(&self, rule: &Rule) -> TemplateValue {
        let shared = self
            .shared_context
            .get_or_init(|| TemplateValue::from(self.shared_context()));
        minijinja::context! { params => rule.params.clone(), ..shared.clone() }
    }

    fn shared_context(&self) -> BTreeMap<String, TemplateValue> {
        let mut context = BTreeMap::new();
        let mut fields = BTreeMap::new();
        for (field, value) in self.pack.fields.iter().zip(&self.extraction.fields) {
            if let Some(found) = value {
                fields.insert(field.id.clone(), template_value(&found.value));
            }
        }
        context.extend(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), value.clone())),
        );
        // A map of template values is one already: no round through serde.
        context.insert("fields".into(), TemplateValue::from(fields));
        context.insert(
            "as_of".into(),
            TemplateValue::from(self.settings.as_of.to_string()),
        );
        context.insert(
            "document".into(),
            TemplateValue::from_serde(BTreeMap::from([
                (
                    "kind",
                    self.extraction
                        .kind_id(self.pack)
                        .unwrap_or("other")
                        .to_string(),
                ),
                (
                    "date",
                    self.extraction
                        .date
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
            ])),
        );
        context
    }
}

pub fn template_value(value: &Value) -> TemplateValue {
    match value {
        Value::Text(text) => TemplateValue::from(text.clone()),
        Value::Integer(n) => TemplateValue::from(*n),
        Value::Date(date) => TemplateValue::from(date.to_string()),
        Value::Deadline(deadline) => TemplateValue::from_serde(deadline),
        Value::Other(other) => TemplateValue::from_serde(other),
    }
}

/// Runs every rule that applies to this document.
pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let kind = input.extraction.kind_id(input.pack);
    let mut findings = Vec::new();
    for (index, check) in &input.rules.0 {
        let rule = &input.pack.rules[*index];
        if !rule.enabled || !rule.applies(kind, input.extraction.date) {
            continue;
        }
        let hits = match check.run(input, rule) {
            Ok(hits) => hits,
            Err(error) => {
                findings.push(rule_error(input, rule, &error));
                continue;
            }
        };
        if hits.is_empty() {
            continue;
        }
        let context = input.base_context(rule);
        for hit in hits {
            findings.push(finding(
                input.pack,
                rule,
                input.settings.lang,
                &context,
                hit,
                Some(input),
            ));
        }
    }
    findings
}

/// A rule's message and fix rendered in `lang` with `context` (a map), personal data masked.
pub fn render(
    pack: &Pack,
    rule: &Rule,
    lang: Lang,
    context: &TemplateValue,
) -> (String, Option<String>) {
    let render = |part: &str| -> String {
        pack.templates
            .get_template(&rule.template_name(part, lang))
            .and_then(|t| t.render(context))
            .unwrap_or_else(|e| {
                let raw = if part == "fix" {
                    &rule.fix
                } else {
                    &rule.message
                };
                format!("{} ({e})", raw.get(lang))
            })
    };
    // Not masked here: every finding passes the masking gate (`privacy::Masked`) before a
    // report shows it.
    let message = render("message").trim().to_string();
    let fix = render("fix").trim().to_string();
    (message, Some(fix).filter(|f| !f.is_empty()))
}

/// A rule's finding at one of its hits: the message and fix worded from the base `context`
/// and the hit's values, which the finding keeps as its facts (masked like the message when a
/// report shows them). A hit in the document being checked is located in `input`, with its
/// line as the snippet; a hit in a file of the corpus points at it.
pub fn finding(
    pack: &Pack,
    rule: &Rule,
    lang: Lang,
    context: &TemplateValue,
    hit: Hit,
    input: Option<&Input<'_>>,
) -> Finding {
    let mut facts = BTreeMap::new();
    let mut vars = BTreeMap::new();
    for (name, value) in hit.vars {
        facts.insert(name.to_string(), fact(&value));
        vars.insert(name.to_string(), value);
    }
    // The hit's values stand before the base context's of the same name.
    let context = minijinja::context! { ..TemplateValue::from(vars), ..context.clone() };
    let (message, fix) = render(pack, rule, lang, &context);
    let mut finding = match (hit.place, input) {
        (Place::Span(span), Some(input)) => {
            locate(input, &rule.id, rule.severity, span, message, fix)
        }
        (Place::File { path, at }, _) => Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            path,
            start: at,
            end: at,
            message,
            fix,
            snippet: None,
            related: Vec::new(),
            facts: BTreeMap::new(),
            tabled: None,
        },
        // A span means nothing without its document; document kinds always have one.
        (Place::Span(_), None) => Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            path: String::new(),
            start: Position::START,
            end: Position::START,
            message,
            fix,
            snippet: None,
            related: Vec::new(),
            facts: BTreeMap::new(),
            tabled: None,
        },
    };
    finding.related = hit.related;
    finding.facts = facts;
    finding.tabled = hit.tabled;
    finding
}

/// A message value as JSON for the report's tables and the JSON report.
fn fact(value: &TemplateValue) -> serde_json::Value {
    match value.as_str() {
        Some(text) => serde_json::Value::String(text.to_string()),
        None => serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
    }
}

/// A finding at a source span, with the masked source line (or part of it) as its snippet.
pub fn locate(
    input: &Input<'_>,
    rule: &str,
    severity: Severity,
    span: Range<usize>,
    message: String,
    fix: Option<String>,
) -> Finding {
    let document = input.document;
    let start = document.index.position(&document.source, span.start);
    let end = document
        .index
        .position(&document.source, span.end.max(span.start));
    let line_number = start.line as usize - 1;
    let line = document.index.line_text(&document.source, line_number);
    let at = span
        .start
        .saturating_sub(document.index.line_start(line_number));
    // A finding about something missing points at the document start with an empty span; the
    // first line of the document would only be noise there.
    let snippet = (!span.is_empty() && !line.trim().is_empty())
        .then(|| snippet::snippet(&input.pack.masker, line, at, start.column as usize));
    Finding {
        rule: rule.to_string(),
        severity,
        path: document.path.clone(),
        start,
        end,
        message,
        fix,
        snippet,
        related: Vec::new(),
        facts: Default::default(),
        tabled: None,
    }
}

fn rule_error(input: &Input<'_>, rule: &Rule, error: &str) -> Finding {
    let message = crate::messages::rule_failed(input.settings.lang, &rule.id, error);
    locate(
        input,
        "hattama/rule-error",
        Severity::Error,
        input.document_start(),
        message,
        None,
    )
}

/// Any serialisable value as a template value.
trait FromSerde {
    fn from_serde<T: serde::Serialize>(value: T) -> Self;
}

impl FromSerde for TemplateValue {
    fn from_serde<T: serde::Serialize>(value: T) -> Self {
        TemplateValue::from(minijinja::value::Serde(value))
    }
}
