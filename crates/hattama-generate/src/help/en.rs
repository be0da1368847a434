//! The help in English: the texts every translation follows. The short help of each command and
//! argument is one line without a final full stop; `long` adds paragraphs for `--help`.

use super::{Page, Texts, help};

pub const TEXTS: Texts = Texts {
    program: Page {
        about: "Writes synthetic oblasts of commission documents with planted defects, and times `hattama audit` on them: hattama's test data and benchmark.",
        long_about: "",
        after: "\
Examples:
  hattama-generate generate /tmp/oblast --districts 20
  hattama-generate bench --sizes 5000

Exit codes: 0 done, 2 usage error, or a corpus that cannot be written or audited.",
        args: &[],
    },
    commands: &[
        (
            "generate",
            Page {
                about: "Write a synthetic oblast of realistic protocols, plans and compositions, with planted defects listed in OUT/ground-truth.json (for trials, tests and benchmarks)",
                long_about: "\
Write a synthetic oblast: realistic protocols, work plans and composition orders in Kazakh,
Russian or both, as Word exports without front matter, in `district/year/` folders.

Unless --clean is given, defects of every kind are planted (a missing deadline, no quorum, an
unmasked ИИН, an overdue decision, a copied plan, …) and listed with their file and line in
OUT/ground-truth.json. The same seed gives the same files. For trials, tests and benchmarks.",
                after: "\
Examples:
  hattama-generate generate /tmp/oblast
  hattama-generate generate /tmp/oblast --districts 20 --years 2025,2026 --seed 7
  hattama-generate generate /tmp/clean --clean
  hattama-generate generate /tmp/word --format docx
  hattama audit /tmp/oblast --as-of 2026-11-30

Exit codes:
  0  the corpus was written
  2  a bad option, or OUT cannot be written",
                args: &[
                    (
                        "out",
                        help(
                            "Folder to write (created; existing files with the same names are overwritten)",
                        ),
                    ),
                    ("districts", help("Number of districts (commissions)")),
                    ("years", help("Years to cover, comma-separated")),
                    (
                        "as_of",
                        help(
                            "The audit day the corpus is written for: no document is dated on or after it",
                        ),
                    ),
                    (
                        "clean",
                        help("Write every document clean, with no planted defect"),
                    ),
                    (
                        "document_format",
                        help(
                            "What to write each document as: Word's Markdown or text export, or a Word file (.docx) with the same text",
                        ),
                    ),
                    ("lang", help("Language of the summary line: kk, ru or en")),
                ],
            },
        ),
        (
            "bench",
            Page {
                about: "Time `hattama audit` on generated oblasts of several sizes (release build): documents and MB per second, peak memory, and how the time grows with the size",
                long_about: "\
Time `hattama audit` on generated oblasts of several sizes, each in a child process: documents
and MB per second, peak memory, how the time grows with the size, where the time went by
stage, and the audit's CPU time against only reading and parsing the same files. The smallest
oblast is written as Word files (.docx) too, with the same text, and audited again: the last
line says how many documents per second that reads against Markdown and text.

The program timed is the `hattama` beside this one (`cargo build --release --workspace` builds
both into target/release), or the one --hattama names. Each corpus is written into --dir anew,
replacing the one an earlier run left there. Run release builds; a debug build is many times
slower.",
                after: "\
Examples:
  cargo build --release --workspace && target/release/hattama-generate bench
  hattama-generate bench --sizes 1000,10000 --years 3 --dir /tmp/bench
  hattama-generate bench --sizes 1000 --hattama /usr/local/bin/hattama

Exit codes:
  0  the benchmark ran
  2  a bad option, no hattama program to time, or a corpus cannot be written or audited",
                args: &[
                    (
                        "dir",
                        help(
                            "Where the corpora are written (one subfolder per size and format, replaced on every run)",
                        ),
                    ),
                    (
                        "sizes",
                        help("Approximate corpus sizes in documents, comma-separated"),
                    ),
                    ("years", help("Years each corpus covers")),
                    (
                        "as_of",
                        help("The audit day the corpora are written for and audited on"),
                    ),
                    (
                        "hattama",
                        help(
                            "The hattama program to time (default: the one beside this program, e.g. target/release/hattama)",
                        ),
                    ),
                    (
                        "lang",
                        help("Language of the table's headings: kk, ru or en"),
                    ),
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
    args: &[(
        "seed",
        help("Seed of the random choices: the same seed gives the same documents"),
    )],
    // The English of the values is the doc comments of their enum (DocumentFormat).
    values: &[],
};
