//! Compiles layered packs into one [`Pack`]: definitions merged by id (a later pack's wins),
//! every pattern compiled, every reference resolved, every rule checked for the keys its kind
//! needs. Everything that can be wrong with a pack is found here, before any document is read.

use super::LazyRegex as Regex;
use super::kind::{Compiled, KindCompiler, RuleContext};
use super::load::{LoadedPack, Origin, PackError};
use super::model::*;
use super::patterns::PatternCompiler;
use super::schema::{FieldType, PackMeta, PatternDef, RuleDef};
use crate::calendar::{CalendarWords, DateParser};
use crate::finding::Severity;
use crate::lang::Lang;
use crate::matcher::LineStartSet;
use crate::privacy::Masker;
use std::collections::BTreeMap;
use std::collections::HashMap;

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

    /// `pattern` compiled, if it has the named groups `has_groups` asks for (given a test of
    /// one name). A pack known to be valid is not checked: telling the groups means parsing
    /// the pattern and grafting the date grammar into it, 1% of checking one protocol and 5% of
    /// checking an empty file, for patterns that `check` may never use.
    fn regex_with_groups(
        &self,
        pack: usize,
        pattern: &str,
        has_groups: impl Fn(&dyn Fn(&str) -> bool) -> bool,
        problem: &str,
    ) -> Result<Regex, PackError> {
        let regex = self.regex(pack, pattern)?;
        if self.patterns.defers_checks() {
            return Ok(regex);
        }
        let has = |name: &str| regex.capture_names().flatten().any(|n| n == name);
        if has_groups(&has) {
            Ok(regex)
        } else {
            Err(PackError::new(
                self.packs[pack].locate_text(pattern),
                problem,
            ))
        }
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

/// Compiles the packs, and each rule's kind with `kinds`: the pack, and each compiled rule
/// with its index in the pack's rules.
pub fn compile<K: KindCompiler>(
    packs: Vec<LoadedPack>,
    kind_compiler: &K,
) -> Result<Compiled<K::Check>, PackError> {
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
    // The built-in pack's patterns and words are checked by its tests; checking them again at
    // every start cost more than checking a document.
    let known_valid = packs.iter().all(|pack| pack.known_valid);
    let parser = if known_valid {
        DateParser::known_valid
    } else {
        DateParser::new
    };
    let calendar = parser(&CalendarWords {
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
    let patterns = if known_valid {
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
    let masker = if known_valid {
        Masker::known_valid(&expanded_mask)
    } else {
        Masker::new(&expanded_mask).map_err(|e| {
            PackError::new(
                packs[last].locate_text("mask"),
                format!("invalid mask pattern: {e}"),
            )
        })?
    };

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
                        compiler.regex_with_groups(
                            pack,
                            p,
                            |has| (has("item") || has("items")) && has("protocol"),
                            "a follow-up reference needs named groups `items` (or `item`) and `protocol`",
                        )
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
    let mut rules: Vec<(Rule, Option<K::Check>)> = Vec::new();
    let mut templates = minijinja::Environment::new();
    templates.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
    templates.add_filter("plural", plural);
    templates.add_filter("date", crate::calendar::show_iso_day);
    // A pack from the user has its messages compiled now, so that an error in one names its
    // file. The built-in pack's are known to compile (a test compiles that pack as a user's),
    // and are compiled when a finding first needs one: a run renders a few of some three
    // hundred, and compiling them all was 3% of checking one protocol. The later definition of
    // a name wins either way, as when every template was added here.
    let mut deferred_templates: HashMap<String, String> = HashMap::new();
    for pack in &packs {
        for source in pack.rule_sources() {
            // Where the rule is written is looked up only for an error: a search of its file
            // for every rule of a pack that loads cleanly was 1% of checking one protocol.
            let origin = || source.file.locate_id(&source.rule.id);
            let at = |message: String| {
                PackError::new(origin(), format!("rule `{}`: {message}", source.rule.id))
            };
            let rule = rule(source.rule, source.namespace, &kind_ids, &category_ids).map_err(at)?;
            let check = kind_compiler
                .compile(&RuleContext {
                    rule: &rule,
                    source: pack,
                    params: &source.rule.params,
                    patterns: &compiler.patterns,
                    kind_ids: &kind_ids,
                    sections: &sections,
                    fields: &fields,
                    items: &items,
                })
                .map_err(at)?;
            for lang in Lang::ALL {
                for (part, text) in [
                    ("message", rule.message.get(lang)),
                    ("fix", rule.fix.get(lang)),
                ] {
                    let name = rule.template_name(part, lang);
                    if pack.known_valid {
                        templates.remove_template(&name);
                        deferred_templates.insert(name, text.to_string());
                        continue;
                    }
                    deferred_templates.remove(&name);
                    templates
                        .add_template_owned(name, text.to_string())
                        .map_err(|e| PackError::new(origin(), format!("{part}.{lang}: {e}")))?;
                }
            }
            rules.retain(|(earlier, _)| earlier.id != rule.id);
            rules.push((rule, check));
        }
    }
    templates.set_loader(move |name| Ok(deferred_templates.get(name).cloned()));
    let mut checks = Vec::new();
    let rules: Vec<Rule> = rules
        .into_iter()
        .enumerate()
        .map(|(index, (rule, check))| {
            checks.extend(check.map(|check| (index, check)));
            rule
        })
        .collect();
    let headings: Vec<&regex_syntax::hir::Hir> =
        sections.iter().map(|s| s.heading.tree()).collect();
    let section_headings = LineStartSet::build(&headings, 64 << 20).map_err(|e| {
        PackError::new(
            packs[last].locate_text("sections:"),
            format!("section headings: {e}"),
        )
    })?;
    let coverage = coverage(&packs, &rules)?;
    let responsible = packs
        .iter()
        .rev()
        .find_map(|p| p.meta.responsible.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|id| {
            fields.iter().position(|f| f.id == id).ok_or_else(|| {
                PackError::new(
                    packs[last].locate_text("responsible"),
                    format!("`responsible` names `{id}`, which is no field"),
                )
            })
        })
        .collect::<Result<Vec<usize>, PackError>>()?;
    let pack = Pack {
        categories,
        coverage,
        section_headings,
        scoring: packs
            .iter()
            .rev()
            .find_map(|p| p.meta.scoring.clone())
            .unwrap_or_default(),
        session_kind,
        responsible,
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
    };
    Ok(Compiled {
        pack,
        rules: checks,
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
            let regex = compiler.regex_with_groups(
                pack,
                &name.pattern,
                |has| has("place"),
                "a commission name pattern needs a named group `place`",
            )?;
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

/// A rule's common keys checked and compiled; its kind's keys are compiled by a
/// [`KindCompiler`].
fn rule(
    def: &RuleDef,
    namespace: &str,
    kind_ids: &[String],
    category_ids: &[String],
) -> Result<Rule, String> {
    let severity = Severity::parse(&def.severity).ok_or_else(|| {
        format!(
            "severity `{}` is not one of error, warning, info",
            def.severity
        )
    })?;
    for kind in &def.documents {
        if kind != ANY_DOCUMENT && !kind_ids.contains(kind) {
            return Err(format!(
                "`documents` names `{kind}`, which no `kinds:` entry defines"
            ));
        }
    }
    let since = def
        .since
        .as_deref()
        .map(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .transpose()
        .map_err(|e| format!("`since` must be a date like 2026-01-30: {e}"))?;
    let category = def
        .category
        .clone()
        .unwrap_or_else(|| OTHER_CATEGORY.into());
    if def.category.is_some() && !category_ids.contains(&category) {
        return Err(format!(
            "`category: {category}` is not one of the pack's categories ({})",
            category_ids.join(", ")
        ));
    }
    Ok(Rule {
        id: format!("{namespace}/{}", def.id),
        kind: def.kind.clone(),
        severity,
        category,
        documents: def.documents.clone(),
        since,
        requirement: def.requirement.clone(),
        basis: def.basis.clone(),
        message: def.message.clone(),
        fix: def.fix.clone(),
        why: def.why.clone(),
        example: def.example.clone(),
        params: minijinja::Value::from(minijinja::value::Serde(&def.params)),
        role: Role::default(),
        keys: def.keys.clone(),
        enabled: true,
    })
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
