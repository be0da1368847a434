//! `--changed-since REV`: why the documents changed since a revision cannot be known. git's
//! own words are quoted as git writes them.

use super::BadRevision;
use crate::lang::Lang;
use crate::messages::pick;

pub fn no_git(lang: Lang, reason: &str) -> String {
    pick(
        lang,
        format!(
            "--changed-since үшін git керек, ал `git` командасын іске қосу мүмкін болмады: {reason}"
        ),
        format!("для --changed-since нужен git, а команду `git` запустить не удалось: {reason}"),
        format!("--changed-since needs git, and `git` could not be run: {reason}"),
    )
}

pub fn not_a_repository(lang: Lang, dir: &str, git: &str) -> String {
    pick(
        lang,
        format!("--changed-since: {dir} git репозиторийінің ішінде емес ({git})"),
        format!("--changed-since: {dir} не находится внутри git-репозитория ({git})"),
        format!("--changed-since: {dir} is not inside a git repository ({git})"),
    )
}

pub fn bad_revision(lang: Lang, revision: &str, reason: BadRevision) -> String {
    let reason = match reason {
        BadRevision::Dash => pick(
            lang,
            "ревизия `-` таңбасынан басталмауы керек".into(),
            "ревизия не может начинаться с `-`".into(),
            "a revision cannot start with `-`".into(),
        ),
        BadRevision::NoSuchCommit => pick(
            lang,
            "git rev-parse --verify мұндай коммитті таппады".into(),
            "git rev-parse --verify не находит такого коммита".into(),
            "git rev-parse --verify finds no such commit".into(),
        ),
    };
    pick(
        lang,
        format!("--changed-since: `{revision}` бұл репозиторийдің ревизиясы емес ({reason})"),
        format!("--changed-since: `{revision}` не является ревизией этого репозитория ({reason})"),
        format!("--changed-since: `{revision}` is not a revision of this repository ({reason})"),
    )
}

pub fn git_failed(lang: Lang, command: &str, git: &str) -> String {
    pick(
        lang,
        format!("--changed-since: `git {command}` командасы қатемен аяқталды: {git}"),
        format!("--changed-since: команда `git {command}` завершилась с ошибкой: {git}"),
        format!("--changed-since: `git {command}` failed: {git}"),
    )
}
