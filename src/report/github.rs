//! GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
//! which GitHub shows as an annotation on the pull request.

use crate::engine::Outcome;
use crate::finding::Severity;
use crate::lang::Lang;
use crate::privacy::Masked;
use crate::report::fingerprint::uri_path;
use std::io::Write;

pub fn render(outcome: &Masked<Outcome>, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    for finding in &outcome.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(fix) = &finding.fix {
            message.push('\n');
            message.push_str(super::labels::label(lang, "fix"));
            message.push_str(": ");
            message.push_str(fix);
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&uri_path(&finding.path)),
            finding.start.line,
            finding.start.column,
            finding.end.line,
            finding.end.column,
            property(&finding.rule),
            data(&message),
        )?;
    }
    Ok(())
}

/// The message after `::`, escaped as the Actions runner expects.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value (`file=…`), which also may not contain `:` or `,`.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_github_requires() {
        assert_eq!(data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
        assert_eq!(property("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A");
    }
}
