//! `hattama serve`: the page and its API, served in-process on a free port and spoken to over
//! plain HTTP, as a browser would.

use hattama::corpus::commission::FolderLevel;
use hattama::lang::Lang;
use hattama::rulebook::Rulebook;
use hattama::serve::{Folder, MAX_UPLOAD, Server};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// One server for every test of this module, on a port the system picks.
fn server() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                sender.send(listener.local_addr().unwrap()).unwrap();
                let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22);
                // The audit fixture with an overdue decision, as `hattama serve DIR` serves it.
                let folder = Folder {
                    root: PathBuf::from("fixtures/audit/overdue"),
                    level: FolderLevel::Deepest,
                    ignore: Default::default(),
                };
                let server =
                    Server::new(Rulebook::builtin().unwrap(), Lang::Ru, as_of).with_folder(folder);
                hattama::serve::run(listener, Arc::new(server))
                    .await
                    .unwrap();
            });
        });
        receiver.recv().unwrap()
    })
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

fn request(method: &str, path: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(server()).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // A body over the limit may be refused before it is all sent.
    let _ = stream.write_all(body);
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).unwrap();
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a reply with a head");
    let head = String::from_utf8_lossy(&reply[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut body = reply[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    Reply { status, head, body }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn messages(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_page_needs_nothing_from_elsewhere() {
    let reply = request("GET", "/", b"");
    assert_eq!(reply.status, 200);
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let page = reply.text();
    for outside in ["http://", "https://", "src=\"//", "href=\"//", "@import"] {
        assert!(!page.contains(outside), "the page names {outside}");
    }
    // The server's language and audit day are filled in.
    assert!(page.contains("\"ru\"") && page.contains("2026-11-22"));
    let policy = reply.header("content-security-policy").unwrap();
    assert!(policy.contains("default-src 'none'") && policy.contains("connect-src 'self'"));
}

#[test]
fn a_protocol_gets_its_report_in_the_language_asked() {
    let bytes = fixture("fixtures/check/ru-protocol-sloppy-01.txt");
    let ru = request("POST", "/api/check?name=protocol.txt&lang=ru", &bytes);
    let kk = request("POST", "/api/check?name=protocol.txt&lang=kk", &bytes);
    assert_eq!((ru.status, kk.status), (200, 200), "{}", ru.text());
    let (ru, kk) = (ru.json(), kk.json());
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for report in [&ru, &kk] {
        let errors: Vec<String> = validator
            .iter_errors(report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    assert_eq!(ru["lang"], "ru");
    assert_eq!(kk["lang"], "kk");
    assert!(!messages(&ru).is_empty());
    assert_eq!(messages(&ru).len(), messages(&kk).len());
    assert_ne!(messages(&ru), messages(&kk));
    assert!(messages(&ru).iter().any(|m| m.contains("кворум")));
    // The user's file name is not the report's: only its extension is used.
    assert!(!ru.to_string().contains("protocol.txt"));
}

#[test]
fn a_word_document_is_read_in_memory_and_its_findings_name_paragraphs() {
    let bytes = fixture("fixtures/docx/kk-protocol-sloppy-01.docx");
    let report = request("POST", "/api/check?name=protocol.docx&lang=en", &bytes);
    assert_eq!(report.status, 200, "{}", report.text());
    let report = report.json();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings.iter().any(|f| f["unit"] == "paragraph"));
    let text = request("POST", "/api/document?name=protocol.docx", &bytes);
    assert_eq!(text.status, 200);
    assert_eq!(text.header("cache-control").as_deref(), Some("no-store"));
    let text = text.json();
    let lines = text["lines"].as_array().unwrap();
    let paragraphs = text["paragraphs"].as_array().unwrap();
    assert_eq!(lines.len(), paragraphs.len());
    assert!(
        lines
            .iter()
            .any(|l| l.as_str().unwrap().contains("ХАТТАМА"))
    );
}

#[test]
fn personal_data_in_a_document_is_masked_in_its_report() {
    let text = "ПРОТОКОЛ № 3\n\nРассмотрено дело н/л Сейтқали Айбек Нұрланұлы, 03.04.2011 г.р., ИИН 110403500125.\n";
    let reply = request("POST", "/api/check?name=p.md&lang=ru", text.as_bytes());
    assert_eq!(reply.status, 200);
    let report = reply.text();
    assert!(report.contains("kz-kdn/personal-id"), "{report}");
    for secret in ["110403500125", "Сейтқали", "Айбек"] {
        assert!(!report.contains(secret), "{secret} left in the report");
    }
    // The HTML report to download goes through the same gate.
    let html = request(
        "POST",
        "/api/check?name=p.md&lang=ru&format=html",
        text.as_bytes(),
    );
    assert_eq!(html.status, 200);
    assert!(!html.text().contains("110403500125"));
}

#[test]
fn a_bad_request_is_refused_in_one_line_without_repeating_it() {
    for query in [
        "lang=xx",
        "as_of=someday",
        "format=pdf",
        "unknown=110403500125",
    ] {
        let reply = request("POST", &format!("/api/check?{query}"), b"text");
        assert_eq!(reply.status, 400, "{query}");
        let error = reply.json()["error"].as_str().unwrap().to_string();
        assert!(!error.contains('\n'));
        assert!(!error.contains("110403500125") && !error.contains("someday"));
    }
}

#[test]
fn each_rule_says_what_it_requires_in_the_language_asked() {
    let kk = request("GET", "/api/rules?lang=kk", b"").json();
    let en = request("GET", "/api/rules?lang=en", b"").json();
    let quorum = |rules: &serde_json::Value| {
        rules["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "kz-kdn/quorum")
            .map(|r| r["requirement"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert!(!quorum(&kk).is_empty());
    assert_ne!(quorum(&kk), quorum(&en));
    assert_eq!(request("GET", "/api/rules?lang=de", b"").status, 400);
}

#[test]
fn a_document_over_the_limit_is_refused() {
    let reply = request(
        "POST",
        "/api/check?name=big.txt",
        &vec![b'a'; MAX_UPLOAD + 1],
    );
    assert_eq!(reply.status, 413);
}

#[test]
fn the_openapi_document_describes_every_route() {
    let reply = request("GET", "/api/openapi.json", b"");
    assert_eq!(reply.status, 200);
    let spec = reply.json();
    assert_eq!(spec["openapi"], "3.0.3");
    let paths: Vec<&String> = spec["paths"].as_object().unwrap().keys().collect();
    assert_eq!(
        paths,
        [
            "/api/check",
            "/api/document",
            "/api/folder/check",
            "/api/folder/document",
            "/api/openapi.json",
            "/api/rules"
        ]
    );
}

#[test]
fn the_folder_audit_links_each_document_which_opens_with_its_findings() {
    let audit = request("GET", "/audit?lang=en&as_of=2026-06-30", b"");
    assert_eq!(audit.status, 200, "{}", audit.text());
    let page = audit.text();
    assert!(
        page.contains("overdue-decision"),
        "the audit's findings are there"
    );
    let link = page
        // HTML escapes the slash of the link: `href="&#x2f;?doc=5"`.
        .split("?doc=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| {
            panic!(
                "no document link in {}",
                &page[page.len().saturating_sub(3000)..]
            )
        })
        .to_string();
    let n: usize = link.parse().unwrap();
    let report = request(
        "GET",
        &format!("/api/folder/check?n={n}&lang=en&as_of=2026-06-30"),
        b"",
    );
    assert_eq!(report.status, 200, "{}", report.text());
    assert_eq!(report.json()["documents"], 1);
    let text = request("GET", &format!("/api/folder/document?n={n}"), b"");
    assert_eq!(text.status, 200);
    let text = text.json();
    assert!(
        text["name"]
            .as_str()
            .unwrap()
            .starts_with("fixtures/audit/overdue/")
    );
    assert!(!text["lines"].as_array().unwrap().is_empty());
    // Documents are named by number only; one past the last is not found.
    assert_eq!(
        request("GET", "/api/folder/check?n=100000", b"").status,
        404
    );
}

#[test]
fn a_commission_lists_its_documents_by_date_each_opening_in_place() {
    let audit = request("GET", "/audit?lang=ru&as_of=2026-06-30", b"").text();
    // HTML escapes the link: `href="&#x2f;commission?id=…&amp;lang=…"`.
    let link = audit
        .split("commission?")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the commission's name is a link")
        .replace("&amp;", "&")
        .replace("&#x2f;", "/")
        .replace("&#x3d;", "=");
    let page = request("GET", &format!("/commission?{link}"), b"");
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.text();
    let days: Vec<&str> = page
        .split("<td class=\"n\">")
        .skip(1)
        .filter_map(|cell| cell.split('<').next())
        .filter(|text| text.len() == 10 && text.as_bytes()[2] == b'.')
        .collect();
    assert!(days.len() >= 2, "{page}");
    let ordered: Vec<(String, String, String)> = days
        .iter()
        .map(|d| (d[6..].to_string(), d[3..5].to_string(), d[..2].to_string()))
        .collect();
    let mut sorted = ordered.clone();
    sorted.sort();
    assert_eq!(ordered, sorted, "documents in date order");
    assert!(page.matches("?doc=").count() >= days.len());
    assert_eq!(request("GET", "/commission?id=nowhere", b"").status, 404);
}
