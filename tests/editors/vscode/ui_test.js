// Drive code-server (VS Code for the web) in headless Chromium with playwright-core and check
// the copydesk extension the way a reporter would see it:
//   - negative-control fixtures (no expectations) open first and must get no Problems entries;
//   - each expected diagnostic shows in the Problems panel with its rule id and line, or, if it
//     is a hint (VS Code's Problems panel lists errors, warnings and infos only), as a hint's
//     three dots on its line in the editor, with its rule id in the hover there;
//   - the status bar shows the server running and the story's source count, the headline of
//     `copydesk sources` on the same file ("1 named, 3 unnamed sources; 3 without a reason");
//   - the code lens at the top of the story shows the same headline;
//   - typing the fixture's `edit` line produces the `after-edit` diagnostics;
//   - a killed server is restarted with a visible notification, and its findings come back;
//   - "copydesk: Restart server" from the command palette works.
// Usage: node ui_test.js URL FIXTURES_DIR SCREENSHOT.png
// Env: PW_CORE (playwright-core path), CHROMIUM (default /usr/bin/chromium), STATE (dir with
//      server.pids), LEDGER_JSON (`copydesk sources --format json` of the stories), IMAGES_DIR (optional: README screenshots), TIMEOUT_MS (default 60000).
const { chromium } = require(process.env.PW_CORE || 'playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, fixturesDir, shot] = process.argv.slice(2);
const timeout = Number(process.env.TIMEOUT_MS || 60000);
const imagesDir = process.env.IMAGES_DIR;
const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const failures = [];
const fail = (m) => { failures.push(m); console.log(`  FAIL ${m}`); };

// Same format as check_diagnostics.py reads: "RULE LINE TEXT", "edit LINE", "after-edit RULE LINE TEXT".
function loadFixtures() {
  return fs.readdirSync(fixturesDir).filter((f) => f.endsWith('.expect')).sort().map((f) => {
    const base = f.replace(/\.expect$/, '');
    const doc = fs.readdirSync(fixturesDir).find((d) => d.startsWith(base + '.') && d !== f);
    const lines = fs.readFileSync(path.join(fixturesDir, doc), 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const fx = { doc, lines, plain: [], edit: null, after: [] };
    for (const raw of fs.readFileSync(path.join(fixturesDir, f), 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      let m;
      if ((m = line.match(/^edit\s+(.*)$/))) fx.edit = m[1];
      else if ((m = line.match(/^after-edit\s+(\S+)\s+(\S+)\s+(.*)$/))) fx.after.push({ rule: m[1], line: m[2], text: m[3] });
      else if ((m = line.match(/^(\S+)\s+(\S+)\s+(.*)$/))) fx.plain.push({ rule: m[1], line: m[2], text: m[3] });
    }
    return fx;
  });
}

// Problems panel rows of one file: [{code, line, col, text}]
async function problems(page, doc) {
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ text: e.innerText.replace(/\s+/g, ' ').trim(), level: e.getAttribute('aria-level') })));
  const out = [];
  if (process.env.DEBUG) console.log(JSON.stringify(rows));
  let current = null;
  for (const r of rows) {
    if (r.level === '1') { current = r.text.split(' ')[0]; continue; }
    // "<message> copydesk <code> [Ln 5, Col 1]" (the parentheses around the code are CSS)
    const code = r.text.match(/ copydesk\s*\(?([a-z0-9-]+)\)?\s*\[Ln \d+/);
    const pos = r.text.match(/\[Ln (\d+), Col (\d+)\]/);
    if (current === doc && code && pos) out.push({ code: code[1], line: +pos[1], col: +pos[2] - 1, text: r.text });
  }
  return out;
}

function lineOf(fx, spec, edited) {
  return spec === '$' ? fx.lines.length + (edited ? 1 : 0) : Number(spec);
}

// An expectation the Problems panel lists: {hit, n, a} (hit undefined when it is not there).
function inProblems(fx, rows, w, edited) {
  const lines = edited ? [...fx.lines, fx.edit] : fx.lines;
  const n = lineOf(fx, w.line, edited);
  const a = (lines[n - 1] || '').indexOf(w.text);
  // The Problems panel shows only where a finding starts: on the line, at or before the
  // expected text (columns are UTF-16 units, as in the fixture's JS string).
  const hit = rows.find((r) => r.code === w.rule && r.line === n && a >= 0 && r.col <= a);
  return { hit, n, a };
}

// VS Code shows a Hint-severity diagnostic only in the editor: the Problems panel (and F8) read
// errors, warnings and infos only (its MarkersView asks for severities Error|Warning|Info; see
// microsoft/vscode#46555 and #270930), while the editor draws a hint as three dots (class
// squiggly-hint, over the first two characters of its range) and lists it in the hover there.
// So an expectation missing from Problems is looked for as exactly that: with the cursor at the
// expected text (line N, 0-based UTF-16 column A), a squiggly-hint on the cursor's line starting
// at or before the cursor, and the rule id in the hover at the cursor. Returns the hover's line
// for the rule, or null.
async function hintAt(page, rule, n, a) {
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(`${n}:${a + 1}`, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  const dots = await page.evaluate(() => {
    const ed = document.querySelector('.monaco-editor.focused') || document.querySelector('.monaco-editor');
    const cursor = ed && ed.querySelector('.cursors-layer .cursor');
    const current = ed && ed.querySelector('.view-overlays .current-line');
    if (!cursor || !current) return 'no cursor line';
    const left = cursor.getBoundingClientRect().left;
    const hints = [...current.parentElement.querySelectorAll('.squiggly-hint')];
    return hints.some((h) => h.getBoundingClientRect().left <= left + 1) ? 'ok' : `${hints.length} hint decorations, none at or before the cursor`;
  });
  if (dots !== 'ok') { console.log(`  (line ${n}: ${dots})`); return null; }
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  const hover = page.locator('.monaco-editor .monaco-hover:visible').first();
  const text = await hover.waitFor({ timeout: 5000 }).then(() => hover.innerText(), () => '');
  await page.keyboard.press('Escape');
  if (process.env.DEBUG) console.log(JSON.stringify(text));
  const esc = rule.replace(/[-]/g, '\\-');
  const found = text.split('\n').find((l) => new RegExp(`copydesk\\s*\\(?${esc}\\)?(?![a-z0-9-])`).test(l));
  return found || null;
}

// Every expectation must be in the Problems panel or shown as a hint in the editor.
// Returns how many the Problems panel lists.
async function checkExpected(page, fx, rows, wanted, edited) {
  let listed = 0;
  for (const w of wanted) {
    const { hit, n, a } = inProblems(fx, rows, w, edited);
    if (hit) { listed++; console.log(`  ok  ${w.rule} on line ${n} (col ${hit.col + 1}) at "${w.text}"`); continue; }
    const hint = a >= 0 ? await hintAt(page, w.rule, n, a) : null;
    if (hint) console.log(`  ok  ${w.rule} on line ${n} at "${w.text}": a hint (not in Problems; three dots and hover "${hint}")`);
    else fail(`${fx.doc}: missing ${w.rule} on line ${n} at "${w.text}" (neither in Problems nor as a hint in the editor)`);
  }
  return listed;
}

// Wait until the Problems panel lists FILTER-matching findings of FX and the list stops changing
// (one publishDiagnostics carries a story's every finding): the panel is maximised meanwhile.
async function settledProblems(page, fx, what, filter) {
  await maximizePanel(page, true);
  let last = null;
  const rows = await waitFor(what, async () => {
    const r = await problems(page, fx.doc);
    const key = JSON.stringify(r);
    const done = r.filter(filter).length > 0 && key === last;
    last = key;
    if (!done) await new Promise((res) => setTimeout(res, 500));
    return done ? r : null;
  }).catch(async (e) => { fail(e.message); return problems(page, fx.doc); });
  await maximizePanel(page, false);
  return rows;
}

async function openFile(page, name) {
  await page.getByRole('treeitem', { name }).first().click();
  await page.waitForSelector(`.tab[aria-label*="${name}"]`);
  await page.waitForTimeout(300);
}

async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel');
  }
}

// The Problems list is virtualised: only rows in view are in the DOM. Maximise the panel while
// reading it, so a story's findings all fit.
async function maximizePanel(page, on) {
  const label = on ? 'Maximize Panel' : 'Restore Panel';
  const button = page.locator(`.part.panel .action-label[aria-label^="${label}"]`).first();
  if (await button.count()) { await button.click(); await page.waitForTimeout(300); }
}

async function waitFor(what, fn, ms = timeout) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function notification(page, text) {
  return page.locator('.notification-toast', { hasText: text }).first();
}

// The ledger headline `copydesk sources` gives for a story, by file name.
function ledgerHeadline(doc) {
  if (!process.env.LEDGER_JSON) return null;
  const ledger = JSON.parse(fs.readFileSync(process.env.LEDGER_JSON, 'utf8'));
  const file = ledger.files.find((f) => path.basename(f.path) === doc);
  return file && file.summary ? file.summary.headline : null;
}

async function statusText(page) {
  const item = page.locator('.statusbar-item', { hasText: 'copydesk' }).first();
  return (await item.count()) ? (await item.innerText()).replace(/\s+/g, ' ').trim() : '';
}

async function snap(page, name) {
  if (!imagesDir) return;
  fs.mkdirSync(imagesDir, { recursive: true });
  await page.screenshot({ path: path.join(imagesDir, name) });
  log(`README screenshot ${path.join(imagesDir, name)}`);
}

(async () => {
  const fixtures = loadFixtures();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || (await browser.newPage());
  page.setDefaultTimeout(timeout);
  let shotTaken = false;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench');
    log('workbench loaded');
    const clean = fixtures.filter((f) => f.plain.length === 0);
    const stories = fixtures.filter((f) => f.plain.length > 0);
    // Clean stories first (they stay open: previews are off in settings.json, so opening the next
    // file does not close them): the server answers in order, so by the time a story's findings
    // are listed, a clean story's (wrong) findings would be listed too.
    for (const fx of clean) { await openFile(page, fx.doc); log(`opened ${fx.doc} (negative control)`); }

    for (const fx of stories) {
      await openFile(page, fx.doc);
      log(`opened ${fx.doc}`);
      await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
        .then(() => log('squiggle visible'), () => fail(`no squiggle in ${fx.doc}`));
      await showProblems(page);
      let rows = await settledProblems(page, fx, `copydesk problems in ${fx.doc}`, () => true);
      for (const r of rows) console.log(`  got ${r.text}`);
      fx.listed = await checkExpected(page, fx, rows, fx.plain, false);
      // Negative controls, read from the same (maximised) list.
      await maximizePanel(page, true);
      for (const c of clean) {
        const crow = await problems(page, c.doc);
        if (crow.length) fail(`negative control ${c.doc}: ${crow.length} copydesk problems: ${crow.map((r) => r.text).join(' | ')}`);
        else console.log(`  ok  ${c.doc}: no copydesk problems`);
      }
      await maximizePanel(page, false);

      // status bar: running, with this story's ledger headline
      const headline = ledgerHeadline(fx.doc);
      if (!headline) fail(`no ledger headline for ${fx.doc} in LEDGER_JSON`);
      const expectStatus = `copydesk: ${headline}`;
      const status = await waitFor('status bar', async () => {
        const s = await statusText(page);
        return s.includes(expectStatus) ? s : null;
      }, 10000).catch(async () => statusText(page));
      if (status.includes(expectStatus)) console.log(`  ok  status bar "${status}"`);
      else fail(`status bar shows "${status}", expected "${expectStatus}..."`);

      // the code lens above the first line shows the same headline
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: headline || '?' }).first();
      await lens.waitFor({ timeout: 15000 }).then(
        () => console.log(`  ok  code lens "${headline}"`),
        async () => fail(`no code lens "${headline}" (lenses: ${JSON.stringify(await page.locator('.codelens-decoration').allInnerTexts())})`));
      // clicking it opens the Outline view, which lists the story's sources by group
      if (await lens.count()) {
        await lens.locator('a').first().click();
        const row = page.locator('.monaco-list-row', { hasText: 'Unnamed sources' }).first();
        await row.waitFor({ timeout: 15000 }).then(
          () => console.log('  ok  the lens opens the outline with "Unnamed sources"'),
          () => fail('clicking the code lens did not show "Unnamed sources" in the Outline view'));
        await snap(page, 'outline.png');
      }

      // hover the first squiggle so the screenshot shows a finding's message
      const sq = page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first();
      const box = (await sq.count()) ? await sq.boundingBox() : null;
      if (box) { await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); await page.waitForTimeout(1500); }
      await page.screenshot({ path: shot });
      shotTaken = true;
      log(`screenshot ${shot}`);
      await snap(page, 'problems.png');

      if (fx.edit) {
        await page.mouse.move(5, 5);
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(fx.edit, { delay: 5 });
        const n = lineOf(fx, '$', true);
        rows = await settledProblems(page, fx, `findings on the edited line ${n}`, (x) => x.line === n);
        log(`after typing "${fx.edit}": ${rows.length} copydesk problems`);
        await checkExpected(page, fx, rows, fx.after, true);
      }
    }
    // Crash the server: the extension must say so and bring it back.
    const pidFile = path.join(process.env.STATE || '', 'server.pids');
    // vscode.sh records every server it sees start; none recorded means no crash test at all.
    if (stories.length && process.env.STATE && !fs.existsSync(pidFile)) {
      fail(`no language server recorded in ${pidFile}`);
    } else if (stories.length && fs.existsSync(pidFile)) {
      const doc = stories[0].doc;
      const pid = Number(fs.readFileSync(pidFile, 'utf8').trim().split('\n').pop());
      process.kill(pid, 'SIGKILL');
      log(`killed the language server (pid ${pid})`);
      const toast = await notification(page, 'restarting');
      await toast.waitFor({ timeout: 20000 }).then(
        async () => {
          console.log(`  ok  notification "${(await toast.innerText()).split('\n')[0]}"`);
          await page.mouse.move(150, 400); // away from buttons whose tooltips would cover things
          await page.waitForTimeout(800); // let the toast finish sliding in
          await snap(page, 'crash-restart.png');
        },
        () => fail('no notification after the server was killed'));
      await maximizePanel(page, true);
      await waitFor('findings after the restart', async () => {
        const pids = fs.readFileSync(pidFile, 'utf8').trim().split('\n');
        return pids.length >= 2 && (await problems(page, doc)).length >= Math.max(1, stories[0].listed || 0);
      }, 30000).then(() => console.log('  ok  server restarted and findings are back'), (e) => fail(e.message));
      await maximizePanel(page, false);

      // The command palette's "copydesk: Restart server".
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('copydesk: Restart server', { delay: 5 });
      await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Restart server")');
      await page.keyboard.press('Enter');
      const restarted = await notification(page, 'server restarted');
      await restarted.waitFor({ timeout: 20000 }).then(
        () => console.log('  ok  "copydesk: Restart server" command'),
        () => fail('no confirmation after "copydesk: Restart server"'));
    }
  } catch (e) {
    fail(e.message.split('\n')[0]);
  } finally {
    if (!shotTaken) { await page.screenshot({ path: shot }).catch(() => {}); log(`screenshot ${shot}`); }
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(failures.length ? `FAIL (${failures.length})` : 'OK');
  process.exit(failures.length ? 1 : 0);
})();
