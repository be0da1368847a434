//! Stage four: runs every rule of the pack over one extracted document. Each rule kind lives in
//! its own file and reports [`Hit`]s; this module turns hits into localized findings.

mod condition;
mod items_answered;
mod pattern;
mod personal_id;
mod required;
mod scope;
pub mod snippet;
mod topic_coverage;

use crate::extract::{Extraction, Value};
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::pack::{Check, Pack, Rule};
use crate::parse::Document;
use chrono::NaiveDate;
use minijinja::Value as TemplateValue;
use std::collections::BTreeMap;
use std::ops::Range;

/// What a check run needs beyond the pack.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    pub lang: Lang,
    /// "Today" for rules about dates; fixed by `--as-of` so runs are reproducible.
    pub as_of: NaiveDate,
}

/// One place where a rule fires, with the values its message names.
#[derive(Debug, Clone, Default)]
pub struct Hit {
    pub span: Range<usize>,
    pub vars: BTreeMap<&'static str, TemplateValue>,
}

impl Hit {
    pub fn at(span: Range<usize>) -> Hit {
        Hit {
            span,
            vars: BTreeMap::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<TemplateValue>) -> Hit {
        self.vars.insert(name, value.into());
        self
    }
}

/// Everything a rule kind looks at.
pub struct Input<'a> {
    pub document: &'a Document,
    pub extraction: &'a Extraction,
    pub pack: &'a Pack,
    pub settings: &'a CheckSettings,
    /// The template context every rule shares (fields, document, date), made at the first
    /// finding or condition that needs it: most rules find nothing in most documents.
    shared_context: std::sync::OnceLock<BTreeMap<String, TemplateValue>>,
}

impl<'a> Input<'a> {
    pub fn new(
        document: &'a Document,
        extraction: &'a Extraction,
        pack: &'a Pack,
        settings: &'a CheckSettings,
    ) -> Input<'a> {
        Input {
            document,
            extraction,
            pack,
            settings,
            shared_context: std::sync::OnceLock::new(),
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

    /// The template context every message and condition sees.
    /// The template context of `rule` in this document: the shared part and the rule's
    /// parameters.
    pub fn base_context(&self, rule: &Rule) -> BTreeMap<String, TemplateValue> {
        let mut context = self
            .shared_context
            .get_or_init(|| self.shared_context())
            .clone();
        context.insert("params".into(), rule.params.clone());
        context
    }

    fn shared_context(&self) -> BTreeMap<String, TemplateValue> {
        let mut context = BTreeMap::new();
        let mut fields = BTreeMap::new();
        for (field, value) in self.pack.fields.iter().zip(&self.extraction.fields) {
            if let Some(found) = value {
                fields.insert(field.id.clone(), template_value(&found.value));
            }
        }
        for (name, value) in &fields {
            context.insert(name.clone(), value.clone());
        }
        context.insert("fields".into(), TemplateValue::from_serde(&fields));
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
    for rule in input.pack.active_rules() {
        if matches!(rule.check, Check::Corpus(_)) || !rule.applies(kind, input.extraction.date) {
            continue;
        }
        let hits = match run_rule(input, rule) {
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
            findings.push(finding(input, rule, &context, hit));
        }
    }
    findings
}

fn run_rule(input: &Input<'_>, rule: &Rule) -> Result<Vec<Hit>, String> {
    Ok(match &rule.check {
        Check::RequiredField { fields } => required::fields(input, fields),
        Check::RequiredSection { sections } => required::sections(input, sections),
        Check::Pattern {
            scope,
            group,
            when,
            require,
            forbid,
        } => pattern::run(
            input,
            *scope,
            group.as_deref(),
            when.as_deref(),
            require.as_deref(),
            forbid.as_ref(),
        ),
        Check::ItemField {
            item,
            fields,
            unless,
        } => required::item_fields(input, *item, fields, unless),
        Check::Condition { item, unless, at } => condition::run(input, rule, *item, unless, *at)?,
        Check::TopicCoverage {
            scope,
            when,
            topics,
            min_topics,
        } => topic_coverage::run(input, *scope, when.as_deref(), topics, *min_topics),
        Check::ItemsAnswered {
            questions_in,
            answered_by,
        } => items_answered::run(input, *questions_in, *answered_by),
        Check::PersonalId { scope } => personal_id::run(input, *scope),
        // Corpus rules run over all documents at once, in `crate::corpus`.
        Check::Corpus(_) => Vec::new(),
    })
}

/// A rule's message and fix rendered in `lang` with `context`, personal data masked.
pub fn render(
    pack: &Pack,
    rule: &Rule,
    lang: Lang,
    context: &BTreeMap<String, TemplateValue>,
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

fn finding(
    input: &Input<'_>,
    rule: &Rule,
    base: &BTreeMap<String, TemplateValue>,
    hit: Hit,
) -> Finding {
    let mut context = base.clone();
    for (name, value) in hit.vars {
        context.insert(name.to_string(), value);
    }
    let (message, fix) = render(input.pack, rule, input.settings.lang, &context);
    locate(input, &rule.id, rule.severity, hit.span, message, fix)
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
