//! Compiles layered packs into one [`Pack`]: definitions merged by id (a later pack's wins),
//! every pattern compiled, every reference resolved, every rule checked for the keys its kind
//! needs. Everything that can be wrong with a pack is found here, before any document is read.

use super::LazyRegex as Regex;
use super::load::{LoadedPack, Origin, PackError};
use super::model::*;
use super::patterns::PatternCompiler;
use super::schema::{FieldType, PackMeta, PatternDef, RuleDef};
use crate::calendar::{CalendarWords, DateParser};
use crate::finding::Severity;
use crate::lang::Lang;
use crate::privacy::Masker;
use std::collections::BTreeMap;

/// Keeps the last definition for each id, in first-seen order.
fn merge_by_id<T: Clone>(
    packs: &[LoadedPack],
    get: impl Fn(&LoadedPack) -> &[T],
    id: impl Fn(&T) -> &str,
) -> Vec<(T, usize)> {
    let mut out: Vec<(T, usize)> = Vec::new();
    for (pack_index, pack) in packs.iter().enumerate() {
        for def in get(pack) {
            match out.iter_mut().find(|(seen, _)| id(seen) == id(def)) {
                Some(slot) => *slot = (def.clone(), pack_index),
                None => out.push((def.clone(), pack_index)),
            }
        }
    }
    out
}

struct Compiler<'a> {
    packs: &'a [LoadedPack],
    patterns: PatternCompiler,
}

impl Compiler<'_> {
    fn regex(&self, pack: usize, pattern: &str) -> Result<Regex, PackError> {
        self.patterns.compile(pattern).map_err(|message| {
            PackError::new(
                self.packs[pack].locate_text(pattern),
                format!("invalid pattern: {message}"),
            )
        })
    }

    fn any(&self, pack: usize, patterns: &[String]) -> Result<Option<Regex>, PackError> {
        self.patterns.compile_any(patterns).map_err(|message| {
            // Compile them one by one only now, to name the pattern that is wrong.
            patterns
                .iter()
                .find_map(|pattern| self.regex(pack, pattern).err())
                .unwrap_or_else(|| {
                    PackError::new(
                        self.packs[pack].locate_text(patterns.first().map_or("", |p| p.as_str())),
                        format!("invalid pattern: {message}"),
                    )
                })
        })
    }

    fn required_any(
        &self,
        pack: usize,
        patterns: &[String],
        id: &str,
        what: &str,
    ) -> Result<Regex, PackError> {
        self.any(pack, patterns)?.ok_or_else(|| {
            PackError::new(
                self.packs[pack].locate_id(id),
                format!("`{id}` needs at least one pattern in `{what}`"),
            )
        })
    }
}

pub fn compile(packs: Vec<LoadedPack>) -> Result<Pack, PackError> {
    let last = packs.len().saturating_sub(1);
    let mut terms = BTreeMap::new();
    let mut calendar_def = None;
    for pack in &packs {
        if let Some(lexicon) = &pack.content.lexicon {
            terms.extend(lexicon.terms.clone());
            if lexicon.calendar.is_some() {
                calendar_def = lexicon.calendar.clone();
            }
        }
    }
    let top = |pack: &LoadedPack| {
        pack.files.first().map_or(
            Origin {
                path: pack.meta.id.clone(),
                line: 1,
                column: 1,
            },
            |f| f.locate("lexicon:"),
        )
    };
    let calendar_def = calendar_def.ok_or_else(|| {
        PackError::new(
            top(&packs[last]),
            "no pack defines `lexicon: calendar:` (month names and period words)",
        )
    })?;
    let calendar = DateParser::new(&CalendarWords {
        months: calendar_def.months,
        quarter: calendar_def.quarter,
        half_year: calendar_def.half_year,
        year: calendar_def.year,
        month_word: calendar_def.month_word,
        range_from: calendar_def.range_from,
        range_to: calendar_def.range_to,
        until: calendar_def.until,
        ablative_endings: calendar_def.ablative_endings,
    })
    .map_err(|e| PackError::new(top(&packs[last]), format!("lexicon calendar: {e}")))?;
    let patterns = PatternCompiler::new(
        &terms,
        &[
            ("date", calendar.date_pattern()),
            ("period", calendar.period_pattern()),
        ],
    );
    // The built-in pack's patterns are checked by its tests; checking them again at every
    // start cost more than checking a document.
    let patterns = if packs.iter().all(|pack| pack.known_valid) {
        patterns.deferring_checks()
    } else {
        patterns
    };
    let compiler = Compiler {
        packs: &packs,
        patterns,
    };

    let kinds = merge_by_id(&packs, |p| &p.content.kinds, |k| &k.id)
        .into_iter()
        .map(|(def, pack)| {
            let signals = def
                .signals
                .iter()
                .map(|signal| {
                    Ok(KindSignal {
                        pattern: compiler.required_any(
                            pack,
                            &signal.patterns,
                            &signal.id,
                            "patterns",
                        )?,
                        id: signal.id.clone(),
                        within_lines: signal.within_lines,
                        weight: signal.weight,
                    })
                })
                .collect::<Result<Vec<_>, PackError>>()?;
            Ok(Kind {
                title: compiler.required_any(pack, &def.titles, &def.id, "titles")?,
                id: def.id,
                name: def.name,
                within_lines: def.within_lines,
                signals,
            })
        })
        .collect::<Result<Vec<_>, PackError>>()?;
    let kind_ids: Vec<String> = kinds.iter().map(|k| k.id.clone()).collect();
    let check_kinds = |list: &[String], pack: usize, owner: &str| -> Result<(), PackError> {
        for kind in list {
            if !kind_ids.contains(kind) {
                return Err(PackError::new(
                    packs[pack].locate_id(owner),
                    format!(
                        "`{owner}` names the document kind `{kind}`, which no `kinds:` entry defines (known: {})",
                        kind_ids.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    };

    let sections = merge_by_id(&packs, |p| &p.content.sections, |s| &s.id)
        .into_iter()
        .map(|(def, pack)| {
            check_kinds(&def.kinds, pack, &def.id)?;
            if def.headings.is_empty() {
                return Err(PackError::new(
                    packs[pack].locate_id(&def.id),
                    format!("`{}` needs at least one pattern in `headings`", def.id),
                ));
            }
            let alternatives = def
                .headings
                .iter()
                .map(|h| format!("(?:{h})"))
                .collect::<Vec<_>>()
                .join("|");
            // Headings may follow Markdown marks and a number, as the lexicon's
            // `heading_number` describes it (plain "1." or "1.2." without one).
            let number = if terms.contains_key("heading_number") {
                "{heading_number}"
            } else {
                r"\d+(?:\.\d+)*[.)]?"
            };
            let anchored = format!(r"^[\s*_#]*(?:{number}\s+)?(?:{alternatives})");
            let heading = compiler.regex(pack, &anchored).map_err(|error| {
                def.headings
                    .iter()
                    .find_map(|h| compiler.regex(pack, h).err())
                    .unwrap_or(error)
            })?;
            Ok(Section {
                id: def.id,
                name: def.name,
                kinds: def.kinds,
                heading,
                any_line: def.any_line,
                starts_question: def.starts_question,
            })
        })
        .collect::<Result<Vec<_>, PackError>>()?;
    let section_index = |id: &str, pack: usize, owner: &str| -> Result<usize, PackError> {
        sections.iter().position(|s| s.id == id).ok_or_else(|| {
            PackError::new(
                packs[pack].locate_id(owner),
                format!("`{owner}` names the section `{id}`, which no `sections:` entry defines"),
            )
        })
    };

    let columns = merge_by_id(&packs, |p| &p.content.columns, |c| &c.id)
        .into_iter()
        .map(|(def, pack)| {
            Ok(Column {
                header: compiler.required_any(pack, &def.headers, &def.id, "headers")?,
                id: def.id,
            })
        })
        .collect::<Result<Vec<_>, PackError>>()?;

    let deadline_words =
        |pack: usize, vague: &[String], recurring: &[String]| -> Result<DeadlineWords, PackError> {
            Ok(DeadlineWords {
                vague: compiler.any(pack, vague)?,
                recurring: compiler.any(pack, recurring)?,
            })
        };

    let fields = merge_by_id(&packs, |p| &p.content.fields, |f| &f.id)
        .into_iter()
        .map(|(def, pack)| {
            check_kinds(&def.kinds, pack, &def.id)?;
            let region = match (def.first_lines, def.last_lines, &def.section) {
                (None, None, None) => Region::Document,
                (Some(n), None, None) => Region::FirstLines(n),
                (None, Some(n), None) => Region::LastLines(n),
                (None, None, Some(section)) => Region::Section(section_index(section, pack, &def.id)?),
                _ => {
                    return Err(PackError::new(
                        packs[pack].locate_id(&def.id),
                        "a field takes one of `first_lines`, `last_lines` or `section`, not several",
                    ));
                }
            };
            let patterns = def
                .patterns
                .iter()
                .map(|p| match p {
                    PatternDef::Plain(pattern) => Ok(FieldPattern { regex: compiler.regex(pack, pattern)?, value: None }),
                    PatternDef::Valued { pattern, value } => {
                        Ok(FieldPattern { regex: compiler.regex(pack, pattern)?, value: Some(value.clone()) })
                    }
                })
                .collect::<Result<Vec<_>, PackError>>()?;
            if patterns.is_empty()
                && def.front_matter.is_empty()
                && !matches!(def.field_type, FieldType::Count | FieldType::Months)
            {
                return Err(PackError::new(
                    packs[pack].locate_id(&def.id),
                    format!("field `{}` has no `patterns` and no `front_matter` keys: nothing could fill it", def.id),
                ));
            }
            Ok(Field {
                header: def.header,
                margins: def.margins,
                deadline: deadline_words(pack, &def.vague, &def.recurring)?,
                id: def.id,
                name: def.name,
                kinds: def.kinds,
                field_type: def.field_type,
                front_matter: def.front_matter,
                patterns,
                region,
            })
        })
        .collect::<Result<Vec<_>, PackError>>()?;

    let items = merge_by_id(&packs, |p| &p.content.items, |i| &i.id)
        .into_iter()
        .map(|(def, pack)| {
            check_kinds(&def.kinds, pack, &def.id)?;
            let item_sections = def
                .sections
                .iter()
                .map(|s| section_index(s, pack, &def.id))
                .collect::<Result<Vec<_>, PackError>>()?;
            let classes = def
                .classes
                .iter()
                .map(|(name, patterns)| Ok((name.clone(), compiler.required_any(pack, patterns, &def.id, "classes")?)))
                .collect::<Result<Vec<_>, PackError>>()?;
            let item_fields = def
                .fields
                .iter()
                .map(|field| {
                    let column = match &field.column {
                        Some(id) => Some(columns.iter().position(|c| &c.id == id).ok_or_else(|| {
                            PackError::new(packs[pack].locate_id(&field.id), format!("item field `{}` names the column `{id}`, which no `columns:` entry defines", field.id))
                        })?),
                        None => None,
                    };
                    Ok(ItemField {
                        id: field.id.clone(),
                        name: field.name.clone(),
                        field_type: field.field_type,
                        column,
                        patterns: field.patterns.iter().map(|p| compiler.regex(pack, p)).collect::<Result<_, _>>()?,
                        deadline: deadline_words(pack, &field.vague, &field.recurring)?,
                    })
                })
                .collect::<Result<Vec<_>, PackError>>()?;
            Ok(ItemType {
                id: def.id,
                name: def.name,
                kinds: def.kinds,
                sections: item_sections,
                table_rows: def.table_rows,
                classes,
                fields: item_fields,
            })
        })
        .collect::<Result<Vec<_>, PackError>>()?;

    // A pack-level key naming a field (`date_field`, `year_field`): the last pack that sets it
    // wins, and it must name a field that exists.
    let pack_field =
        |key: &str, pick: fn(&PackMeta) -> Option<&String>| -> Result<Option<usize>, PackError> {
            packs
                .iter()
                .rev()
                .find_map(|p| pick(&p.meta).cloned())
                .map(|id| {
                    fields.iter().position(|f| f.id == id).ok_or_else(|| {
                        PackError::new(
                            packs[last].locate_text(key),
                            format!("`{key}: {id}` names no field"),
                        )
                    })
                })
                .transpose()
        };
    let date_field = pack_field("date_field", |meta| meta.date_field.as_ref())?;
    let year_field = pack_field("year_field", |meta| meta.year_field.as_ref())?;
    let session_kind = packs
        .iter()
        .rev()
        .find_map(|p| p.meta.session_kind.clone())
        .unwrap_or_else(|| "protocol".to_string());
    if !kind_ids.contains(&session_kind) {
        return Err(PackError::new(
            packs[last].locate_text("session_kind"),
            format!("`session_kind: {session_kind}` names no document kind"),
        ));
    }
    let mask: Vec<String> = packs
        .iter()
        .flat_map(|p| p.meta.mask.iter().cloned())
        .collect();
    let expanded_mask = mask
        .iter()
        .map(|m| {
            compiler
                .patterns
                .expand_raw(m)
                .map_err(|e| PackError::new(packs[last].locate_text(m), e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let masker = Masker::new(&expanded_mask).map_err(|e| {
        PackError::new(
            packs[last].locate_text("mask"),
            format!("invalid mask pattern: {e}"),
        )
    })?;

    let follow_ups = match packs
        .iter()
        .rev()
        .find_map(|p| p.content.follow_ups.clone())
    {
        Some(def) => {
            let pack = packs
                .iter()
                .rposition(|p| p.content.follow_ups.is_some())
                .unwrap_or(last);
            FollowUps {
                number: Some(
                    fields
                        .iter()
                        .position(|f| f.id == def.number_field)
                        .ok_or_else(|| {
                            PackError::new(
                                packs[pack].locate_text("number_field"),
                                format!(
                                    "`follow_ups.number_field: {}` names no field",
                                    def.number_field
                                ),
                            )
                        })?,
                ),
                references: def
                    .references
                    .iter()
                    .map(|p| {
                        let regex = compiler.regex(pack, p)?;
                        let has = |name: &str| regex.capture_names().flatten().any(|n| n == name);
                        if (has("item") || has("items")) && has("protocol") {
                            Ok(regex)
                        } else {
                            Err(PackError::new(
                                packs[pack].locate_text(p),
                                "a follow-up reference needs named groups `items` (or `item`) and `protocol`",
                            ))
                        }
                    })
                    .collect::<Result<_, _>>()?,
                closed: compiler.any(pack, &def.closed)?,
                kept: compiler.any(pack, &def.kept)?,
                extended: compiler.any(pack, &def.extended)?,
                executed: compiler.any(pack, &def.executed)?,
            }
        }
        None => FollowUps::default(),
    };
    let commissions = commission_names(&compiler, &packs)?;
    let categories = categories(&packs);
    let category_ids: Vec<String> = categories.iter().map(|c| c.id.clone()).collect();
    let context = RuleContext {
        compiler: &compiler,
        category_ids: &category_ids,
        kind_ids: &kind_ids,
        sections: &sections,
        fields: &fields,
        items: &items,
    };
    let mut rules: Vec<Rule> = Vec::new();
    let mut templates = minijinja::Environment::new();
    templates.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
    templates.add_filter("plural", plural);
    for (pack_index, pack) in packs.iter().enumerate() {
        for source in pack.rule_sources() {
            let origin = source.file.locate_id(&source.rule.id);
            let rule = context
                .rule(pack_index, source.namespace, source.rule, origin.clone())
                .map_err(|message| PackError::new(origin.clone(), message))?;
            for lang in Lang::ALL {
                for (part, text) in [
                    ("message", rule.message.get(lang)),
                    ("fix", rule.fix.get(lang)),
                ] {
                    templates
                        .add_template_owned(rule.template_name(part, lang), text.to_string())
                        .map_err(|e| {
                            PackError::new(origin.clone(), format!("{part}.{lang}: {e}"))
                        })?;
                }
            }
            if let Some(condition) = &source.rule.condition {
                templates
                    .add_template_owned(
                        rule.condition_name(),
                        format!("{{% if {condition} %}}1{{% endif %}}"),
                    )
                    .map_err(|e| PackError::new(origin.clone(), format!("condition: {e}")))?;
            }
            rules.retain(|earlier| earlier.id != rule.id);
            rules.push(rule);
        }
    }
    let section_headings =
        regex::RegexSetBuilder::new(sections.iter().map(|s| s.heading.for_set()))
            .multi_line(true)
            .size_limit(64 << 20)
            .build()
            .map_err(|e| {
                PackError::new(
                    packs[last].locate_text("sections:"),
                    format!("section headings: {e}"),
                )
            })?;
    let coverage = coverage(&packs, &rules)?;
    Ok(Pack {
        categories,
        coverage,
        section_headings,
        scoring: packs
            .iter()
            .rev()
            .find_map(|p| p.meta.scoring.clone())
            .unwrap_or_default(),
        session_kind,
        year_field,
        metas: packs.iter().map(|p| p.meta.clone()).collect(),
        date_field,
        calendar,
        kinds,
        sections,
        columns,
        fields,
        items,
        rules,
        follow_ups,
        commissions,
        masker,
        templates,
    })
}

/// The last pack's `commissions:` block, compiled; without one, only the front-matter keys.
fn commission_names(
    compiler: &Compiler<'_>,
    packs: &[LoadedPack],
) -> Result<CommissionNames, PackError> {
    let Some(pack) = packs.iter().rposition(|p| p.content.commissions.is_some()) else {
        let def = super::schema::CommissionsDef::default();
        return Ok(CommissionNames {
            front_matter: def.front_matter,
            first_lines: def.first_lines,
            ..CommissionNames::default()
        });
    };
    let def = packs[pack].content.commissions.clone().unwrap_or_default();
    let names = def
        .names
        .iter()
        .map(|name| {
            let regex = compiler.regex(pack, &name.pattern)?;
            if !regex.capture_names().flatten().any(|n| n == "place") {
                return Err(PackError::new(
                    packs[pack].locate_text(&name.pattern),
                    "a commission name pattern needs a named group `place`",
                ));
            }
            Ok(CommissionName {
                regex,
                name: name.name.clone(),
                lang: name.lang,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let ungrouped: Vec<String> = def
        .names
        .iter()
        .map(|name| name.pattern.replace("(?P<place>", "(?:"))
        .collect();
    let any_name = compiler.any(pack, &ungrouped)?;
    let letters = def
        .letters
        .iter()
        .map(|(from, to)| {
            let mut chars = from.chars();
            match (chars.next(), chars.next()) {
                (Some(letter), None) => Ok((letter, to.to_lowercase())),
                _ => Err(PackError::new(
                    packs[pack].locate_text("letters:"),
                    format!("`commissions.letters`: `{from}` is not one letter"),
                )),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut endings: Vec<String> = def.endings.iter().map(|e| e.to_lowercase()).collect();
    endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    Ok(CommissionNames {
        front_matter: def.front_matter,
        first_lines: def.first_lines.max(1),
        names,
        any_name,
        letters,
        endings,
    })
}

/// The category of a rule that names none.
pub const OTHER_CATEGORY: &str = "other";

/// Every pack's categories in order; a later pack's category with an earlier id replaces it.
fn categories(packs: &[LoadedPack]) -> Vec<Category> {
    let mut merged: Vec<Category> = Vec::new();
    for def in packs.iter().flat_map(|p| &p.meta.categories) {
        let category = Category {
            id: def.id.clone(),
            name: def.name.clone(),
        };
        match merged.iter_mut().find(|c| c.id == def.id) {
            Some(slot) => *slot = category,
            None => merged.push(category),
        }
    }
    merged
}

/// The coverage topics of the last pack that defines any, each tied to a compiled rule.
fn coverage(packs: &[LoadedPack], rules: &[Rule]) -> Result<Vec<Coverage>, PackError> {
    let Some(pack) = packs.iter().rev().find(|p| !p.meta.coverage.is_empty()) else {
        return Ok(Vec::new());
    };
    pack.meta
        .coverage
        .iter()
        .map(|def| {
            let id = format!("{}/{}", pack.meta.id, def.rule);
            if rules.iter().any(|r| r.id == id) {
                Ok(Coverage {
                    id: def.id.clone(),
                    name: def.name.clone(),
                    rule: id,
                })
            } else {
                Err(PackError::new(
                    pack.locate_text(&def.rule),
                    format!(
                        "coverage `{}` names the rule `{id}`, which no pack defines",
                        def.id
                    ),
                ))
            }
        })
        .collect()
}

struct RuleContext<'a> {
    compiler: &'a Compiler<'a>,
    category_ids: &'a [String],
    kind_ids: &'a [String],
    sections: &'a [Section],
    fields: &'a [Field],
    items: &'a [ItemType],
}

/// Rule kinds and the keys each one reads beyond the common ones.
const KINDS: &[(&str, &[&str])] = &[
    ("required-field", &["fields"]),
    ("required-section", &["sections"]),
    (
        "pattern",
        &[
            "scope", "section", "item", "lines", "when", "group", "require", "forbid", "text",
        ],
    ),
    ("item-field", &["item", "fields", "unless"]),
    ("condition", &["condition", "item", "unless", "at"]),
    (
        "topic-coverage",
        &[
            "scope",
            "section",
            "item",
            "lines",
            "when",
            "topics",
            "min_topics",
        ],
    ),
    ("items-answered", &["section", "answered_by"]),
    ("personal-id", &["scope", "section", "item", "lines"]),
    ("overdue-decision", &["item", "fields", "unless"]),
    ("session-gap", &[]),
    ("sessions-per-month", &[]),
    ("planned-sessions-held", &["section", "fields"]),
    ("protocol-numbering", &["fields"]),
    ("secretary-turnover", &["fields"]),
    ("plan-per-year", &["fields"]),
    ("duplicate-documents", &[]),
    ("copied-decisions", &["item", "unless"]),
    ("commission-name", &[]),
];

/// The kind-specific keys a rule sets, to refuse those its kind would ignore.
fn keys_set(rule: &RuleDef) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let mut note = |set: bool, key: &'static str| {
        if set {
            keys.push(key)
        }
    };
    note(!rule.fields.is_empty(), "fields");
    note(!rule.sections.is_empty(), "sections");
    note(rule.scope.is_some(), "scope");
    note(rule.section.is_some(), "section");
    note(rule.item.is_some(), "item");
    note(rule.lines.is_some(), "lines");
    note(!rule.when.is_empty(), "when");
    note(rule.group.is_some(), "group");
    note(!rule.require.is_empty(), "require");
    note(!rule.forbid.is_empty(), "forbid");
    note(rule.text.is_some(), "text");
    note(!rule.unless.is_empty(), "unless");
    note(rule.condition.is_some(), "condition");
    note(rule.at.is_some(), "at");
    note(!rule.topics.is_empty(), "topics");
    note(rule.min_topics.is_some(), "min_topics");
    note(rule.answered_by.is_some(), "answered_by");
    keys
}

impl RuleContext<'_> {
    fn section(&self, id: &str) -> Result<usize, String> {
        self.sections
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the section `{id}`, which no `sections:` entry defines"))
    }

    fn item(&self, id: &str) -> Result<usize, String> {
        self.items
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the item type `{id}`, which no `items:` entry defines"))
    }

    fn field(&self, id: &str) -> Result<usize, String> {
        self.fields
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the field `{id}`, which no `fields:` entry defines"))
    }

    fn regex(&self, pack: usize, patterns: &[String]) -> Result<Option<Regex>, String> {
        self.compiler.any(pack, patterns).map_err(|e| {
            format!(
                "{} (the pattern on line {}, column {})",
                e.message, e.origin.line, e.origin.column
            )
        })
    }

    fn source_regex(&self, patterns: &[String]) -> Result<Option<Regex>, String> {
        self.compiler
            .patterns
            .compile_any_source(patterns)
            .map_err(|e| format!("invalid pattern: {e}"))
    }

    fn scope(&self, rule: &RuleDef) -> Result<Scope, String> {
        let scope = rule.scope.as_deref().unwrap_or("document");
        let uses: &[&str] = match scope {
            "first-lines" | "last-lines" => &["lines"],
            "section" => &["section"],
            "question" => &["section"],
            "item" => &["item"],
            _ => &[],
        };
        for (key, set) in [
            ("section", rule.section.is_some()),
            ("item", rule.item.is_some()),
            ("lines", rule.lines.is_some()),
        ] {
            if set && !uses.contains(&key) {
                return Err(format!("`{key}` means nothing with `scope: {scope}`"));
            }
        }
        Ok(match scope {
            "document" => Scope::Document,
            "first-lines" => {
                Scope::FirstLines(rule.lines.ok_or("`scope: first-lines` needs `lines`")?)
            }
            "last-lines" => {
                Scope::LastLines(rule.lines.ok_or("`scope: last-lines` needs `lines`")?)
            }
            "section" => Scope::Section(
                self.section(
                    rule.section
                        .as_deref()
                        .ok_or("`scope: section` needs `section`")?,
                )?,
            ),
            "question" => Scope::Question(
                rule.section
                    .as_deref()
                    .map(|s| self.section(s))
                    .transpose()?,
            ),
            "item" => {
                Scope::Item(self.item(rule.item.as_deref().ok_or("`scope: item` needs `item`")?)?)
            }
            other => {
                return Err(format!(
                    "unknown scope `{other}` (document, first-lines, last-lines, section, question, item)"
                ));
            }
        })
    }

    fn rule(
        &self,
        pack: usize,
        namespace: &str,
        def: &RuleDef,
        origin: Origin,
    ) -> Result<Rule, String> {
        let prefix = format!("rule `{}`", def.id);
        let with_prefix = |e: String| format!("{prefix}: {e}");
        let Some((_, allowed)) = KINDS.iter().find(|(kind, _)| *kind == def.kind) else {
            return Err(with_prefix(format!(
                "unknown kind `{}` (one of: {})",
                def.kind,
                KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
            )));
        };
        if let Some(stray) = keys_set(def).into_iter().find(|key| !allowed.contains(key)) {
            return Err(with_prefix(format!(
                "`{stray}` means nothing to a rule of kind `{}`",
                def.kind
            )));
        }
        let severity = Severity::parse(&def.severity).ok_or_else(|| {
            with_prefix(format!(
                "severity `{}` is not one of error, warning, info",
                def.severity
            ))
        })?;
        for kind in &def.documents {
            if kind != ANY_DOCUMENT && !self.kind_ids.contains(kind) {
                return Err(with_prefix(format!(
                    "`documents` names `{kind}`, which no `kinds:` entry defines"
                )));
            }
        }
        let since = def
            .since
            .as_deref()
            .map(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d"))
            .transpose()
            .map_err(|e| with_prefix(format!("`since` must be a date like 2026-01-30: {e}")))?;
        let category = def
            .category
            .clone()
            .unwrap_or_else(|| OTHER_CATEGORY.into());
        if def.category.is_some() && !self.category_ids.contains(&category) {
            return Err(with_prefix(format!(
                "`category: {category}` is not one of the pack's categories ({})",
                self.category_ids.join(", ")
            )));
        }
        let check = self.check(pack, def).map_err(with_prefix)?;
        let params = minijinja::Value::from(minijinja::value::Serde(&def.params));
        Ok(Rule {
            id: format!("{namespace}/{}", def.id),
            kind: def.kind.clone(),
            severity,
            category,
            documents: def.documents.clone(),
            since,
            requirement: def.requirement.clone(),
            message: def.message.clone(),
            fix: def.fix.clone(),
            why: def.why.clone(),
            example: def.example.clone(),
            params,
            check,
            origin,
            enabled: true,
        })
    }

    fn check(&self, pack: usize, def: &RuleDef) -> Result<Check, String> {
        Ok(match def.kind.as_str() {
            "required-field" => Check::RequiredField {
                fields: non_empty(&def.fields, "fields")?
                    .iter()
                    .map(|f| self.field(f))
                    .collect::<Result<_, _>>()?,
            },
            "required-section" => Check::RequiredSection {
                sections: non_empty(&def.sections, "sections")?
                    .iter()
                    .map(|s| self.section(s))
                    .collect::<Result<_, _>>()?,
            },
            "pattern" => {
                if def.require.is_empty() == def.forbid.is_empty() {
                    return Err("a pattern rule takes either `require` or `forbid`".into());
                }
                let scope = self.scope(def)?;
                let group = match &def.group {
                    Some(pattern) => {
                        if !matches!(scope, Scope::Item(_)) {
                            return Err("`group` gathers items: it needs `scope: item`".into());
                        }
                        let regex = self.regex(pack, std::slice::from_ref(pattern))?;
                        if regex.as_ref().is_some_and(|r| {
                            !r.capture_names().flatten().any(|n| n.starts_with("key"))
                        }) {
                            return Err("`group` needs a named group `(?P<key>…)`".into());
                        }
                        regex
                    }
                    None => None,
                };
                let forbid = match def.text.as_deref() {
                    None | Some("folded") => self.regex(pack, &def.forbid)?.map(Forbid::Folded),
                    Some("source") if def.forbid.is_empty() => {
                        return Err("`text: source` applies to `forbid` only".into());
                    }
                    Some("source") => self.source_regex(&def.forbid)?.map(Forbid::Source),
                    Some(other) => {
                        return Err(format!("`text: {other}`: expected `folded` or `source`"));
                    }
                };
                Check::Pattern {
                    scope,
                    group,
                    when: self.regex(pack, &def.when)?,
                    require: self.regex(pack, &def.require)?,
                    forbid,
                }
            }
            "item-field" => {
                let item = self.item(def.item.as_deref().ok_or("needs `item`")?)?;
                let fields = non_empty(&def.fields, "fields")?
                    .iter()
                    .map(|f| {
                        self.items[item]
                            .fields
                            .iter()
                            .position(|x| &x.id == f)
                            .ok_or_else(|| {
                                format!("item `{}` has no field `{f}`", self.items[item].id)
                            })
                    })
                    .collect::<Result<_, _>>()?;
                Check::ItemField {
                    item,
                    fields,
                    unless: self.classes(item, &def.unless)?,
                }
            }
            "condition" => {
                def.condition.as_deref().ok_or("needs `condition`")?;
                let item = def.item.as_deref().map(|i| self.item(i)).transpose()?;
                let unless = match item {
                    Some(item) => self.classes(item, &def.unless)?,
                    None if def.unless.is_empty() => Vec::new(),
                    None => return Err("`unless` names item classes: it needs `item`".into()),
                };
                // `at` names where the finding points: a document field, or for item
                // conditions one of the item's fields.
                let at = match (item, def.at.as_deref()) {
                    (_, None) => None,
                    (None, Some(field)) => Some(self.field(field)?),
                    (Some(item), Some(field)) => Some(
                        self.items[item]
                            .fields
                            .iter()
                            .position(|x| x.id == field)
                            .ok_or_else(|| {
                                format!("item `{}` has no field `{field}`", self.items[item].id)
                            })?,
                    ),
                };
                Check::Condition { item, unless, at }
            }
            "topic-coverage" => {
                let topics = def
                    .topics
                    .iter()
                    .map(|t| {
                        Ok(Topic {
                            id: t.id.clone(),
                            name: t.name.clone(),
                            pattern: self
                                .regex(pack, &t.patterns)?
                                .ok_or_else(|| format!("topic `{}` has no patterns", t.id))?,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                if topics.is_empty() {
                    return Err("needs `topics`".into());
                }
                let min_topics = def.min_topics.unwrap_or(topics.len()).min(topics.len());
                Check::TopicCoverage {
                    scope: self.scope(def)?,
                    when: self.regex(pack, &def.when)?,
                    topics,
                    min_topics,
                }
            }
            "items-answered" => Check::ItemsAnswered {
                questions_in: self.section(
                    def.section
                        .as_deref()
                        .ok_or("needs `section` (where the questions are listed)")?,
                )?,
                answered_by: self
                    .section(def.answered_by.as_deref().ok_or("needs `answered_by`")?)?,
            },
            "personal-id" => Check::PersonalId {
                scope: self.scope(def)?,
            },
            corpus => Check::Corpus(self.corpus_check(corpus, def)?),
        })
    }

    fn item_field(&self, item: usize, id: &str) -> Result<usize, String> {
        self.items[item]
            .fields
            .iter()
            .position(|x| x.id == id)
            .ok_or_else(|| format!("item `{}` has no field `{id}`", self.items[item].id))
    }

    fn corpus_check(&self, kind: &str, def: &RuleDef) -> Result<CorpusCheck, String> {
        let params = Params(&def.params);
        let field = |position: usize| -> Result<usize, String> {
            let id = def.fields.get(position).ok_or("needs `fields`")?;
            self.field(id)
        };
        Ok(match kind {
            "overdue-decision" => {
                let item = self.item(def.item.as_deref().ok_or("needs `item`")?)?;
                let deadline = self.item_field(
                    item,
                    def.fields
                        .first()
                        .ok_or("needs `fields: [deadline field]`")?,
                )?;
                CorpusCheck::OverdueDecision {
                    item,
                    deadline,
                    unless: self.classes(item, &def.unless)?,
                    within_days: params.integer("within_days")?,
                }
            }
            "session-gap" => CorpusCheck::SessionGap {
                max_gap_days: params.integer("max_gap_days")?.unwrap_or(45),
            },
            "sessions-per-month" => CorpusCheck::SessionsPerMonth {
                min_per_month: params.integer("min_per_month")?.unwrap_or(1).max(0) as usize,
            },
            "planned-sessions-held" => CorpusCheck::PlannedSessionsHeld {
                section: self.section(def.section.as_deref().ok_or("needs `section`")?)?,
                year: field(0)?,
                sessions: params.kind("sessions", self.kind_ids)?,
            },
            "protocol-numbering" => CorpusCheck::ProtocolNumbering {
                number: field(0)?,
                record_start: params.boolean("record_start")?.unwrap_or(false),
            },
            "secretary-turnover" => CorpusCheck::SecretaryTurnover {
                secretary: field(0)?,
                max_secretaries: params.integer("max_secretaries")?.unwrap_or(2).max(1) as usize,
                window_days: params.integer("window_days")?.unwrap_or(365).max(1),
            },
            "plan-per-year" => CorpusCheck::PlanPerYear {
                year: field(0)?,
                approval: def.fields.get(1).map(|id| self.field(id)).transpose()?,
                sessions: params.kind("sessions", self.kind_ids)?,
            },
            "duplicate-documents" => CorpusCheck::DuplicateDocuments {
                threshold: params.number("threshold")?.unwrap_or(0.8).clamp(0.0, 1.0),
                shingle: params.integer("shingle")?.unwrap_or(4).clamp(1, 32) as usize,
                candidate: params.number("candidate")?.unwrap_or(0.3).clamp(0.0, 1.0),
                min_words: params.integer("min_words")?.unwrap_or(150).max(0) as usize,
            },
            "copied-decisions" => {
                let item = self.item(def.item.as_deref().ok_or("needs `item`")?)?;
                CorpusCheck::CopiedDecisions {
                    item,
                    unless: self.classes(item, &def.unless)?,
                    min_documents: params.integer("min_documents")?.unwrap_or(3).max(2) as usize,
                    min_chars: params.integer("min_chars")?.unwrap_or(40).max(0) as usize,
                }
            }
            "commission-name" => CorpusCheck::CommissionName,
            other => return Err(format!("unknown kind `{other}`")),
        })
    }

    fn classes(&self, item: usize, names: &[String]) -> Result<Vec<String>, String> {
        for name in names {
            if !self.items[item]
                .classes
                .iter()
                .any(|(class, _)| class == name)
            {
                return Err(format!(
                    "item `{}` has no class `{name}`",
                    self.items[item].id
                ));
            }
        }
        Ok(names.to_vec())
    }
}

fn non_empty<'a>(list: &'a [String], key: &str) -> Result<&'a [String], String> {
    if list.is_empty() {
        Err(format!("needs `{key}`"))
    } else {
        Ok(list)
    }
}

/// `{{ n | plural("заседание", "заседания", "заседаний") }}` picks the Russian form for n;
/// with two forms, `{{ n | plural("session", "sessions") }}`, the English one. Kazakh nouns stay
/// singular after a numeral and need no filter.
fn plural(n: i64, one: String, other: String, many: Option<String>) -> String {
    let n = n.unsigned_abs() as usize;
    match many {
        Some(many) => crate::messages::plural(Lang::Ru, n, [&one, &other, &many]).to_string(),
        None => crate::messages::plural(Lang::En, n, [&one, &other, &other]).to_string(),
    }
}

/// A rule's `params`, read with a clear error when a value has the wrong type.
struct Params<'a>(&'a BTreeMap<String, serde_yaml_ng::Value>);

impl Params<'_> {
    fn integer(&self, key: &str) -> Result<Option<i64>, String> {
        match self.0.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_i64()
                .map(Some)
                .ok_or_else(|| format!("`params.{key}` must be a whole number")),
        }
    }

    /// A document kind named in `params` (which documents are sessions); `protocol` by default.
    fn kind(&self, key: &str, known: &[String]) -> Result<String, String> {
        let kind = match self.0.get(key) {
            None => "protocol".to_string(),
            Some(value) => value
                .as_str()
                .ok_or_else(|| format!("`params.{key}` must name a document kind"))?
                .to_string(),
        };
        if known.contains(&kind) {
            Ok(kind)
        } else {
            Err(format!("`params.{key}: {kind}` names no document kind"))
        }
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, String> {
        match self.0.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| format!("`params.{key}` must be true or false")),
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, String> {
        match self.0.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_f64()
                .map(Some)
                .ok_or_else(|| format!("`params.{key}` must be a number")),
        }
    }
}
