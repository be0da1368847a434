// Drives the self-check page of `hattama serve` in a real browser, as a secretary would use it:
// starts the server on a free port, uploads a Word protocol and a Markdown one, checks the
// findings listed and the spans highlighted in the text, switches to Kazakh, clicks a finding,
// then opens the audit of the folder it serves and follows a document's link; and saves
// screenshots to look at.
//
//   node scripts/e2e/serve-check.js HATTAMA_BINARY OUT_DIR
//
// Needs Debian's Chromium at /usr/bin/chromium (Playwright cannot download its own here) and
// `npm ci` in scripts/e2e. Exits non-zero, saying what failed, when a check fails.
"use strict";
const { chromium } = require("playwright-core");
const { spawn } = require("child_process");
const path = require("path");
const fs = require("fs");

const [binary = "target/debug/hattama", out = "target/browser-check"] = process.argv.slice(2);
const root = path.resolve(__dirname, "..", "..");
const fixtures = {
  word: path.join(root, "fixtures/docx/ru-protocol-sloppy-01.docx"),
  markdown: path.join(root, "fixtures/check/ru-protocol-sloppy-02.md"),
};
fs.mkdirSync(out, { recursive: true });

function fail(message) {
  console.error("serve check FAILED: " + message);
  process.exitCode = 1;
  throw new Error(message);
}

function start() {
  const folder = path.join(root, "fixtures/audit/overdue");
  const server = spawn(binary, ["serve", folder, "--lang", "ru", "--as-of", "2026-06-30", "--no-config"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let said = "";
    server.stdout.on("data", chunk => {
      said += chunk;
      const url = said.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (url) resolve({ server, url: url[0] });
    });
    server.on("exit", code => reject(new Error("hattama serve exited with " + code)));
    setTimeout(() => reject(new Error("hattama serve printed no address")), 30000);
  });
}

async function messages(page) {
  return page.locator("ol.findings .message").allTextContents();
}

(async () => {
  const { server, url } = await start();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const outside = [];
    page.on("request", request => { if (!request.url().startsWith(url)) outside.push(request.url()); });
    const errors = [];
    page.on("pageerror", error => errors.push(error.message));
    await page.goto(url);

    await page.setInputFiles("#files", [fixtures.word, fixtures.markdown]);
    await page.waitForSelector("section.result >> nth=1", { timeout: 30000 });
    const sections = page.locator("section.result");
    if ((await sections.count()) !== 2) fail("expected a result for each of the two documents");
    const word = sections.nth(0);
    const wordFindings = await word.locator("ol.findings li").count();
    if (wordFindings < 3) fail(`the Word protocol shows ${wordFindings} findings, expected its known ones`);
    const quorum = word.locator("ol.findings .message", { hasText: "кворума" });
    if ((await quorum.count()) !== 1) fail("the Word protocol's missing quorum is not listed");
    const marks = await word.locator(".text mark").count();
    if (marks < 1) fail("no span of the Word protocol is highlighted");
    const marked = await word.locator(".text mark.error").first().textContent();
    if (!marked || !marked.trim()) fail("the highlighted span is empty");
    const markdown = sections.nth(1);
    const markdownFindings = await markdown.locator("ol.findings li").count();
    const markdownMarks = await markdown.locator(".text mark").count();
    if (markdownFindings < 1 || markdownMarks < 1) fail("the Markdown protocol shows no finding in its text");
    console.log(`Word protocol: ${wordFindings} findings, ${marks} spans highlighted ("${marked.trim()}"); Markdown protocol: ${markdownFindings} findings, ${markdownMarks} spans`);
    await page.screenshot({ path: path.join(out, "serve-ru.png") });

    // A finding clicked scrolls its line into view and marks it.
    await word.locator("ol.findings button").last().click();
    await page.waitForSelector(".ln.flash", { timeout: 5000 });
    if (!(await page.locator(".ln.flash").first().isVisible())) fail("the clicked finding's line is not shown");

    const russian = await messages(page);
    await page.click("[data-lang=kk]");
    await page.waitForFunction(before => {
      const now = [...document.querySelectorAll("ol.findings .message")].map(node => node.textContent);
      return now.length && now.join("|") !== before;
    }, russian.join("|"), { timeout: 30000 });
    const kazakh = await messages(page);
    if (kazakh.length !== russian.length) fail("the findings changed in number with the language");
    if (!kazakh.some(text => /[әіңғүұқөһ]/.test(text))) fail("no finding reads in Kazakh after the switch");
    if ((await page.locator("#go").textContent()) !== "Тексеру") fail("the page itself did not switch to Kazakh");
    await page.screenshot({ path: path.join(out, "serve-kk.png") });

    // The folder's audit: a document's name opens it with its findings in place.
    await page.goto(url + "audit?lang=ru&as_of=2026-06-30");
    const overdue = page.locator("#overdue a[href*='?doc=']").first();
    if ((await overdue.count()) !== 1) fail("the audit's overdue decision does not link its protocol");
    await page.screenshot({ path: path.join(out, "serve-audit.png") });
    await overdue.click();
    await page.waitForSelector("section.result", { timeout: 30000 });
    const opened = page.locator("section.result");
    const heading = await opened.locator("h2").textContent();
    if (!heading.includes("protocol-05.md")) fail("the link opened another document: " + heading);
    if ((await opened.locator("ol.findings li").count()) < 1) fail("the opened document shows no finding");
    await page.screenshot({ path: path.join(out, "serve-audit-document.png") });
    console.log(`audit: ${heading} opened from its overdue decision`);

    // A commission's name lists its documents by date, each opening in place.
    await page.goto(url + "audit?lang=ru&as_of=2026-06-30");
    await page.locator("section.commission h3 a").first().click();
    await page.waitForSelector("table tbody tr");
    const rows = await page.locator("table tbody tr").count();
    if (rows < 2) fail("the commission lists fewer than two documents");
    await page.screenshot({ path: path.join(out, "serve-commission.png") });
    await page.locator("table tbody a").first().click();
    await page.waitForSelector("section.result", { timeout: 30000 });
    console.log(`commission: ${rows} documents listed by date; the first opened`);

    if (outside.length) fail("the page asked for something outside the server: " + outside.join(", "));
    if (errors.length) fail("the page's script failed: " + errors.join("; "));
    console.log(`serve check passed; screenshots in ${out}/serve-ru.png and serve-kk.png`);
  } finally {
    await browser.close();
    server.kill();
  }
})().catch(error => {
  if (!process.exitCode) console.error("serve check FAILED: " + error.message);
  process.exitCode = 1;
});
