// The page: analyses the story on every edit (debounced) and draws the findings under the text.
import { loadCopydesk } from './copydesk.js';

const $ = (id) => document.getElementById(id);
const story = $('story');
const mirror = $('mirror');
const tip = $('tip');
const statusLine = $('status');
const SEVERITY_ORDER = ['hint', 'info', 'warning', 'error'];
// Analyse once typing pauses, and at least this often during a long burst of typing.
const DEBOUNCE_MS = 150;
const MAX_WAIT_MS = 1000;

let copydesk = null;
let rulesById = new Map();
let analysis = { findings: [], sources: [] };
let timer = 0;
let pendingSince = 0;

// What the browser test reads: the last analysis, the text it was made for, and timings.
window.copydeskPage = { ready: false, analysedText: null, analysis, timings: {}, analyses: 0 };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function analyseNow() {
  clearTimeout(timer);
  pendingSince = 0;
  if (!copydesk) return;
  const text = story.value;
  const started = performance.now();
  try {
    analysis = copydesk.analyse(text, { format: $('format').value, preset: $('preset').value });
  } catch (err) {
    analysis = { findings: [], sources: [] };
    setStatus(err.message, true);
    return;
  }
  const ms = performance.now() - started;
  const page = window.copydeskPage;
  page.analysis = analysis;
  page.analysedText = text;
  page.analyses += 1;
  page.timings.lastAnalysisMs = ms;
  if (analysis.findings.length && page.timings.firstFindingsMs === undefined) {
    page.timings.firstFindingsMs = performance.now();
  }
  render(text);
  const counts = SEVERITY_ORDER.slice().reverse()
    .map((s) => [s, analysis.findings.filter((f) => f.severity === s).length])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, s, `${s}s`));
  setStatus(text.trim() === '' ? 'Ready.'
    : counts.length ? `${counts.join(', ')} · checked in ${ms.toFixed(0)} ms` : 'No findings.');
}

function schedule() {
  fitHeight();
  clearTimeout(timer);
  const now = performance.now();
  if (!pendingSince) pendingSince = now;
  const wait = Math.max(0, Math.min(DEBOUNCE_MS, pendingSince + MAX_WAIT_MS - now));
  timer = setTimeout(analyseNow, wait);
}

// The textarea grows with the story, so the mirror never has to follow a scroll position.
function fitHeight() {
  story.style.height = 'auto';
  story.style.height = `${story.scrollHeight}px`;
}

// Splits the text at every finding boundary and wraps covered pieces in <mark>, so overlapping
// findings each stay hoverable. A finding of no width is drawn over the character after it.
function render(text) {
  const ranges = analysis.findings.map((f, i) => {
    let { start, end } = f.utf16;
    if (start === end) end = Math.min(text.length, end + 1);
    return { start, end, i };
  });
  const cuts = new Set([0, text.length]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const piece = text.slice(from, to);
    const covering = ranges.filter((r) => r.start <= from && to <= r.end && r.start < r.end);
    if (!covering.length) { fragment.append(piece); continue; }
    const mark = el('mark', worst(covering.map((r) => analysis.findings[r.i].severity)), piece);
    mark.dataset.findings = covering.map((r) => r.i).join(',');
    mark.dataset.start = from;
    fragment.append(mark);
  }
  // A trailing newline takes a line in the textarea but not in a div without something after it.
  fragment.append('\u200b');
  mirror.replaceChildren(fragment);
  renderSources();
  renderFindings();
  showAtCursor();
}

function worst(severities) {
  return severities.reduce((a, b) => (SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b));
}

function renderSources() {
  const list = $('sources');
  const sources = analysis.sources;
  $('sources-count').textContent = sources.length ? `(${sources.length})` : '';
  if (!sources.length) {
    list.replaceChildren(el('li', 'empty', story.value.trim() ? 'No unnamed sources.' : 'Nothing checked yet.'));
    return;
  }
  list.replaceChildren(...sources.map((source) => {
    const item = el('li');
    item.tabIndex = 0;
    item.append(el('div', 'quote', `“${source.text}”`));
    const later = source.mentions.length - 1;
    item.append(el('div', 'meta', source.description
      + (later > 0 ? ` Referred to again ${plural(later, 'time', 'times')}.` : '')));
    if (source.issues.length) {
      const issues = el('ul', 'issues');
      for (const issue of source.issues) {
        const line = el('li');
        line.append(el('code', '', issue.rule), ` ${issue.message}`);
        issues.append(line);
      }
      item.append(issues);
    }
    bindSelect(item, source.utf16);
    return item;
  }));
}

function renderFindings() {
  const list = $('findings');
  const findings = analysis.findings;
  $('findings-count').textContent = findings.length ? `(${findings.length})` : '';
  if (!findings.length) {
    list.replaceChildren(el('li', 'empty', story.value.trim() ? 'No findings: nothing to circle.' : 'Nothing checked yet.'));
    return;
  }
  list.replaceChildren(...findings.map((finding) => {
    const item = el('li');
    item.tabIndex = 0;
    item.dataset.rule = finding.rule;
    item.append(el('span', `sev ${finding.severity}`, finding.severity), el('code', '', finding.rule));
    item.append(el('div', '', finding.message));
    bindSelect(item, finding.utf16);
    return item;
  }));
}

// Clicking an entry selects its words in the story and brings them into view.
function bindSelect(item, range) {
  const go = () => {
    story.focus({ preventScroll: true });
    story.setSelectionRange(range.start, range.end);
    const mark = mirror.querySelector(`mark[data-start="${range.start}"]`);
    (mark || story).scrollIntoView({ block: 'center', behavior: 'smooth' });
    showAtCursor();
  };
  item.addEventListener('click', go);
  item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
}

// The findings at one place, most severe first. Each rule's reasoning and examples are shown
// once; `compact` (the tooltip) gives the full reasoning only for the first, a summary for the
// others, so the tooltip stays readable over a phrase that several rules mark.
function explanation(indices, compact = false) {
  const box = el('div');
  const seen = new Set();
  const findings = indices.map((i) => analysis.findings[i]).filter(Boolean)
    .sort((a, b) => SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity));
  findings.forEach((finding, n) => {
    const part = el('div', 'explain');
    const head = el('div');
    head.append(el('span', `sev ${finding.severity}`, finding.severity), el('code', '', finding.rule));
    part.append(head, el('p', 'message', finding.message));
    const rule = rulesById.get(finding.rule);
    if (rule && !seen.has(rule.id)) {
      seen.add(rule.id);
      if (compact && n > 0) {
        part.append(el('p', 'why', rule.summary));
      } else {
        part.append(el('p', 'why', rule.explanation));
        const wrong = el('p', 'example wrong'); wrong.append(el('b', '', 'Wrong: '), rule.wrong);
        const right = el('p', 'example right'); right.append(el('b', '', 'Right: '), rule.right);
        part.append(wrong, right);
      }
    }
    if (finding.suggestion) part.append(el('p', 'meta', `Suggested wording: ${finding.suggestion}`));
    box.append(part);
  });
  return box;
}

function findingsAt(offset) {
  return analysis.findings
    .map((f, i) => [f, i])
    .filter(([f]) => f.utf16.start <= offset && (offset < f.utf16.end || (f.utf16.start === f.utf16.end && offset === f.utf16.start)))
    .map(([, i]) => i);
}

function showAtCursor() {
  const panel = $('at-cursor');
  const here = document.activeElement === story ? findingsAt(story.selectionStart) : [];
  for (const m of mirror.querySelectorAll('mark.active')) m.classList.remove('active');
  if (!here.length) { panel.replaceChildren(); return; }
  for (const m of mirror.querySelectorAll('mark')) {
    if (m.dataset.findings.split(',').some((i) => here.includes(Number(i)))) m.classList.add('active');
  }
  panel.replaceChildren(explanation(here));
}

// The textarea is on top, so the marks under the pointer are found through the layers below it.
function hover(event) {
  const mark = document.elementsFromPoint(event.clientX, event.clientY)
    .find((node) => node.tagName === 'MARK' && node.parentElement === mirror);
  if (!mark) { tip.hidden = true; return; }
  tip.replaceChildren(explanation(mark.dataset.findings.split(',').map(Number), true));
  tip.hidden = false;
  const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const below = event.clientY + 22;
  const y = below + tip.offsetHeight > window.innerHeight ? event.clientY - tip.offsetHeight - 14 : below;
  tip.style.left = `${Math.max(8, x)}px`;
  tip.style.top = `${Math.max(8, y)}px`;
}

async function loadExample(path) {
  if (!path) return;
  const response = await fetch(path);
  if (!response.ok) { setStatus(`cannot load ${path}`, true); return; }
  story.value = await response.text();
  $('format').value = path.endsWith('.md') ? 'markdown' : 'plaintext';
  fitHeight();
  analyseNow();
}

async function start() {
  const started = performance.now();
  try {
    copydesk = await loadCopydesk('copydesk.wasm');
    rulesById = new Map(copydesk.rules().map((rule) => [rule.id, rule]));
  } catch (err) {
    setStatus(`copydesk could not start: ${err.message}`, true);
    return;
  }
  window.copydeskPage.timings.loadMs = performance.now() - started;
  window.copydeskPage.ready = true;
  story.addEventListener('input', schedule);
  for (const type of ['keyup', 'click', 'focus', 'blur']) story.addEventListener(type, showAtCursor);
  story.addEventListener('mousemove', hover);
  story.addEventListener('mouseleave', () => { tip.hidden = true; });
  $('format').addEventListener('change', analyseNow);
  $('preset').addEventListener('change', analyseNow);
  $('example').addEventListener('change', (e) => { void loadExample(e.target.value); e.target.value = ''; });
  window.addEventListener('resize', fitHeight);
  fitHeight();
  analyseNow();
  setStatus(story.value.trim() ? statusLine.textContent : `Ready (${rulesById.size} rules).`);
}

void start();
