//! `hattama serve`: a page on the user's own computer where a commission secretary drops a
//! protocol (Word, Markdown or text) and sees every problem in it, in her language, and the
//! HTTP API the page uses.
//!
//! Privacy: an uploaded document lives in memory for the length of its request only. It is
//! never written to disk and never logged; the server keeps no state between requests. What
//! the API returns about a document goes through the masking gate like every report, except
//! the document's own text (`/api/document`), which only the browser that sent it receives.
//! Limits: a document of at most [`MAX_UPLOAD`] bytes, [`MAX_CHECKS`] checks at once (more
//! wait for a place, at most [`CHECK_TIMEOUT`] like the check itself).

mod folder;
mod page;

pub use folder::Folder;

use crate::engine::{self, Settings};
use crate::lang::Lang;
use crate::privacy::Masked;
use crate::report::{self, Format, RenderOptions, Rendering};
use crate::rulebook::Rulebook;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The largest document the page accepts: many times a real protocol.
pub const MAX_UPLOAD: usize = 16 << 20;
/// Checks that run at once; more requests wait for a place.
pub const MAX_CHECKS: usize = 4;
/// How long one request may wait and run.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(30);

/// What every request is answered with: the rules, and the defaults of language and day.
pub struct Server {
    rulebook: Rulebook,
    lang: Lang,
    /// `None`: the day of each request.
    as_of: Option<NaiveDate>,
    checks: Semaphore,
    /// The folder `hattama serve DIR` audits.
    folder: Option<Folder>,
}

impl Server {
    pub fn new(rulebook: Rulebook, lang: Lang, as_of: Option<NaiveDate>) -> Server {
        Server {
            rulebook,
            lang,
            as_of,
            checks: Semaphore::new(MAX_CHECKS),
            folder: None,
        }
    }

    /// Also audits a folder, whose documents open with their findings in place.
    pub fn with_folder(mut self, folder: Folder) -> Server {
        self.folder = Some(folder);
        self
    }
}

/// The page and the API.
pub fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/api/openapi.json", get(openapi))
        .route("/api/check", post(check))
        .route("/api/document", post(document))
        .route("/api/rules", get(rules))
        .route("/audit", get(folder::audit_page))
        .route("/commission", get(folder::commission_page))
        .route("/api/folder/check", get(folder::check))
        .route("/api/folder/document", get(folder::document))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD))
        .with_state(server)
}

/// Serves on `listener` until the process ends.
pub async fn run(listener: tokio::net::TcpListener, server: Arc<Server>) -> std::io::Result<()> {
    axum::serve(listener, router(server)).await
}

/// The query of a check: all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckQuery {
    /// kk, ru or en.
    lang: Option<String>,
    /// The day date-relative rules count from, `YYYY-MM-DD`.
    as_of: Option<String>,
    /// The file's name as the user's computer gives it: its extension says Word, Markdown or
    /// text. Never logged, and shown only masked.
    name: Option<String>,
    /// json (the report schema, the default) or html (the report to download).
    format: Option<String>,
}

/// A request the API cannot answer, said in one line of JSON.
struct Refusal {
    status: StatusCode,
    message: String,
}

impl Refusal {
    fn bad(message: impl Into<String>) -> Refusal {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message }).to_string();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    }
}

/// What a request asks for, checked.
struct Asked {
    lang: Lang,
    as_of: NaiveDate,
    /// Only its extension is used.
    name: String,
    format: Format,
}

impl Asked {
    fn of(query: CheckQuery, server: &Server) -> Result<Asked, Refusal> {
        let lang = match query.lang.as_deref() {
            None => server.lang,
            Some(code) => Lang::ALL
                .into_iter()
                .find(|lang| lang.code() == code)
                .ok_or_else(|| Refusal::bad("lang: kk, ru or en"))?,
        };
        let as_of = match query.as_of.as_deref() {
            None => server
                .as_of
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            Some(day) => NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|_| Refusal::bad("as_of: a day written 2026-11-30"))?,
        };
        let format = match query.format.as_deref() {
            None | Some("json") => Format::Json,
            Some("html") => Format::Html,
            Some(_) => return Err(Refusal::bad("format: json or html")),
        };
        // The name's extension decides how the bytes are read; the rest of it is not kept.
        let extension = query
            .name
            .as_deref()
            .and_then(|name| Path::new(name).extension())
            .and_then(|e| e.to_str())
            .filter(|e| e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap_or("md")
            .to_ascii_lowercase();
        Ok(Asked {
            lang,
            as_of,
            name: format!("document.{extension}"),
            format,
        })
    }
}

/// Runs `work` on a blocking thread once a place among [`MAX_CHECKS`] is free, within
/// [`CHECK_TIMEOUT`].
async fn limited<T: Send + 'static>(
    server: &Arc<Server>,
    work: impl FnOnce(&Server) -> T + Send + 'static,
) -> Result<T, Refusal> {
    limited_for(server, CHECK_TIMEOUT, work).await
}

/// [`limited`], within `timeout`.
async fn limited_for<T: Send + 'static>(
    server: &Arc<Server>,
    timeout: Duration,
    work: impl FnOnce(&Server) -> T + Send + 'static,
) -> Result<T, Refusal> {
    let busy = || Refusal {
        status: StatusCode::SERVICE_UNAVAILABLE,
        message: "the server is busy or the document took too long: try again".into(),
    };
    let server = Arc::clone(server);
    let job = async move {
        let _place = server.checks.acquire().await.map_err(|_| busy())?;
        let server = Arc::clone(&server);
        tokio::task::spawn_blocking(move || work(&server))
            .await
            .map_err(|_| Refusal {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: "the check failed".into(),
            })
    };
    tokio::time::timeout(timeout, job)
        .await
        .unwrap_or_else(|_| Err(busy()))
}

/// What a `POST` of a document asks for (`/api/check`, `/api/document`).
fn asked_of_post(
    query: Result<Query<CheckQuery>, QueryRejection>,
    server: &Server,
) -> Result<Asked, Refusal> {
    // The rejection quotes the query: not said back, so nothing of the request is repeated.
    let query =
        query.map_err(|_| Refusal::bad("the query takes lang, as_of, name and format only"))?;
    Asked::of(query.0, server)
}

/// `POST /api/check`: the report of one document, as `hattama check --format json` (or
/// html) writes it.
async fn check(
    State(server): State<Arc<Server>>,
    query: Result<Query<CheckQuery>, QueryRejection>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let asked = asked_of_post(query, &server)?;
    let format = asked.format;
    let report = limited(&server, move |server| render(server, &asked, &body)).await??;
    Ok(([(header::CONTENT_TYPE, content_type(format))], report).into_response())
}

/// The media type of a report in `format`.
fn content_type(format: Format) -> &'static str {
    match format {
        Format::Html => "text/html; charset=utf-8",
        _ => "application/json",
    }
}

fn render(server: &Server, asked: &Asked, bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let path = Path::new(&asked.name);
    report_of(
        server,
        asked,
        path,
        crate::read::from_file_bytes(path, bytes),
    )
}

/// The report of one document, read (or not) from `path`, as the request asked for it.
fn report_of(
    server: &Server,
    asked: &Asked,
    path: &Path,
    read: Result<crate::read::SourceText, crate::read::ReadError>,
) -> Result<Vec<u8>, Refusal> {
    let settings = Settings::new(asked.lang, asked.as_of);
    let findings = engine::check_document(path, read, &server.rulebook, &settings).findings;
    render_findings(server, asked, findings)
}

/// The report of one document's findings, as the request asked for it.
fn render_findings(
    server: &Server,
    asked: &Asked,
    mut findings: Vec<crate::finding::Finding>,
) -> Result<Vec<u8>, Refusal> {
    crate::finding::sort_findings(&mut findings);
    let outcome = Masked::new(
        engine::Outcome {
            findings,
            documents: 1,
        },
        &server.rulebook.masker,
    );
    let rendering = Rendering {
        format: asked.format,
        pack: &server.rulebook.pack,
        lang: asked.lang,
        as_of: asked.as_of,
        options: RenderOptions::default(),
    };
    let mut out = Vec::new();
    report::render_check(&outcome, &rendering, &mut out).map_err(|_| Refusal {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        message: "the report could not be written".into(),
    })?;
    Ok(out)
}

/// `POST /api/document`: the document's text as hattama reads it, line by line, for the page
/// to show the findings in place. For a Word document, the paragraph each line belongs to
/// (findings name paragraphs there). Unmasked: it goes back only to the browser that sent it.
async fn document(
    State(server): State<Arc<Server>>,
    query: Result<Query<CheckQuery>, QueryRejection>,
    body: Bytes,
) -> Result<Response, Refusal> {
    let asked = asked_of_post(query, &server)?;
    let body = limited(&server, move |_| {
        text_of(
            crate::read::from_file_bytes(Path::new(&asked.name), &body).ok(),
            None,
        )
    })
    .await?;
    Ok(no_store(body))
}

/// A document's text line by line, the paragraph of each line for a Word document, and the
/// name to show for it, if any.
fn text_of(source: Option<crate::read::SourceText>, name: Option<String>) -> serde_json::Value {
    let mut body = match source {
        Some(source) => serde_json::json!({
            "lines": source.text.lines().collect::<Vec<_>>(),
            "paragraphs": source.paragraphs,
        }),
        None => serde_json::json!({ "lines": [], "paragraphs": null }),
    };
    if let Some(name) = name {
        body["name"] = serde_json::Value::String(name);
    }
    body
}

/// A document's own text as JSON, which no cache may keep.
fn no_store(body: serde_json::Value) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The query of the rule list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesQuery {
    lang: Option<String>,
}

/// `GET /api/rules`: each rule's id, the requirement it enforces and where that comes from, in the
/// language asked, for the page to say what is required beside each finding. The pack's own
/// words: no document's.
async fn rules(
    State(server): State<Arc<Server>>,
    query: Result<Query<RulesQuery>, QueryRejection>,
) -> Result<Response, Refusal> {
    let query = query.map_err(|_| Refusal::bad("the query takes lang only"))?;
    let asked = Asked::of(
        CheckQuery {
            lang: query.0.lang,
            ..CheckQuery::default()
        },
        &server,
    )?;
    let rules: Vec<serde_json::Value> = server
        .rulebook
        .rules
        .iter()
        .map(|rule| {
            serde_json::json!({
                "id": rule.id,
                "requirement": rule.requirement.get(asked.lang),
                "basis": rule.basis.as_ref().map(|basis| basis.get(asked.lang)),
            })
        })
        .collect();
    let body = serde_json::json!({ "rules": rules }).to_string();
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `GET /api/openapi.json`: the API, described.
async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}
