//! `hattama serve DIR`: the audit of a folder as a page, where each document opens with its
//! findings in place. Documents are named in links by their place in the folder's sorted
//! list, never by their path: a file is often named after the child.

use super::{Asked, CheckQuery, Refusal, Server, limited_for};
use crate::audit::{self, AuditSettings};
use crate::corpus::commission::FolderLevel;
use crate::engine::{self, Settings};
use crate::privacy::Masked;
use crate::report::{self, Format, RenderOptions, Rendering};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How long an audit of the whole folder may take.
const AUDIT_TIMEOUT: Duration = Duration::from_secs(600);

/// The folder the server audits, and how its commissions are found.
pub struct Folder {
    pub root: PathBuf,
    pub level: FolderLevel,
    /// Paths the configuration skips.
    pub ignore: crate::config::Ignore,
}

impl Folder {
    /// Its documents, in the order an audit reads them.
    fn documents(&self, settings: &Settings) -> Vec<PathBuf> {
        engine::collect(std::slice::from_ref(&self.root), settings).0
    }

    fn settings(&self, asked: &Asked) -> Settings {
        let mut settings = Settings::new(asked.lang, asked.as_of);
        settings.ignore = self.ignore.clone();
        settings
    }

    /// The settings the request asks for, and the folder's n-th document under them.
    fn nth(&self, asked: &Asked, n: usize) -> Result<(Settings, PathBuf), Refusal> {
        let settings = self.settings(asked);
        let path = self
            .documents(&settings)
            .into_iter()
            .nth(n)
            .ok_or_else(no_document)?;
        Ok((settings, path))
    }
}

fn no_folder() -> Refusal {
    Refusal {
        status: StatusCode::NOT_FOUND,
        message: "the server was started without a folder to audit".into(),
    }
}

fn no_document() -> Refusal {
    Refusal {
        status: StatusCode::NOT_FOUND,
        message: "the folder has no document with that number".into(),
    }
}

/// `GET /audit`: the folder's audit report, every document name a link to it.
pub async fn audit_page(
    State(server): State<Arc<Server>>,
    query: Result<Query<CheckQuery>, QueryRejection>,
) -> Result<Response, Refusal> {
    let query = query.map_err(|_| Refusal::bad("the query takes lang and as_of only"))?;
    let asked = Asked::of(query.0, &server)?;
    server.folder.as_ref().ok_or_else(no_folder)?;
    let html = limited_for(&server, AUDIT_TIMEOUT, move |server| {
        let folder = server.folder.as_ref()?;
        let (outcome, numbers) = audited(server, folder, &asked);
        // A document's link by its path as the report shows it, masked.
        let links: BTreeMap<String, String> = numbers
            .into_iter()
            .map(|(path, n)| (path, format!("/?doc={n}")))
            .collect();
        // A commission's documents in date order, by its id as the report gives it.
        let commission_links = outcome
            .commissions
            .iter()
            .filter_map(|c| {
                let query = serde_urlencoded::to_string([
                    ("id", c.id.as_str()),
                    ("lang", asked.lang.code()),
                    ("as_of", &asked.as_of.to_string()),
                ])
                .ok()?;
                Some((c.id.clone(), format!("/commission?{query}")))
            })
            .collect();
        let rendering = Rendering {
            format: Format::Html,
            pack: &server.rulebook.pack,
            lang: asked.lang,
            as_of: asked.as_of,
            options: RenderOptions {
                details: true,
                links,
                commission_links,
                ..RenderOptions::default()
            },
        };
        let mut out = Vec::new();
        report::render_audit(&outcome, &rendering, &mut out).ok()?;
        Some(out)
    })
    .await?
    .ok_or_else(no_folder)?;
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

/// The folder audited as the request asks, through the masking gate, and each document's
/// number by its path as reports show it (masked).
fn audited(
    server: &Server,
    folder: &Folder,
    asked: &Asked,
) -> (Masked<audit::AuditOutcome>, BTreeMap<String, usize>) {
    let settings = AuditSettings {
        files: folder.settings(asked),
        level: folder.level,
    };
    let masker = &server.rulebook.masker;
    let numbers = folder
        .documents(&settings.files)
        .iter()
        .enumerate()
        .map(|(n, path)| (masker.mask(&path.display().to_string()), n))
        .collect();
    let outcome = Masked::new(
        audit::audit(&folder.root, &server.rulebook, &settings),
        masker,
    );
    (outcome, numbers)
}

/// The query of a folder's document: its number, and what a check takes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentQuery {
    n: usize,
    lang: Option<String>,
    as_of: Option<String>,
    format: Option<String>,
}

impl DocumentQuery {
    fn asked(self, server: &Server) -> Result<(usize, Asked), Refusal> {
        let asked = Asked::of(
            CheckQuery {
                lang: self.lang,
                as_of: self.as_of,
                name: None,
                format: self.format,
            },
            server,
        )?;
        Ok((self.n, asked))
    }
}

/// `GET /api/folder/check`: the report of the folder's n-th document: its own findings and
/// those the rules across documents make about it (an overdue decision, a copy), from an audit
/// of the whole folder, as the audit report shows them. An audit per request: quick for a
/// district's folder, seconds for an oblast's archive.
pub async fn check(
    State(server): State<Arc<Server>>,
    query: Result<Query<DocumentQuery>, QueryRejection>,
) -> Result<Response, Refusal> {
    let query = query.map_err(|_| Refusal::bad("the query takes n, lang, as_of and format"))?;
    let (n, asked) = query.0.asked(&server)?;
    server.folder.as_ref().ok_or_else(no_folder)?;
    let content_type = super::content_type(asked.format);
    let report = limited_for(&server, AUDIT_TIMEOUT, move |server| {
        let folder = server.folder.as_ref().ok_or_else(no_folder)?;
        let (settings, path) = folder.nth(&asked, n)?;
        let shown = path.display().to_string();
        let audit = audit::audit(
            &folder.root,
            &server.rulebook,
            &AuditSettings {
                files: settings,
                level: folder.level,
            },
        );
        let findings = audit
            .findings
            .into_iter()
            .filter(|finding| finding.path == shown)
            .collect();
        super::render_findings(server, &asked, findings)
    })
    .await??;
    Ok(([(header::CONTENT_TYPE, content_type)], report).into_response())
}

/// `GET /api/folder/document`: the folder's n-th document as hattama reads it, and its path as
/// reports show it (masked).
pub async fn document(
    State(server): State<Arc<Server>>,
    query: Result<Query<DocumentQuery>, QueryRejection>,
) -> Result<Response, Refusal> {
    let query = query.map_err(|_| Refusal::bad("the query takes n, lang, as_of and format"))?;
    let (n, asked) = query.0.asked(&server)?;
    server.folder.as_ref().ok_or_else(no_folder)?;
    let body = super::limited(&server, move |server| {
        let folder = server.folder.as_ref().ok_or_else(no_folder)?;
        let (settings, path) = folder.nth(&asked, n)?;
        let name = server.rulebook.masker.mask(&path.display().to_string());
        Ok::<_, Refusal>(super::text_of(
            engine::read_file(&path, &settings).ok(),
            Some(name),
        ))
    })
    .await??;
    Ok(super::no_store(body))
}

/// The query of a commission's page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommissionQuery {
    /// The commission's id as the audit report gives it.
    id: String,
    lang: Option<String>,
    as_of: Option<String>,
}

/// One document of a commission's page.
#[derive(serde::Serialize)]
struct Listed {
    date: Option<String>,
    path: String,
    link: String,
    findings: usize,
}

/// `GET /commission`: a commission's documents in date order (undated last), each opening
/// with its findings in place.
pub async fn commission_page(
    State(server): State<Arc<Server>>,
    query: Result<Query<CommissionQuery>, QueryRejection>,
) -> Result<Response, Refusal> {
    let query = query.map_err(|_| Refusal::bad("the query takes id, lang and as_of"))?;
    let CommissionQuery { id, lang, as_of } = query.0;
    let asked = Asked::of(
        CheckQuery {
            lang,
            as_of,
            ..CheckQuery::default()
        },
        &server,
    )?;
    server.folder.as_ref().ok_or_else(no_folder)?;
    let html = limited_for(&server, AUDIT_TIMEOUT, move |server| {
        let folder = server.folder.as_ref().ok_or_else(no_folder)?;
        let (outcome, numbers) = audited(server, folder, &asked);
        let summary = outcome
            .commissions
            .iter()
            .find(|c| c.id == id)
            .ok_or(Refusal {
                status: StatusCode::NOT_FOUND,
                message: "the folder has no commission with that id".into(),
            })?;
        let mut documents: Vec<(Option<chrono::NaiveDate>, Listed)> = outcome
            .owners
            .iter()
            .filter(|(_, owner)| **owner == id)
            .filter_map(|(path, _)| {
                let n = numbers.get(path)?;
                let date = outcome.dates.get(path).copied();
                let listed = Listed {
                    date: date.map(crate::calendar::show_day),
                    path: path.clone(),
                    link: format!("/?doc={n}"),
                    findings: outcome.findings.iter().filter(|f| &f.path == path).count(),
                };
                Some((date, listed))
            })
            .collect();
        documents
            .sort_by(|(a, x), (b, y)| (a.is_none(), a, &x.path).cmp(&(b.is_none(), b, &y.path)));
        let name = if summary.name.is_empty() {
            summary.id.clone()
        } else {
            summary.name.clone()
        };
        render_commission(
            asked.lang,
            asked.as_of,
            &name,
            documents.into_iter().map(|(_, d)| d).collect(),
        )
    })
    .await??;
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

fn render_commission(
    lang: crate::lang::Lang,
    as_of: chrono::NaiveDate,
    name: &str,
    documents: Vec<Listed>,
) -> Result<String, Refusal> {
    let t = match lang {
        crate::lang::Lang::Kk => {
            serde_json::json!({"back": "Қалта бойынша есеп", "intro": "Комиссияның құжаттары күн ретімен (күні жоқтары соңында); әрқайсысы ескертулерімен мәтін ішінде ашылады.", "date": "Күні", "document": "Құжат", "findings": "Ескертулер"})
        }
        crate::lang::Lang::Ru => {
            serde_json::json!({"back": "Отчёт по папке", "intro": "Документы комиссии по датам (без даты — в конце); каждый открывается с замечаниями в тексте.", "date": "Дата", "document": "Документ", "findings": "Замечания"})
        }
        crate::lang::Lang::En => {
            serde_json::json!({"back": "The folder's audit", "intro": "The commission's documents by date (undated last); each opens with its findings in place.", "date": "Date", "document": "Document", "findings": "Findings"})
        }
    };
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let failed = |_| Refusal {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        message: "the page could not be written".into(),
    };
    env.add_template("commission.html", include_str!("commission.html"))
        .map_err(failed)?;
    env.get_template("commission.html")
        .and_then(|template| {
            template.render(minijinja::context! {
                lang => lang.code(),
                as_of => as_of.to_string(),
                name => name,
                t => minijinja::Value::from(minijinja::value::Serde(&t)),
                documents => minijinja::Value::from(minijinja::value::Serde(&documents)),
            })
        })
        .map_err(failed)
}
