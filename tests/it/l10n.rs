//! Everything the command says, in the run's language: `--lang`, else hattama.yml's, else the
//! locale's, else Russian. The help, the errors of the configuration and of a baseline, the
//! report of `test-rules` and the command line's own errors.

use crate::common;

use common::hattama;
use std::path::Path;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = hattama();
    command.current_dir(dir).args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new("."), args, &[])
}

/// A temporary folder holding `files` (name, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// (language, a phrase of `check`'s manual, its exit codes).
const CHECK_MANUAL: [(&str, &str, &str); 3] = [
    (
        "kk",
        "Құжаттарды тексеру және ескертулерді шығару.",
        "Шығу кодтары:\n  0  шекті деңгейден төмен емес ескерту жоқ (--fail-level, әдепкісі: error)\n  1  ",
    ),
    (
        "ru",
        "Проверить документы и вывести замечания.",
        "Коды завершения:\n  0  нет замечаний с уровнем не ниже порога (--fail-level, по умолчанию: error)\n  1  ",
    ),
    (
        "en",
        "Check documents and print the findings.",
        "Exit codes:\n  0  no findings at or above the fail level (--fail-level, default: error)\n  1  ",
    ),
];

#[test]
fn the_manual_of_check_is_in_the_language_asked_for() {
    for (lang, phrase, exit_codes) in CHECK_MANUAL {
        for args in [
            &["check", "--help", "--lang", lang][..],
            &["help", "check", "--lang", lang],
        ] {
            let help = run(args);
            assert_eq!(help.code, Some(0), "{args:?}: {}", help.stderr);
            assert!(help.stdout.contains(phrase), "{args:?}: {}", help.stdout);
            assert!(
                help.stdout.contains(exit_codes),
                "{args:?}: {}",
                help.stdout
            );
        }
    }
    // The argument help and clap's headings and notes too.
    let kazakh = run(&["check", "--help", "--lang", "kk"]).stdout;
    for phrase in [
        "Қолданылуы: hattama check",
        "Аргументтер:",
        "Параметрлер:",
        "Тексерілетін файлдар немесе қалталар",
        "Мүмкін мәндер:",
        "[әдепкісі: text]",
        "Анықтаманы көрсету (қысқаша: '-h')",
    ] {
        assert!(kazakh.contains(phrase), "{phrase}: {kazakh}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Possible values:",
        "[default:",
        "Print help",
    ] {
        assert!(!kazakh.contains(english), "{english}: {kazakh}");
    }
    let summary = run(&["check", "-h", "--lang", "ru"]).stdout;
    assert!(summary.contains("Параметры:"), "{summary}");
    assert!(
        summary.contains("[по умолчанию: text] [допустимые значения: text, concise,"),
        "{summary}"
    );
    assert!(
        !summary.contains("Коды завершения"),
        "-h stays short: {summary}"
    );
}

#[test]
fn without_lang_the_help_follows_the_configuration_then_the_locale_then_russian() {
    let empty = folder(&[]);
    let kazakh = run_in(
        empty.path(),
        &["check", "--help"],
        &[("LANG", "kk_KZ.UTF-8")],
    );
    assert!(
        kazakh
            .stdout
            .contains("Құжаттарды тексеру және ескертулерді шығару."),
        "{}",
        kazakh.stdout
    );
    let top = run_in(empty.path(), &["--help"], &[("LC_ALL", "kk_KZ.UTF-8")]);
    assert!(top.stdout.contains("Командалар:"), "{}", top.stdout);

    let none = run_in(empty.path(), &["-h"], &[]);
    assert!(none.stdout.contains("Использование:"), "{}", none.stdout);

    // hattama.yml's language wins over the locale, --lang over both.
    let english = folder(&[("hattama.yml", "lang: en\n")]);
    let configured = run_in(english.path(), &["rules", "-h"], &[("LANG", "kk_KZ.UTF-8")]);
    assert!(
        configured
            .stdout
            .starts_with("List the rules of the loaded packs"),
        "{}",
        configured.stdout
    );
    let given = run_in(
        english.path(),
        &["rules", "-h", "--lang", "ru"],
        &[("LANG", "kk_KZ.UTF-8")],
    );
    assert!(
        given
            .stdout
            .starts_with("Вывести правила загруженных наборов"),
        "{}",
        given.stdout
    );
}

#[test]
fn an_unknown_key_in_the_configuration_is_told_in_the_language_with_its_place() {
    let dir = folder(&[("hattama.yml", "fail_level: warning\ncolour: red\n")]);
    for (lang, words) in [
        ("kk", "`colour` кілті белгісіз (мүмкін кілттер: `rules`,"),
        (
            "ru",
            "неизвестный ключ `colour` (допустимые ключи: `rules`,",
        ),
        ("en", "unknown key `colour` (the keys are `rules`,"),
    ] {
        let result = run_in(dir.path(), &["rules", "--lang", lang], &[]);
        assert_eq!(result.code, Some(2), "{}", result.stderr);
        assert!(
            result.stderr.contains(&format!("hattama.yml:2:1: {words}")),
            "{lang}: {}",
            result.stderr
        );
    }
    // A broken file cannot say which language: the locale does.
    let kazakh = run_in(dir.path(), &["rules"], &[("LANG", "kk_KZ.UTF-8")]);
    assert!(
        kazakh.stderr.contains("кілті белгісіз"),
        "{}",
        kazakh.stderr
    );

    // A misspelt rule in a file that reads: the file's own language.
    let misspelt = folder(&[("hattama.yml", "lang: ru\ndisable: [decision-deadlin]\n")]);
    let result = run_in(misspelt.path(), &["rules"], &[]);
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains(
            "hattama.yml:2:11: disable[0]: в загруженных наборах нет правила `decision-deadlin` (возможно, имелось в виду `decision-deadline`?)"
        ),
        "{}",
        result.stderr
    );
}

#[test]
fn a_malformed_baseline_is_told_in_russian() {
    let dir = folder(&[
        ("a.md", "Текст\n"),
        (
            "baseline.json",
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": 7}\n  ]\n}\n",
        ),
    ]);
    let result = run_in(
        dir.path(),
        &[
            "check",
            "a.md",
            "--baseline",
            "baseline.json",
            "--lang",
            "ru",
        ],
        &[],
    );
    assert_eq!(result.code, Some(2));
    assert!(result.stdout.is_empty());
    assert!(
        result.stderr.contains(
            "baseline.json:4:14: неверный базовый файл hattama: здесь нужно указать текст, а записано: число `7`"
        ),
        "{}",
        result.stderr
    );
    let missing = run_in(
        dir.path(),
        &[
            "check",
            "a.md",
            "--baseline",
            "missing.json",
            "--lang",
            "ru",
        ],
        &[],
    );
    assert!(
        missing.stderr.contains(
            "missing.json: не удалось прочитать базовый файл: нет такого файла или папки"
        ),
        "{}",
        missing.stderr
    );
}

#[test]
fn test_rules_reports_in_kazakh() {
    let dir = folder(&[(
        "protocol.md",
        "ПРОТОКОЛ\n<!-- expect: decision-deadline -->\nмәтін\nx <!-- expect: no-such-rule -->\n",
    )]);
    let result = run_in(
        dir.path(),
        &["test-rules", ".", "--lang", "kk", "--as-of", "2026-11-22"],
        &[],
    );
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    let out = &result.stdout;
    for line in [
        "protocol.md:3: табылмады kz-kdn/decision-deadline\n",
        "protocol.md:1: күтілмеген kz-kdn/protocol-number: Хаттаманың нөмірі көрсетілмеген\n",
        "protocol.md:4: expect түсініктемесі қате: жүктелген жинақтарда `no-such-rule` ережесі жоқ\n",
        "1 файл тексерілді, 1 ескерту күтілді: табылмағаны — 1,",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
}

#[test]
fn usage_errors_are_told_in_the_language() {
    let result = run(&["check", "a.md", "--frmat", "json", "--lang", "kk"]);
    assert_eq!(result.code, Some(2));
    for phrase in [
        "қате: '--frmat' аргументі белгісіз",
        "кеңес: ұқсас аргумент бар: '--format'",
        "Қолданылуы: hattama check",
        "Толығырақ: '--help'.",
    ] {
        assert!(
            result.stderr.contains(phrase),
            "{phrase}: {}",
            result.stderr
        );
    }
    let date = run(&["check", "a.md", "--as-of", "31.02.2026", "--lang", "ru"]);
    assert_eq!(date.code, Some(2));
    assert!(
        date.stderr.contains(
            "ошибка: недопустимое значение '31.02.2026' для '--as-of <AS_OF>': `31.02.2026` — не дата вида 2026-11-30 или 30.11.2026"
        ),
        "{}",
        date.stderr
    );
}
