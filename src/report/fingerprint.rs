//! Fingerprints that follow a finding when lines are added or removed above it: a hash of the
//! rule, the path and the (masked) text of the line, not of the line number. SARIF and GitLab
//! use the same ones, so a finding keeps its identity across both.

use crate::finding::Finding;
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// One fingerprint per finding, in order. A finding without a line of text is keyed on its
/// message; a second finding with the same key in the same run gets the occurrence number
/// mixed in, so distinct findings never share a fingerprint.
pub fn fingerprints(findings: &[Finding]) -> Vec<String> {
    keyed(findings.iter().map(|finding| {
        let text = finding.snippet.as_deref().unwrap_or(&finding.message);
        (finding.rule.as_str(), uri_path(&finding.path), text)
    }))
}

/// The fingerprints of findings given as (rule, path with `/` between its parts, text), in
/// order: for a comparison that keys findings on their path below the audited folder rather
/// than as the run named it.
pub fn keyed<'a>(findings: impl Iterator<Item = (&'a str, String, &'a str)>) -> Vec<String> {
    let mut seen: HashMap<u64, u64> = HashMap::new();
    findings
        .map(|(rule, path, text)| {
            let key = hash(&[rule, &path, text.trim()]);
            let occurrence = seen.entry(key).or_insert(0);
            let value = if *occurrence == 0 {
                key
            } else {
                hash(&[&key.to_string(), &occurrence.to_string()])
            };
            *occurrence += 1;
            format!("{value:016x}")
        })
        .collect()
}

fn hash(parts: &[&str]) -> u64 {
    let mut bytes = Vec::new();
    for part in parts {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    xxh3_64(&bytes)
}

/// The path with `/` between its parts, whatever the platform wrote.
pub fn uri_path(path: &str) -> String {
    path.replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: u32, snippet: &str) -> Finding {
        crate::finding::sample("a/b.txt", line, snippet)
    }

    #[test]
    fn a_finding_keeps_its_fingerprint_when_lines_shift() {
        let before = fingerprints(&[finding(10, "2.2. Решение")]);
        let after = fingerprints(&[finding(14, "2.2. Решение")]);
        assert_eq!(before, after);
        assert_ne!(before, fingerprints(&[finding(10, "2.3. Другое")]));
    }

    #[test]
    fn repeated_findings_get_distinct_fingerprints() {
        let prints = fingerprints(&[finding(1, "same"), finding(2, "same")]);
        assert_ne!(prints[0], prints[1]);
    }
}
