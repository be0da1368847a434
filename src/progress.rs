//! How far a long run has got, for whoever watches: a bar on the terminal, or nobody. The
//! library reports stages and steps; the command decides whether to draw them.

use crate::lang::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Each document read, parsed and checked by the document rules (in parallel).
    Documents,
    /// Each corpus rule run across every commission's documents.
    Commissions,
}

pub trait Progress: Sync {
    /// A stage of `total` steps begins.
    fn stage(&self, stage: Stage, total: usize);
    /// One step of the current stage is done (called from any thread).
    fn step(&self);
    /// The run is over: clear what was drawn.
    fn finish(&self);
}

/// Reports to nobody: tests, scripts, `--quiet`, output that is no terminal.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: Stage, _: usize) {}
    fn step(&self) {}
    fn finish(&self) {}
}

/// A bar on standard error, in the run's language; cleared when the run ends so the report
/// on standard output is all that stays.
pub struct TerminalBar {
    bar: ProgressBar,
    lang: Lang,
}

impl TerminalBar {
    pub fn new(lang: Lang) -> TerminalBar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{msg} [{wide_bar:.cyan/blue}] {pos}/{len} {eta}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        TerminalBar { bar, lang }
    }
}

impl Progress for TerminalBar {
    fn stage(&self, stage: Stage, total: usize) {
        self.bar.set_position(0);
        self.bar.set_length(total as u64);
        self.bar.set_message(stage_name(stage, self.lang));
        self.bar.reset_eta();
    }

    fn step(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match (stage, lang) {
        (Stage::Documents, Lang::Kk) => "Құжаттарды оқу және тексеру",
        (Stage::Documents, Lang::Ru) => "Чтение и проверка документов",
        (Stage::Documents, Lang::En) => "Reading and checking documents",
        (Stage::Commissions, Lang::Kk) => "Комиссиялар бойынша ережелер",
        (Stage::Commissions, Lang::Ru) => "Правила по комиссиям",
        (Stage::Commissions, Lang::En) => "Rules across commissions",
    }
}
