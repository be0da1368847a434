//! The long help of each command (`hattama CMD --help`, `hattama help CMD`): what it does, then
//! examples and exit codes, as a manual page would. `-h` stays short: it shows the one-line
//! summaries from the doc comments in cli.rs.

pub const CHECK: &str = "\
Check documents and print the findings.

Each FILE is checked, and every .md, .markdown and .txt file below each folder (names starting
with `.` are skipped). hattama reads the document as it comes out of Word (no front matter
needed), finds its kind (protocol, work plan, composition order) and runs the rule pack's
document rules. Each finding gives file:line:column, the rule, what is wrong and required, the
line from the document (personal data masked) and how to fix it.

To accept a finding on purpose, put a comment on the line before it:
<!-- hattama-disable-next-line RULE -- reason -->. `hattama-disable RULE` … `hattama-enable`
covers a block and `hattama-disable-file RULE` the whole file.

In CI, --baseline FILE reports only findings not recorded in FILE (written by
--write-baseline), and --changed-since REV checks only the documents git reports as changed
since REV. docs/ci.md has workflows for GitHub Actions, GitLab CI and pre-commit.";

pub const CHECK_AFTER: &str = "\
Examples:
  hattama check protocol.md
  hattama check documents/ --lang kk --format concise
  hattama check documents/ --format sarif -o hattama.sarif
  hattama check documents/ --format csv -o findings.csv
  hattama check plan.txt --fail-level warning
  hattama check documents/ --write-baseline .hattama-baseline.json
  hattama check documents/ --baseline .hattama-baseline.json --changed-since origin/main

Exit codes:
  0  no findings at or above the fail level (--fail-level, default: error)
  1  findings at or above the fail level
  2  usage or configuration error: a bad option, a rule pack that cannot be loaded, a baseline
     that cannot be read, --changed-since without git, outside a repository or with a
     revision git does not know

A file that cannot be read (binary, too large, broken front matter) is a finding for that file,
not an error: the run goes on.";

pub const AUDIT: &str = "\
Audit every document below a folder: an oblast's districts, or one commission's years.

The document rules run on every file; then the corpus rules run across each commission's
documents: decisions whose deadline has passed with no later protocol closing them, decisions
due soon, gaps between sessions and months without one, planned sessions not held, gaps and
repeats in protocol numbering, secretary turnover, years without an approved plan, plans copied
from another district or year, decisions copied word for word into many protocols.

A document belongs to the commission its front matter names (`commission:`), else to the
deepest folder above it that is not a year; --commission-level N picks a fixed folder level.
The text report lists the findings about commissions (all with --details) and a table per
commission with the oblast totals; --format html writes one page with charts to send around,
markdown and csv tables to paste, json everything for other tools. -o FILE writes the report to
FILE, --template FILE renders it with your own minijinja template (docs/report.md).";

pub const AUDIT_AFTER: &str = "\
Examples:
  hattama audit oblast/ --as-of 2026-06-30
  hattama audit oblast/ --as-of 2026-06-30 --details --lang kk
  hattama audit oblast/ --as-of 2026-06-30 --format html -o audit.html
  hattama audit oblast/ --commission-level 1 --format json > audit.json
  hattama audit oblast/ --as-of 2026-06-30 --baseline .hattama-audit-baseline.json

Exit codes:
  0  no findings at or above the fail level (--fail-level, default: error)
  1  findings at or above the fail level
  2  usage or configuration error: a bad option, DIR not a folder, a rule pack that cannot be
     loaded, a baseline that cannot be read";

pub const GENERATE: &str = "\
Write a synthetic oblast: realistic protocols, work plans and composition orders in Kazakh,
Russian or both, as Word exports without front matter, in `district/year/` folders.

Unless --clean is given, defects of every kind are planted (a missing deadline, no quorum, an
unmasked ИИН, an overdue decision, a copied plan, …) and listed with their file and line in
OUT/ground-truth.json. The same seed gives the same files. For trials, tests and benchmarks.";

pub const GENERATE_AFTER: &str = "\
Examples:
  hattama generate /tmp/oblast
  hattama generate /tmp/oblast --districts 20 --years 2025,2026 --seed 7
  hattama generate /tmp/clean --clean
  hattama audit /tmp/oblast --as-of 2026-11-30

Exit codes:
  0  the corpus was written
  2  a bad option, or OUT cannot be written";

pub const BENCH: &str = "\
Time `hattama audit` on generated oblasts of several sizes, each in a child process: documents
and MB per second, peak memory, and how the time grows with the size.

The corpora are generated into --dir once and reused. Run it from a release build; a debug
build is many times slower.";

pub const BENCH_AFTER: &str = "\
Examples:
  cargo run --release -- bench
  hattama bench --sizes 1000,10000 --years 3 --dir /tmp/bench

Exit codes:
  0  the benchmark ran
  2  a bad option, or a corpus cannot be written or audited";

pub const COMPLETIONS: &str = "\
Print a completion script for a shell: commands, options and their values complete with Tab.";

pub const COMPLETIONS_AFTER: &str = "\
Examples:
  hattama completions bash > ~/.local/share/bash-completion/completions/hattama
  hattama completions zsh > ~/.zfunc/_hattama      # with fpath+=(~/.zfunc) in ~/.zshrc
  hattama completions fish > ~/.config/fish/completions/hattama.fish

Exit codes:
  0  the script was printed
  2  an unknown shell";

pub const INSPECT: &str = "\
Show what the rule pack reads in one document, before any rule runs: its kind, every field found
(with line:column and value), every section heading, the number of agenda questions, and every
decision or plan measure with its number, classes, responsible body and deadline.

When a rule fires or stays silent unexpectedly, look here first: most surprises are a field
read from the wrong line, a heading that was not recognised, or an item that swallowed the
next one.";

pub const INSPECT_AFTER: &str = "\
Examples:
  hattama inspect protocol.md
  hattama inspect plan.txt --lang en
  hattama inspect protocol.md --rules my-pack/

Exit codes:
  0  the document was shown
  2  the file cannot be read, or the rule pack cannot be loaded";

pub const RULES: &str = "\
List the loaded rule packs and their rules: id, severity, the document kinds each applies to,
and its message. `hattama explain RULE` tells more about one.";

pub const RULES_AFTER: &str = "\
Examples:
  hattama rules
  hattama rules --lang kk
  hattama rules --rules my-pack/ --lang en

Exit codes:
  0  the rules were listed
  2  the rule pack cannot be loaded";

pub const EXPLAIN: &str = "\
Explain one rule: what it checks, why it matters, how to fix a finding, an example that passes,
the documents it applies to, the requirement it enforces and its parameters.";

pub const EXPLAIN_AFTER: &str = "\
Examples:
  hattama explain decision-deadline
  hattama explain kz-kdn/quorum --lang en
  hattama explain quorum-two-thirds --rules my-pack/

Exit codes:
  0  the rule was explained
  2  no such rule, or the rule pack cannot be loaded";

pub const TEST_RULES: &str = "\
Test the rule pack on documents that state the findings they must produce, in HTML comments:

  text <!-- expect: decision-deadline -->   a finding of the rule on this line
  <!-- expect: quorum -->                   on a line of its own: on the next line with text
  <!-- expect-file: plan-year -->           anywhere in the file (findings about the document)

A comment may list several rules (commas or spaces), with or without the pack prefix; the
engine's own rules are named in full (hattama/unused-suppression). Each document is checked
with its expect comments taken out, so the rules never see them. Every finding must be expected
and every expectation found: the report lists `path:line: missed RULE` and
`path:line: unexpected RULE: message`, then a summary. docs/rules.md, \"Testing a pack\", has more.";

pub const TEST_RULES_AFTER: &str = "\
Examples:
  hattama test-rules fixtures/rules/kz-kdn --as-of 2026-11-22
  hattama test-rules my-pack-tests/ --rules my-pack/ --no-default-rules

Exit codes:
  0  every expectation met and nothing unexpected
  1  a finding missed or unexpected, or an expect comment that cannot be read
  2  usage or configuration error: a rule pack that cannot be loaded, no documents to test";
