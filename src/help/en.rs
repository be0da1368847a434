//! The help in English: the texts every translation follows. The short help of each command and
//! argument is one line without a final full stop; `long` adds paragraphs for `--help`.

use super::{Flags, Headings, Help, Page, Specs, Texts, help};

pub const TEXTS: Texts = Texts {
    headings: Headings {
        usage: "Usage",
        arguments: "Arguments",
        options: "Options",
        commands: "Commands",
    },
    flags: Flags {
        help: "Print help",
        help_summary: "Print help (see more with '--help')",
        help_manual: "Print help (see a summary with '-h')",
        version: "Print version",
    },
    specs: Specs {
        default: "default",
        values: "possible values",
        values_heading: "Possible values",
    },
    hattama: Page {
        about: "Checks the protocols, work plans and composition orders of commissions on minors' affairs (КДН) against the rule pack.",
        long_about: "",
        after: "\
Examples:
  hattama check protocol.md
  hattama check fixtures/check --lang kk
  hattama check docs/ --format json --as-of 2026-11-30
  hattama explain decision-deadline --lang ru

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage, configuration or rule-pack error.",
        args: &[],
    },
    commands: &[
        (
            "check",
            Page {
                about: "Check documents (.md, .txt; folders are walked) and print the findings",
                long_about: "\
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
since REV. docs/ci.md has workflows for GitHub Actions, GitLab CI and pre-commit.",
                after: "\
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
  2  usage or configuration error: a bad option, a path that does not exist or is a pipe or
     device, -o or --write-baseline naming a document being checked, a rule pack that cannot
     be loaded, a baseline that cannot be read, --changed-since without git, outside a
     repository or with a revision git does not know

A file in a folder that cannot be read (binary, too large, a pipe or device, broken front
matter) is a finding for that file, not an error: the run goes on.",
                args: &[
                    ("paths", help("Files or folders to check")),
                    ("changed_since", Help {
                            short: "Check only the documents changed since this git revision",
                            long: "Check only the documents changed since this git revision.

Changed: committed since REV, staged or modified (`git diff --name-only REV`), or new and not ignored (`git ls-files --others --exclude-standard`); deleted files are skipped. Only those below the paths given are checked. Needs git; on a pull request, use the merge base: `--changed-since \"$(git merge-base origin/main HEAD)\"`. A baseline is written from a full run, so this does not go with --write-baseline.",
                        }),
                ],
            },
        ),
        (
            "audit",
            Page {
                about: "Audit every document below a folder (an oblast's districts): document rules, then follow-ups, session cadence, numbering, secretaries, plans and copies per commission",
                long_about: "\
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
FILE, --template FILE renders it with your own minijinja template (docs/report.md).",
                after: "\
Examples:
  hattama audit oblast/ --as-of 2026-06-30
  hattama audit oblast/ --as-of 2026-06-30 --details --lang kk
  hattama audit oblast/ --as-of 2026-06-30 --format html -o audit.html
  hattama audit oblast/ --commission-level 1 --format json > audit.json
  hattama audit oblast/ --as-of 2026-06-30 --baseline .hattama-audit-baseline.json
  hattama audit oblast/ --as-of 2026-12-31 --compare audit-2026-11.json --format json -o audit-2026-12.json
  hattama audit oblast/ --as-of 2026-12-31 --split-by commission --format html -o districts/
  hattama audit oblast/ --as-of 2026-12-31 --history audits/ --compare audits/2026-11-30.json --format html -o audit.html

Exit codes:
  0  no findings at or above the fail level (--fail-level, default: error)
  1  findings at or above the fail level
  2  usage or configuration error: a bad option, DIR not a folder, a rule pack that cannot be
     loaded, a baseline that cannot be read",
                args: &[
                    ("dir", help("The folder to audit, e.g. `oblast/` holding `district/year/…` folders")),
                    ("as_of", help("The audit day: deadlines and session gaps are counted up to it (default: today)")),
                    ("commission_level", help("Which folder level below DIR names the commission (1 = the first); default: the deepest folder above each file that is not a year")),
                    ("compare", help("The JSON report of an earlier audit (--format json): show what changed since, per commission and for the oblast: score, new and resolved findings, decisions fallen overdue and closed, sessions held")),
                    ("split_by", help("A report for each commission (in the -o DIR folder, named after it): only its findings and the oblast's table of commissions, no document of another district")),
                    ("history", help("A folder of earlier audits' JSON reports: each commission's and the oblast's score and overdue decisions over the audits (in HTML, a small chart)")),
                    ("details", help("Text format: print every finding, not only those about the commissions as a whole")),
                    ("quiet", help("No progress bar on the terminal")),
                ],
            },
        ),
        (
            "completions",
            Page {
                about: "Print a shell completion script: `hattama completions bash > /etc/bash_completion.d/hattama`",
                long_about: "\
Print a completion script for a shell: commands, options and their values complete with Tab.",
                after: "\
Examples:
  hattama completions bash > ~/.local/share/bash-completion/completions/hattama
  hattama completions zsh > ~/.zfunc/_hattama      # with fpath+=(~/.zfunc) in ~/.zshrc
  hattama completions fish > ~/.config/fish/completions/hattama.fish

Exit codes:
  0  the script was printed
  2  an unknown shell",
                args: &[
                    ("shell", help("The shell to write the script for")),
                ],
            },
        ),
        (
            "inspect",
            Page {
                about: "Show what the rule pack reads in a document: kind, fields, sections, decisions, measures",
                long_about: "\
Show what the rule pack reads in one document, before any rule runs: its kind and what decided it
(the front matter, or the title line and the other signs weighed: an approval stamp, a table of
measures, the headings of a session), every field found (with line:column and value), every
section heading, the number of agenda questions, and every decision or plan measure with its
number, classes, responsible body and deadline (and what the deadline is: a date, a period, a
recurrence or vague). Everything is named in the language of the run, and personal data is masked
as in every report.

When a rule fires or stays silent unexpectedly, look here first: most surprises are a field
read from the wrong line, a heading that was not recognised, or an item that swallowed the
next one.",
                after: "\
Examples:
  hattama inspect protocol.md
  hattama inspect plan.txt --lang en
  hattama inspect protocol.md --rules my-pack/

Exit codes:
  0  the document was shown
  2  the file cannot be read, or the rule pack cannot be loaded",
                args: &[
                    ("file", help("The document to show")),
                ],
            },
        ),
        (
            "rules",
            Page {
                about: "List the rules of the loaded packs",
                long_about: "\
List the loaded rule packs and their rules: id, severity, the document kinds each applies to,
and its message. `hattama explain RULE` tells more about one.",
                after: "\
Examples:
  hattama rules
  hattama rules --lang kk
  hattama rules --rules my-pack/ --lang en

Exit codes:
  0  the rules were listed
  2  the rule pack cannot be loaded",
                args: &[],
            },
        ),
        (
            "explain",
            Page {
                about: "Explain one rule: what it checks, why, how to fix, an example",
                long_about: "\
Explain one rule: what it checks, why it matters, how to fix a finding, an example that passes,
the documents it applies to, the requirement it enforces and its parameters.",
                after: "\
Examples:
  hattama explain decision-deadline
  hattama explain kz-kdn/quorum --lang en
  hattama explain quorum-two-thirds --rules my-pack/

Exit codes:
  0  the rule was explained
  2  no such rule, or the rule pack cannot be loaded",
                args: &[
                    ("rule", help("Rule id, with or without the pack prefix (`decision-deadline` or `kz-kdn/decision-deadline`)")),
                ],
            },
        ),
        (
            "config",
            Page {
                about: "Show the configuration in effect (hattama.yml found from the working folder upward, or --config), after checking it against the loaded rule packs",
                long_about: "",
                after: "",
                args: &[
                    ("show", help("Print the configuration in effect as YAML (the default)")),
                    ("path", help("Print the path of the configuration file (exit code 1 when there is none)")),
                ],
            },
        ),
        (
            "test-rules",
            Page {
                about: "Test the rule pack on documents annotated with the findings they must produce",
                long_about: "\
Test the rule pack on documents that state the findings they must produce, in HTML comments:

  text <!-- expect: decision-deadline -->   a finding of the rule on this line
  <!-- expect: quorum -->                   on a line of its own: on the next line with text
  <!-- expect-file: plan-year -->           anywhere in the file (findings about the document)

A comment may list several rules (commas or spaces), with or without the pack prefix; the
engine's own rules are named in full (hattama/unused-suppression). Each document is checked
with its expect comments taken out, so the rules never see them. Every finding must be expected
and every expectation found: the report lists `path:line: missed RULE` and
`path:line: unexpected RULE: message`, then a summary. docs/rules.md, \"Testing a pack\", has more.",
                after: "\
Examples:
  hattama test-rules fixtures/rules/kz-kdn --as-of 2026-11-22
  hattama test-rules my-pack-tests/ --rules my-pack/ --no-default-rules

Exit codes:
  0  every expectation met and nothing unexpected
  1  a finding missed or unexpected, or an expect comment that cannot be read
  2  usage or configuration error: a rule pack that cannot be loaded, no documents to test",
                args: &[
                    ("paths", help("Folders (or files) of annotated documents")),
                ],
            },
        ),
        (
            "serve",
            Page {
                about: "Open the self-check page in the browser: drop a protocol, see every problem in its text",
                long_about: "\
Start a small web server on this computer and print the address of its page. On the page, a
secretary drops one or more documents (Word .docx, Markdown .md, text .txt) or pastes a text,
and sees every finding in the document's text, coloured by severity, with the list of findings
in document order: what is wrong and how to fix it. Clicking a finding scrolls to its place.
The language switch (kk, ru, en) changes the page and the findings; the report can be
downloaded as JSON or HTML. The page needs nothing from the internet. Given a folder (DIR), the
page also has the folder's audit report (/audit), where every document's name opens it with its
findings in place.

Documents stay on this computer: each is held in memory while it is checked, never written to
disk and never logged. By default the server listens only on this computer (127.0.0.1); making
it reachable from others needs --allow-remote, and documents then cross the network.

The page uses an HTTP API that other programs can use too: POST /api/check (the document as
the request body; ?lang=, ?as_of=, ?name= for the file's extension, ?format=json|html) returns
the report as `check --format json` writes it; it is described at /api/openapi.json. A document
may be at most 16 MiB; four are checked at once, each within 30 seconds.",
                after: "\
Examples:
  hattama serve --open
  hattama serve --port 8080 --lang kk
  hattama serve oblast-archive/ --open
  hattama serve --rules oblast-pack/ --as-of 2026-11-30

Exit codes:
  0  the server was stopped
  2  the address cannot be used, or the rule pack cannot be loaded",
                args: &[
                    ("dir", help("A folder to audit: the page then shows its audit report, every document opening with its findings in place")),
                    ("commission_level", help("As for audit: the folder level that is a commission (1 = the first below DIR)")),
                    ("port", help("The port to listen on (default: a free one, printed at start)")),
                    ("bind", help("The address to listen on (default: 127.0.0.1, this computer only)")),
                    ("allow_remote", help("Allow an address other computers can reach: documents will cross the network")),
                    ("open", help("Open the page in the browser")),
                    ("as_of", help("The day date-relative rules count from until the page changes it (default: today)")),
                ],
            },
        ),
        (
            "help",
            Page {
                about: "Print this help, or the manual of a command",
                long_about: "",
                after: "",
                args: &[
                    ("command", help("The command whose manual to print")),
                    ("lang", help("Language of the manual: kk, ru or en")),
                ],
            },
        ),
    ],
    args: &[
        ("lang", help("Language of messages: kk, ru or en (default: hattama.yml's, else the locale's, else ru)")),
        ("rules", help("A rule pack folder to add; a pack with the id of an earlier one replaces it. Repeatable")),
        ("no_default_rules", help("Do not load the built-in pack (use only --rules)")),
        ("config", help("The configuration file to use instead of the hattama.yml found from the working folder upward")),
        ("no_config", help("Use no configuration file")),
        ("format", help("Output format")),
        ("template", help("Render with this minijinja template instead of the format's own (text, concise, markdown, html, csv, json; see docs/report.md for what a template can use)")),
        ("output", help("Write the report to FILE instead of standard output")),
        ("fail_level", help("The lowest severity that makes the exit code 1 (default: hattama.yml's, else error)")),
        ("as_of", help("The day date-relative rules count from (YYYY-MM-DD or DD.MM.YYYY); default: today")),
        ("baseline", Help {
            short: "Report only the findings not recorded in this baseline file (see --write-baseline)",
            long: "Report only the findings not recorded in this baseline file (see --write-baseline).

Findings match on rule, path and the text of their line, so lines added elsewhere do not make them new; how many were hidden is said on stderr. Run from the same folder, with the same paths, as when the baseline was written.",
        }),
        ("write_baseline", Help {
            short: "Record the current findings in FILE as the accepted baseline, print no report, exit 0",
            long: "Record the current findings in FILE as the accepted baseline, print no report, exit 0.

The file is sorted JSON (version, language, one entry per finding: path, rule, fingerprint, message); commit it next to the documents.",
        }),
    ],
    values: &[
        (
            "format",
            &[
                ("text", "For people at a terminal: each finding with its line and how to fix it (an audit: the findings about commissions and a table per commission)"),
                ("concise", "One line per finding: path:line:col: severity[rule] message"),
                ("markdown", "Markdown: tables to paste into an e-mail, a wiki or a merge request"),
                ("html", "One self-contained HTML page with charts, for the browser or to send by e-mail"),
                ("csv", "One row per finding, for Excel (UTF-8 with BOM; `;` between cells in kk and ru)"),
                ("json", "Everything, machine-readable, with a schema version (docs/report.md)"),
                ("sarif", "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers"),
                ("github", "GitHub Actions workflow commands: annotations on the pull request"),
                ("junit", "JUnit XML: a test case per document with findings, a failure per finding"),
                ("gitlab", "GitLab Code Quality JSON"),
            ],
        ),
        ("fail_level", &[("none", "Never fail on findings")]),
    ],
};
