//! The self-check page: one HTML file with its style and script inline, so that it works with
//! the network cable out (no font, script or style from anywhere else).

use super::Server;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

const PAGE: &str = include_str!("page.html");

/// `GET /`: the page, in the server's language and with its audit day until the user changes
/// them.
pub async fn index(State(server): State<Arc<Server>>) -> Response {
    let as_of = server
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let page = PAGE
        .replace("__LANG__", server.lang.code())
        .replace("__AS_OF__", &as_of.to_string())
        .replace(
            "__FOLDER__",
            if server.folder.is_some() {
                "true"
            } else {
                "false"
            },
        );
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
    // Nothing the page does needs another origin: say so to the browser.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:",
        ),
    );
    response
}
