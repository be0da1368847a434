//! Section headings, however Word users set them, and the agenda questions they group into.

use super::{Question, SectionHit};
use crate::pack::Pack;
use crate::parse::{Document, Line};

/// Words between the heading word and its colon, as in "СЛУШАЛИ по первому вопросу:".
const MAX_WORDS_BEFORE_COLON: usize = 6;

pub fn find(
    document: &Document,
    pack: &Pack,
    applies: &dyn Fn(&[String]) -> bool,
) -> Vec<SectionHit> {
    let mut hits: Vec<SectionHit> = Vec::new();
    let mut scratch = pack.section_headings.scratch();
    for (index, line) in document.lines.iter().enumerate() {
        if line.row.is_some() {
            continue;
        }
        // One pass over the line for all headings; the exact match only for those that hit.
        let found = pack
            .section_headings
            .matching_into(line.text(), &mut scratch)
            .map(|section_index| (section_index, &pack.sections[section_index]))
            .find_map(|(section_index, section)| {
                if !applies(&section.kinds) {
                    return None;
                }
                let end = section.heading.end_of_first(line.text())?;
                let is_heading = section.any_line || is_set_as_heading(document, line, end);
                is_heading.then(|| (section_index, content_start(line.text(), end)))
            });
        if let Some((section, content_from)) = found {
            if let Some(previous) = hits.last_mut() {
                previous.lines.end = index;
            }
            hits.push(SectionHit {
                section,
                lines: index..document.lines.len(),
                content_from,
            });
        }
    }
    hits
}

/// A heading stands alone, ends in a colon, is set bold, as a Markdown heading or in capitals.
fn is_set_as_heading(document: &Document, line: &Line, end: usize) -> bool {
    if line.style.looks_like_heading() {
        return true;
    }
    let rest = line.text()[end..].trim_start();
    if rest.is_empty() || rest.starts_with([':', '-']) {
        return true;
    }
    if let Some(colon) = rest.find(':')
        && rest[..colon].split_whitespace().count() <= MAX_WORDS_BEFORE_COLON
    {
        return true;
    }
    // The heading words typed in capitals inside a longer line ("СЛУШАЛИ Иванову А.").
    let source = document
        .source
        .get(line.folded.source_range(0..end))
        .unwrap_or("");
    crate::parse::is_caps(source)
}

/// Skips a colon or dash after the heading words.
fn content_start(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', ':', '-', '*', '_']);
    end + (rest.len() - trimmed.len())
}

/// Splits the document into agenda questions at each `starts_question` heading. A numbered
/// title right above the heading ("2. О летнем отдыхе детей") belongs to its question.
pub fn questions(document: &Document, pack: &Pack, hits: &[SectionHit]) -> Vec<Question> {
    let starts_question = |hit: &&SectionHit| pack.sections[hit.section].starts_question;
    let first_question = hits.iter().find(starts_question).map(|h| h.lines.start);
    // The header's sections (attendance, agenda) end where the first question starts: the
    // agenda's last numbered entry is not the first question's title.
    let in_header = |line: usize| {
        hits.iter().any(|h| {
            first_question.is_some_and(|first| h.lines.start < first) && h.lines.contains(&line)
        })
    };
    let starts: Vec<usize> = hits
        .iter()
        .filter(starts_question)
        .map(|hit| {
            let at = hit.lines.start;
            let title_above = at > 0
                && !hits.iter().any(|h| h.lines.start == at - 1)
                && !in_header(at - 1)
                && is_question_title(&document.lines[at - 1]);
            if title_above { at - 1 } else { at }
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| Question {
            lines: start..starts.get(i + 1).copied().unwrap_or(document.lines.len()),
        })
        .collect()
}

/// A question title is numbered with a single number ("2.", "2)") or set as a heading.
fn is_question_title(line: &Line) -> bool {
    if line.row.is_some() {
        return false;
    }
    if line.style.looks_like_heading() {
        return true;
    }
    if let Some(number) = &line.style.list_number {
        return !number.contains('.');
    }
    let text = line.text().trim_start();
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && digits <= 2
        && text[digits..].starts_with(['.', ')'])
        && !text[digits + 1..].starts_with(|c: char| c.is_ascii_digit())
}
