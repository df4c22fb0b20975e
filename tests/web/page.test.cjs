// Drives the copydesk page in headless Chromium (see run.sh for the environment it expects):
// types a story, waits for the findings, and compares them with `copydesk check --format json`
// on the text the page holds. Exits non-zero with a message on the first mismatch.
'use strict';
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run tests/web/run.sh)`);
  return value;
};
const [BIN, CHROMIUM, URL, PROFILE, CHECK_DIR, WASM, STORY, SHOT] =
  ['COPYDESK_BIN', 'CHROMIUM', 'PAGE_URL', 'USER_DATA_DIR', 'CHECK_DIR', 'WASM_FILE', 'STORY', 'SHOT'].map(env);

let failures = 0;
function check(ok, message) {
  if (ok) return;
  failures += 1;
  console.error(`FAIL: ${message}`);
}

// copydesk check on exactly `text`, saved under the story's own name so the format is the same.
function cliFindings(text) {
  const file = path.join(CHECK_DIR, path.basename(STORY));
  fs.writeFileSync(file, text);
  const out = execFileSync(BIN, ['check', '--format', 'json', '--fail-on', 'never', file], { encoding: 'utf8' });
  const report = JSON.parse(out);
  if (report.files.length !== 1 || report.files[0].error) throw new Error(`copydesk check failed: ${out}`);
  return report.files[0].diagnostics;
}

// The story's unnamed sources as `copydesk sources` lists them from the engine's ledger, on
// exactly the text the page checked.
function cliUnnamedSources(text) {
  const file = path.join(CHECK_DIR, path.basename(STORY));
  fs.writeFileSync(file, text);
  const out = execFileSync(BIN, ['sources', '--format', 'json', file], { encoding: 'utf8' });
  const report = JSON.parse(out);
  if (report.files.length !== 1) throw new Error(`copydesk sources failed: ${out}`);
  return report.files[0].summary.unnamed;
}

const render = (f) => `${f.rule} ${f.span.start}..${f.span.end}`;

(async () => {
  const text = fs.readFileSync(STORY, 'utf8');
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const origin = new globalThis.URL(URL).origin;
  const elsewhere = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(msg.text()); });

  try {
    await page.goto(URL);
    await page.waitForFunction(() => window.copydeskPage && window.copydeskPage.ready, null, { timeout: 30000 });
    const loadMs = await page.evaluate(() => window.copydeskPage.timings.loadMs);
    const readyMs = await page.evaluate(() => performance.now());

    // Type the story key by key, as a reporter would.
    await page.click('#story');
    const typingStarted = Date.now();
    const typingBegan = await page.evaluate(() => performance.now());
    await page.keyboard.type(text);
    const typedAt = await page.evaluate(() => performance.now());
    const typingMs = Date.now() - typingStarted;
    const typed = await page.inputValue('#story');
    check(typed === text, `the textarea holds ${typed.length} characters, the story ${text.length}`);
    await page.waitForFunction(() => window.copydeskPage.analysedText === document.getElementById('story').value,
      null, { timeout: 10000 });
    const state = await page.evaluate(() => ({
      analysis: window.copydeskPage.analysis,
      timings: window.copydeskPage.timings,
      shownAt: performance.now(),
      marks: [...document.querySelectorAll('#mirror mark')].map((m) => m.dataset.findings),
      sourceItems: document.querySelectorAll('#sources > li:not(.empty)').length,
      findingItems: document.querySelectorAll('#findings > li:not(.empty)').length,
    }));

    const expected = cliFindings(typed);
    const got = state.analysis.findings;
    const want = expected.map(render);
    const have = got.map(render);
    check(want.length > 0, 'copydesk check found nothing in the story: the comparison would prove nothing');
    check(JSON.stringify(have) === JSON.stringify(want),
      `page and CLI disagree\n  only in page: ${have.filter((x) => !want.includes(x)).join(', ') || '-'}\n  only in CLI:  ${want.filter((x) => !have.includes(x)).join(', ') || '-'}`);
    got.forEach((f, i) => {
      const cli = expected[i];
      if (cli && cli.rule === f.rule) check(cli.severity === f.severity, `${render(f)}: severity ${f.severity}, CLI ${cli.severity}`);
      const bytes = Buffer.from(typed, 'utf8').subarray(f.span.start, f.span.end).toString('utf8');
      check(typed.slice(f.utf16.start, f.utf16.end) === bytes, `${render(f)}: UTF-16 span covers other words than the byte span`);
    });
    const marked = new Set(state.marks.flatMap((m) => m.split(',')).map(Number));
    check(got.every((_, i) => marked.has(i)), `only ${marked.size} of ${got.length} findings are drawn in the story`);
    check(state.findingItems === got.length, `the findings panel lists ${state.findingItems}, expected ${got.length}`);
    const sources = cliUnnamedSources(typed);
    check(state.sourceItems === sources, `the sources panel lists ${state.sourceItems} unnamed sources, copydesk sources lists ${sources}`);

    // Hover the first finding that has a rule explanation: the tooltip shows it with both examples.
    const rules = JSON.parse(execFileSync(BIN, ['rules', '--format', 'json'], { encoding: 'utf8' }).trim() || '[]');
    // The first finding in the story, with the page scrolled to the top for the screenshot.
    const hoverIndex = 0;
    const box = await page.evaluate((i) => {
      const mark = [...document.querySelectorAll('#mirror mark')].find((m) => m.dataset.findings.split(',').includes(String(i)));
      window.scrollTo(0, 0);
      const r = mark.getClientRects()[0];
      return { x: r.x + Math.min(r.width / 2, 12), y: r.y + r.height / 2 };
    }, hoverIndex);
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector('#tip:not([hidden])', { timeout: 5000 });
    const tip = await page.textContent('#tip');
    // Several findings may share the phrase: the tooltip leads with the most severe.
    const order = ['hint', 'info', 'warning', 'error'];
    const here = got.filter((f) => f.utf16.start <= got[hoverIndex].utf16.start && got[hoverIndex].utf16.start < f.utf16.end);
    const hovered = here.sort((a, b) => order.indexOf(b.severity) - order.indexOf(a.severity))[0];
    for (const f of here) check(tip.includes(f.message), `the tooltip does not show ${f.rule}'s message: ${tip.slice(0, 200)}`);
    const rule = Array.isArray(rules) ? rules.find((r) => r.id === hovered.rule) : undefined;
    if (rule && rule.wrong) {
      check(tip.includes(rule.wrong) && tip.includes(rule.right), `the tooltip lacks ${hovered.rule}'s wrong/right examples`);
    } else {
      check(/Wrong:/.test(tip) && /Right:/.test(tip), 'the tooltip lacks the wrong/right examples');
    }
    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT });
    await page.mouse.move(0, 0);

    // Without a mouse: choosing a source in the panel selects its words in the story and the
    // panel under the editor explains the findings there.
    const firstSource = state.analysis.sources[0];
    if (firstSource) {
      await page.click('#sources > li');
      const selected = await page.evaluate(() => {
        const story = document.getElementById('story');
        return { start: story.selectionStart, end: story.selectionEnd, panel: document.getElementById('at-cursor').textContent };
      });
      check(selected.start === firstSource.utf16.start && selected.end === firstSource.utf16.end,
        `choosing the first source selected ${selected.start}..${selected.end}, not its words ${firstSource.utf16.start}..${firstSource.utf16.end}`);
      // The source's one finding sits on its first mention, so the panel shows its message.
      check(firstSource.issues.length > 0 && firstSource.issues.every((issue) => selected.panel.includes(issue.message)),
        'the panel under the story does not explain the chosen source');
    }


    // A reporter pasting a whole story into a freshly opened page: time from navigation to
    // the first findings drawn (fetching and starting the .wasm included).
    await page.goto('about:blank');
    await page.goto(URL);
    await page.waitForFunction(() => window.copydeskPage && window.copydeskPage.ready, null, { timeout: 30000 });
    await page.fill('#story', text);
    await page.waitForFunction(() => window.copydeskPage.timings.firstFindingsMs !== undefined, null, { timeout: 10000 });
    const pasted = await page.evaluate(() => ({
      firstFindingsMs: window.copydeskPage.timings.firstFindingsMs,
      findings: window.copydeskPage.analysis.findings.map((f) => `${f.rule} ${f.span.start}..${f.span.end}`),
    }));
    check(JSON.stringify(pasted.findings) === JSON.stringify(want), 'a pasted story gets other findings than the typed one');

    check(elsewhere.length === 0, `the page fetched from elsewhere: ${elsewhere.join(', ')}`);
    check(pageErrors.length === 0, `errors in the page: ${pageErrors.join(' | ')}`);

    const wasmKiB = (fs.statSync(WASM).size / 1024).toFixed(0);
    console.log(`web: copydesk.wasm ${wasmKiB} KiB; page ready ${readyMs.toFixed(0)} ms after navigation (wasm fetched and started in ${loadMs.toFixed(0)} ms)`);
    console.log(`web: typed ${text.length} characters in ${(typingMs / 1000).toFixed(1)} s; first findings ${(state.timings.firstFindingsMs - typingBegan).toFixed(0)} ms after the first keystroke; ` +
      `final findings shown ${(state.shownAt - typedAt).toFixed(0)} ms after the last keystroke (analysis ${state.timings.lastAnalysisMs.toFixed(1)} ms)`);
    console.log(`web: time to first findings ${pasted.firstFindingsMs.toFixed(0)} ms from opening the page to the pasted story's findings drawn`);
    console.log(`web: ${got.length} findings in the page (copydesk check: ${expected.length}), ${state.sourceItems} unnamed sources (copydesk sources: ${sources}); screenshot ${SHOT}`);
  } finally {
    await context.close();
  }
  if (failures) {
    console.error(`web test: ${failures} failure(s)`);
    process.exit(1);
  }
  console.log('web test: OK');
})().catch((err) => {
  console.error(`web test: ${err.stack || err}`);
  process.exit(1);
});
