//! The engine's own user-facing sentences (file problems, summaries), in the three languages.
//! Rule messages live in the rule pack; these are what no pack can say.

use crate::lang::Lang;

pub mod baseline;
pub mod cli;
pub mod compare;
pub mod data;
pub mod rule_tests;

/// The text in `lang` of three.
pub fn pick(lang: Lang, kk: String, ru: String, en: String) -> String {
    match lang {
        Lang::Kk => kk,
        Lang::Ru => ru,
        Lang::En => en,
    }
}

pub fn unreadable(lang: Lang, error: &str) -> String {
    pick(
        lang,
        format!("Файл оқылмады: {error}"),
        format!("Файл не удалось прочитать: {error}"),
        format!("The file could not be read: {error}"),
    )
}

/// A path that names no regular file, so it is not read (a pipe would block, a device never end).
pub fn not_regular(lang: Lang, kind: crate::read::FileKind) -> String {
    use crate::read::FileKind;
    let (kk, ru, en) = match kind {
        FileKind::Directory => ("қалта", "папка", "a folder"),
        FileKind::Pipe => (
            "атаулы арна (FIFO)",
            "именованный канал (FIFO)",
            "a named pipe (FIFO)",
        ),
        FileKind::Device => ("құрылғы", "устройство", "a device"),
        FileKind::Socket => ("сокет", "сокет", "a socket"),
        FileKind::Other => ("арнайы файл", "специальный файл", "a special file"),
    };
    pick(
        lang,
        format!("Бұл — {kk}, кәдімгі файл емес: оқылмады"),
        format!("Это {ru}, а не обычный файл: не прочитан"),
        format!("This is {en}, not a regular file: not read"),
    )
}

pub fn too_large(lang: Lang, size: u64, limit: u64) -> String {
    let (size, limit) = (size / 1024 / 1024, limit / 1024 / 1024);
    pick(
        lang,
        format!("Файл тым үлкен ({size} МБ, шегі {limit} МБ): тексерілмеді"),
        format!("Файл слишком большой ({size} МБ, предел {limit} МБ): не проверен"),
        format!("The file is too large ({size} MB, limit {limit} MB): not checked"),
    )
}

/// A document the copy check (`rule`) did not compare with all of the `others` documents it
/// shares a bucket with, having looked at `limit` pairs.
pub fn copies_not_compared(lang: Lang, rule: &str, others: usize, limit: u64) -> String {
    pick(
        lang,
        format!(
            "{rule}: құжат өзімен ұқсас {others} құжаттың бәрімен салыстырылмады (бір тексеруде {limit} жұптан артық емес): көшірме байқалмай қалуы мүмкін"
        ),
        format!(
            "{rule}: документ сравнён не со всеми {others} похожими на него документами (за проверку — не более {limit} пар): копия могла остаться незамеченной"
        ),
        format!(
            "{rule}: the document was not compared with all of the {others} documents like it (at most {limit} pairs a run): a copy may have gone unnoticed"
        ),
    )
}

pub fn binary(lang: Lang) -> String {
    pick(
        lang,
        "Бұл мәтіндік файл емес (екілік деректер): тексерілмеді. Құжатты .txt (UTF-8) немесе .md ретінде сақтаңыз".into(),
        "Это не текстовый файл (двоичные данные): не проверен. Сохраните документ как .txt (UTF-8) или .md".into(),
        "This is not a text file (binary data): not checked. Save the document as .txt (UTF-8) or .md".into(),
    )
}

/// Bytes in no encoding hattama knows (UTF-8, UTF-16 with a BOM, Windows-1251).
pub fn undecodable(lang: Lang) -> String {
    pick(
        lang,
        "Файлдың кодтауы танылмады (UTF-8, UTF-16 не Windows-1251 мәтіні емес): тексерілмеді. Құжатты .txt (UTF-8) немесе .md ретінде сақтаңыз".into(),
        "Кодировка файла не распознана (не текст в UTF-8, UTF-16 или Windows-1251): не проверен. Сохраните документ как .txt (UTF-8) или .md".into(),
        "The file's encoding is not recognised (not UTF-8, UTF-16 or Windows-1251 text): not checked. Save the document as .txt (UTF-8) or .md".into(),
    )
}

/// A Word 97–2003 `.doc` or an RTF file.
pub fn legacy_word(lang: Lang) -> String {
    pick(
        lang,
        "Бұл ескі Word (.doc) немесе RTF құжаты, hattama оны оқымайды: тексерілмеді. Word-та ашып, «Басқаша сақтау» → «Word құжаты (*.docx)» арқылы сақтаңыз".into(),
        "Это документ старого формата Word (.doc) или RTF, hattama его не читает: не проверен. Откройте его в Word и сохраните как «Документ Word (*.docx)»".into(),
        "This is a legacy Word (.doc) or RTF document, which hattama does not read: not checked. Open it in Word and save it as \"Word Document (*.docx)\"".into(),
    )
}

/// A `.docx` that is no readable Word document.
pub fn broken_word(lang: Lang, problem: &crate::read::docx::DocxError) -> String {
    use crate::read::docx::DocxError;
    match problem {
        DocxError::NotZip => pick(
            lang,
            "Word құжаты зақымдалған (ZIP архиві оқылмады): тексерілмеді. Оны Word-та ашып, қайта сақтаңыз".into(),
            "Документ Word повреждён (архив ZIP не читается): не проверен. Откройте его в Word и сохраните заново".into(),
            "The Word document is damaged (its ZIP archive cannot be read): not checked. Open it in Word and save it again".into(),
        ),
        DocxError::NoDocument => pick(
            lang,
            "Бұл ZIP архиві, бірақ Word құжаты емес (word/document.xml жоқ): тексерілмеді".into(),
            "Это архив ZIP, но не документ Word (нет word/document.xml): не проверен".into(),
            "This is a ZIP archive but not a Word document (no word/document.xml): not checked".into(),
        ),
        DocxError::TooLarge => pick(
            lang,
            "Word құжаты ашылғанда тым үлкен болады (64 МиБ-тан артық немесе сығылған көлемінен 100 еседен артық): тексерілмеді".into(),
            "Документ Word при распаковке слишком велик (более 64 МиБ или более чем в 100 раз больше сжатого): не проверен".into(),
            "The Word document unpacks to more than 64 MiB, or to more than 100 times its packed size: not checked".into(),
        ),
        DocxError::Protected => pick(
            lang,
            "Word құжаты құпиясөзбен қорғалған, hattama оны аша алмайды: тексерілмеді. Құпиясөзді алып тастап (Файл → Мәліметтер → Құжатты қорғау), қайта сақтаңыз".into(),
            "Документ Word защищён паролем, hattama не может его открыть: не проверен. Снимите пароль (Файл → Сведения → Защита документа) и сохраните заново".into(),
            "The Word document is password-protected, so hattama cannot open it: not checked. Remove the password (File → Info → Protect Document) and save it again".into(),
        ),
        DocxError::OldFormat => legacy_word(lang),
    }
}

pub fn legacy_encoding(lang: Lang) -> String {
    pick(
        lang,
        "Файл Windows-1251 кодтауында сақталған және солай оқылды. Оны UTF-8 кодтауында қайта сақтаңыз".into(),
        "Файл сохранён в кодировке Windows-1251 и прочитан как таковой. Пересохраните его в UTF-8".into(),
        "The file is encoded in Windows-1251 and was read as such. Save it again as UTF-8".into(),
    )
}

pub fn front_matter(lang: Lang, error: &str) -> String {
    pick(
        lang,
        format!("Құжат басындағы YAML блогы қате, ол еленбеді: {error}"),
        format!("Блок YAML в начале документа содержит ошибку и не учтён: {error}"),
        format!("The YAML block at the top of the document is invalid and was ignored: {error}"),
    )
}

/// What is wrong with front matter; a YAML syntax error in the library's (English) words.
pub fn front_matter_problem(
    lang: Lang,
    problem: crate::read::FrontMatterProblem,
    library: &str,
) -> String {
    use crate::read::FrontMatterProblem;
    match problem {
        FrontMatterProblem::TooLong { bytes, max } => pick(
            lang,
            format!("блок {bytes} байт, ең көбі {max} байт рұқсат етіледі"),
            format!("блок длиной {bytes} байт, допускается не более {max}"),
            format!("the block is {bytes} bytes long; at most {max} are accepted"),
        ),
        FrontMatterProblem::TooDeep { max } => pick(
            lang,
            format!("`[` және `{{` жақшалары {max} деңгейден терең салынған"),
            format!("скобки `[` и `{{` вложены глубже {max} уровней"),
            format!("`[` and `{{` are nested more than {max} levels deep"),
        ),
        FrontMatterProblem::NotMapping(what) => {
            let (kk, ru) = match what {
                "a list" => ("тізім", "список"),
                "a string" => ("мәтін", "текст"),
                "a number" => ("сан", "число"),
                "a boolean" => ("true/false мәні", "значение true/false"),
                _ => ("басқа мән", "другое значение"),
            };
            pick(
                lang,
                format!("«кілт: мән» жұптары болуы керек, ал мұнда {kk}"),
                format!("нужен набор пар «ключ: значение», а здесь {ru}"),
                format!("it must be a mapping of keys to values, not {what}"),
            )
        }
        FrontMatterProblem::Yaml => pick(
            lang,
            format!("YAML синтаксисі қате ({library})"),
            format!("ошибка синтаксиса YAML ({library})"),
            format!("a YAML syntax error ({library})"),
        ),
    }
}

pub fn rule_failed(lang: Lang, rule: &str, error: &str) -> String {
    pick(
        lang,
        format!("{rule} ережесі орындалмады: {error}"),
        format!("Правило {rule} не удалось выполнить: {error}"),
        format!("The rule {rule} failed to run: {error}"),
    )
}

pub fn unused_suppression(lang: Lang, comment: &str) -> String {
    pick(
        lang,
        format!("«{comment}» түсініктемесі ешбір ескертуді жасырмады: оны алып тастаңыз"),
        format!("Комментарий «{comment}» ничего не скрыл: удалите его"),
        format!("The comment «{comment}» suppressed nothing: remove it"),
    )
}

pub fn bad_suppression(lang: Lang, comment: &str) -> String {
    pick(
        lang,
        format!(
            "«{comment}» түсініктемесі танылмады. Жазылуы: hattama-disable-next-line, hattama-disable, hattama-enable немесе hattama-disable-file, одан кейін ереже атаулары"
        ),
        format!(
            "Комментарий «{comment}» не распознан. Допустимо: hattama-disable-next-line, hattama-disable, hattama-enable или hattama-disable-file, затем идентификаторы правил"
        ),
        format!(
            "The comment «{comment}» is not understood. Write hattama-disable-next-line, hattama-disable, hattama-enable or hattama-disable-file, then rule ids"
        ),
    )
}

pub fn unclosed_suppression(lang: Lang, comment: &str) -> String {
    pick(
        lang,
        format!(
            "«{comment}» түсініктемесі `-->` белгісімен жабылмаған: ол құжаттың қалған бөлігін жасырар еді, сондықтан ескерілмеді. Түсініктемені жабыңыз"
        ),
        format!(
            "Комментарий «{comment}» не закрыт знаком `-->`: он скрыл бы весь остаток документа и поэтому не учтён. Закройте комментарий"
        ),
        format!(
            "The comment «{comment}» is never closed with `-->`: it would hide the rest of the document, so it was ignored. Close the comment"
        ),
    )
}

pub fn unknown_rule(lang: Lang, rule: &str) -> String {
    pick(
        lang,
        format!("«{rule}» ережесі жоқ: оны жасыру мүмкін емес. Ереже атауын тексеріңіз"),
        format!("Правила «{rule}» нет, скрыть его нельзя. Проверьте идентификатор правила"),
        format!("There is no rule «{rule}» to suppress. Check the rule id"),
    )
}

/// The command's own errors and reports, beyond the findings.
/// `hattama config --path` with no configuration file in use.
pub fn no_config_file(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("{name} табылмады (жұмыс қалтасында да, одан жоғары қалталарда да жоқ)"),
        format!("{name} не найден (ни в рабочей папке, ни в папках выше)"),
        format!("no {name} in the working folder or any folder above it"),
    )
}

pub fn pack_unusable(lang: Lang) -> String {
    pick(
        lang,
        "ережелер жинағын пайдалану мүмкін емес".into(),
        "набор правил нельзя использовать".into(),
        "the rule pack cannot be used".into(),
    )
}

pub fn not_a_folder(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("{path} қалта емес"),
        format!("{path} не является папкой"),
        format!("{path} is not a folder"),
    )
}

pub fn no_such_rule(lang: Lang, rule: &str) -> String {
    pick(
        lang,
        format!("«{rule}» ережесі жоқ; ережелер тізімін `hattama rules` көрсетеді"),
        format!("Правила «{rule}» нет; список правил выводит `hattama rules`"),
        format!("There is no rule «{rule}»; `hattama rules` lists them"),
    )
}

/// `--split-by commission` writes a folder of reports: it needs `-o DIR`.
pub fn split_needs_folder(lang: Lang) -> String {
    pick(
        lang,
        "--split-by commission әр комиссияға бөлек есеп жазады: қалтаны -o DIR арқылы көрсетіңіз"
            .to_string(),
        "--split-by commission пишет отдельный отчёт каждой комиссии: укажите папку через -o DIR"
            .to_string(),
        "--split-by commission writes a report per commission: name the folder with -o DIR"
            .to_string(),
    )
}

/// What `--split-by commission` wrote.
pub fn split_written(lang: Lang, reports: usize, folder: &str) -> String {
    match lang {
        Lang::Kk => format!("{folder} қалтасына {reports} есеп жазылды, әр комиссияға бір есептен"),
        Lang::Ru => format!(
            "В папку {folder} {} {reports} {}, по одному на комиссию",
            plural(lang, reports, ["записан", "записано", "записано"]),
            plural(lang, reports, ["отчёт", "отчёта", "отчётов"])
        ),
        Lang::En => format!(
            "Wrote {reports} {} to {folder}, one per commission",
            plural(lang, reports, ["report", "reports", ""])
        ),
    }
}

pub fn cannot_write(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("{path} файлына жазу мүмкін емес"),
        format!("Не удалось записать файл {path}"),
        format!("Cannot write {path}"),
    )
}

pub fn template_not_for(lang: Lang, format: &str) -> String {
    pick(
        lang,
        format!(
            "--template text, concise, markdown, html, csv және json есептерін ғана ауыстырады, {format} есебін емес"
        ),
        format!(
            "--template заменяет только отчёты text, concise, markdown, html, csv и json, но не {format}"
        ),
        format!(
            "--template replaces the text, concise, markdown, html, csv or json report, not {format}"
        ),
    )
}

/// A user's template that ran past its instruction budget (an endless or enormous loop).
pub fn template_out_of_fuel(lang: Lang, template: &str) -> String {
    pick(
        lang,
        format!(
            "{template} үлгісі тым көп әрекет орындады (шексіз немесе өте үлкен цикл болуы мүмкін) және тоқтатылды"
        ),
        format!(
            "Шаблон {template} выполнил слишком много действий (вероятно, бесконечный или огромный цикл) и остановлен"
        ),
        format!(
            "The template {template} ran too many steps (an endless or enormous loop?) and was stopped"
        ),
    )
}

/// Picks the plural form: Russian has three (1 документ, 2 документа, 5 документов); Kazakh
/// nouns after a numeral stay singular; English has two.
pub fn plural(lang: Lang, n: usize, forms: [&str; 3]) -> &str {
    match lang {
        Lang::Ru => {
            let (tens, units) = (n % 100, n % 10);
            if (11..=14).contains(&tens) {
                forms[2]
            } else if units == 1 {
                forms[0]
            } else if (2..=4).contains(&units) {
                forms[1]
            } else {
                forms[2]
            }
        }
        Lang::Kk => forms[0],
        Lang::En => {
            if n == 1 {
                forms[0]
            } else {
                forms[1]
            }
        }
    }
}

/// The closing line of a check: how many findings of each severity in how many files.
pub fn summary(lang: Lang, files: usize, errors: usize, warnings: usize, infos: usize) -> String {
    match lang {
        Lang::Kk => {
            format!("{files} құжат тексерілді: {errors} қате, {warnings} ескерту, {infos} ақпарат")
        }
        Lang::Ru => format!(
            "Проверено {files} {}: {errors} {}, {warnings} {}, {infos} {}",
            plural(lang, files, ["документ", "документа", "документов"]),
            plural(lang, errors, ["ошибка", "ошибки", "ошибок"]),
            plural(
                lang,
                warnings,
                ["предупреждение", "предупреждения", "предупреждений"]
            ),
            plural(lang, infos, ["замечание", "замечания", "замечаний"]),
        ),
        Lang::En => format!(
            "{files} {} checked: {errors} {}, {warnings} {}, {infos} {}",
            plural(lang, files, ["document", "documents", ""]),
            plural(lang, errors, ["error", "errors", ""]),
            plural(lang, warnings, ["warning", "warnings", ""]),
            plural(lang, infos, ["note", "notes", ""]),
        ),
    }
}

pub fn clean(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Ескертулер жоқ.",
        Lang::Ru => "Замечаний нет.",
        Lang::En => "No findings.",
    }
}

/// A number as the language writes it: `0,3` in Kazakh and Russian, `0.3` in English.
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{}", (value * 100.0).round() / 100.0);
    match lang {
        Lang::En => text,
        Lang::Kk | Lang::Ru => text.replace('.', ","),
    }
}

pub fn serve_listening(lang: Lang, url: &str) -> String {
    pick(
        lang,
        format!("hattama: бет {url} мекенжайында ашық (тоқтату үшін Ctrl+C)"),
        format!("hattama: страница открыта по адресу {url} (остановить: Ctrl+C)"),
        format!("hattama: the page is at {url} (Ctrl+C stops it)"),
    )
}

pub fn serve_remote_needs_flag(lang: Lang, address: &str) -> String {
    pick(
        lang,
        format!(
            "{address} мекенжайы осы компьютерден тыс қолжетімді болады: құжаттар желі арқылы өтеді. Келіссеңіз, --allow-remote қосыңыз"
        ),
        format!(
            "адрес {address} доступен не только с этого компьютера: документы пойдут по сети. Если это нужно, добавьте --allow-remote"
        ),
        format!(
            "{address} can be reached from other computers: documents would cross the network. Add --allow-remote if that is what you want"
        ),
    )
}

pub fn serve_remote_warning(lang: Lang) -> String {
    pick(
        lang,
        "ескерту: бет басқа компьютерлерден қолжетімді, тексерілетін құжаттар желі арқылы шифрсыз өтеді".into(),
        "предупреждение: страница доступна с других компьютеров, проверяемые документы идут по сети без шифрования".into(),
        "warning: the page can be reached from other computers, and documents cross the network unencrypted".into(),
    )
}

pub fn serve_cannot_bind(lang: Lang, address: &str) -> String {
    pick(
        lang,
        format!("{address} мекенжайын пайдалану мүмкін емес (порт бос емес пе?)"),
        format!("не удалось занять адрес {address} (порт занят?)"),
        format!("cannot listen on {address} (is the port taken?)"),
    )
}

pub fn serve_cannot_start(lang: Lang) -> String {
    pick(
        lang,
        "серверді іске қосу мүмкін болмады".into(),
        "не удалось запустить сервер".into(),
        "the server could not start".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals() {
        let forms = ["документ", "документа", "документов"];
        assert_eq!(plural(Lang::Ru, 1, forms), "документ");
        assert_eq!(plural(Lang::Ru, 3, forms), "документа");
        assert_eq!(plural(Lang::Ru, 11, forms), "документов");
        assert_eq!(plural(Lang::Ru, 21, forms), "документ");
        assert_eq!(plural(Lang::Ru, 25, forms), "документов");
    }
}
