// The studio: a marketer makes a questionnaire in the browser. The draft
// (the questionnaire as a JSON object, model.js) is edited in a form
// (editor.js) or as JSON, checked by the core on every change (studio-core.js,
// the same Rust that scores visitors), shown in a live <readiness-check>, and
// downloaded as a file with the snippet that embeds it. Nothing leaves the
// browser: the draft is kept in localStorage.

import { h, fieldId } from './dom.js';
import { renderEditor, nameOf, itemTitle, missingText } from './editor.js';
import { UI_LANGS, words } from './labels.js';
import { linesFromCsv, renderTeam } from './team.js';
import { badLines, currentText, defaultLabel, problemText, questionIdsOf, readResponses, renderOutcome } from './benchmark.js';
import {
  LANGS,
  blankItem,
  blankTemplate,
  canonical,
  clone,
  deleteAt,
  duplicate,
  embedSnippet,
  fileName,
  getAt,
  iframeSnippet,
  joinPath,
  kindOf,
  lineColumn,
  move,
  moveOption,
  offsetOf,
  offsetOfLine,
  parsePath,
  setAt,
  setLanguage,
  splitItem,
  stringifyWithOffsets,
  suggestId,
  toFileText,
  upgradeLocally,
} from './model.js';

const DRAFT_KEY = 'readiness-studio:draft';
const LANG_KEY = 'readiness-studio:lang';
const HISTORY_LIMIT = 100;
// Typing in one field within this time is one undo step.
const COALESCE_MS = 1500;
const CHECK_DELAY = 150;
const SAVE_DELAY = 300;
const PREVIEW_DELAY = 250;
const TEAM_DELAY = 400;
const BENCH_DELAY = 400;

const $ = (selector) => document.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

const state = {
  ui: 'id',
  t: words('id'),
  screen: 'loading',
  view: 'edit',
  /** The questionnaire being made (an object), or null when the JSON view's text is not one. */
  draft: null,
  /** The JSON view's text while it does not parse (else null): it is checked and saved instead. */
  raw: null,
  history: [],
  at: -1,
  problems: [],
  minutes: null,
  upgraded: null,
  checked: false,
  checking: null,
  checkSeq: 0,
  coreError: null,
  editorStale: true,
  previewLang: null,
  previewStep: null,
  uploadUrl: null,
  /** Disclosures opened or closed by the marketer: item object -> open. */
  open: new WeakMap(),
  /** Items whose id follows their name (new ones, until the id is edited). */
  autoId: new WeakSet(),
  /** The team view: the core's result for the links pasted (kept in memory only) and the strips' width it was drawn at. */
  team: { result: null, error: null, seq: 0, width: 0 },
  /** The benchmarks view: the export as read, the core's result for it (in memory only), the group column, the labels typed. */
  bench: { read: null, result: null, error: null, seq: 0, by: '', labels: {}, showAll: false },
};

// ---------------------------------------------------------------------------
// Storage: never throws (private modes, full quota).

const store = {
  get: (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {}
  },
  remove: (key) => {
    try {
      localStorage.removeItem(key);
    } catch {}
  },
};

// ---------------------------------------------------------------------------
// The core (Rust, compiled to wasm): loaded once; the studio works without it,
// only unchecked.

let corePromise;
const core = () => (corePromise ||= import('./studio-core.js'));

/** The core's team view of share links (one a line) for the questionnaire `text`. */
async function team(text, links, lang) {
  const module = await core();
  return module.team(text, links, lang);
}

/** The core's benchmarks from responses for the questionnaire `text`. */
async function benchmark(text, responses, minCount, label) {
  const module = await core();
  return module.benchmark(text, responses, minCount, label);
}

/** The core's verdict on a text: {problems, minutes, upgraded}. */
async function check(text) {
  const module = await core();
  const result = await module.check(text, state.ui);
  return {
    problems: Array.isArray(result?.problems) ? result.problems : [],
    minutes: result?.minutes ?? null,
    upgraded: result?.upgraded ?? null,
  };
}

// ---------------------------------------------------------------------------
// Words

function applyLabels() {
  const { t } = state;
  document.documentElement.lang = state.ui;
  document.title = t('pageTitle');
  for (const element of $$('[data-t]')) element.textContent = t(element.dataset.t);
  for (const button of $$('[data-ui-lang]')) button.setAttribute('aria-pressed', String(button.dataset.uiLang === state.ui));
  $('.draft-label').textContent = t('draft');
  renderTeamHint();
  renderBenchControls({ force: true });
}

function setUiLang(lang) {
  if (!UI_LANGS.includes(lang)) return;
  state.ui = lang;
  state.t = words(lang);
  store.set(LANG_KEY, lang);
  applyLabels();
  if (state.screen === 'work') {
    renderEditorNow({ keepFocus: true });
    renderPreviewControls();
    renderHistoryButtons();
    updatePublish();
    // The core's messages may come in the studio's language.
    scheduleCheck(0);
    renderProblems();
    // The team view's texts too (factor names, the report).
    if (state.view === 'team') runTeam();
    if (state.view === 'benchmarks') renderBenchNow();
  }
}

function announce(text) {
  const region = $('#announcer');
  // A new node each time: the same words twice are read twice.
  region.replaceChildren(h('span', {}, text));
}

// ---------------------------------------------------------------------------
// Opening a questionnaire

async function openText(text, { name = '', restored = false } = {}) {
  const { t } = state;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  let notice = restored ? t('draftRestored') : name ? t('opened', { name }) : '';
  if (isObject(parsed)) {
    if (parsed.formatVersion === 1) {
      let upgraded = null;
      try {
        upgraded = (await check(text)).upgraded;
      } catch {}
      parsed = isObject(upgraded) ? upgraded : upgradeLocally(parsed);
      notice = `${notice} ${t('upgraded')}`.trim();
    }
    state.draft = parsed;
    state.raw = null;
  } else {
    state.draft = null;
    state.raw = text;
    notice = `${notice} ${t(parsed === undefined ? 'notJson' : 'notObject')}`.trim();
  }
  state.history = [snapshot(null)];
  state.at = 0;
  state.problems = [];
  state.checked = false;
  state.upgraded = null;
  state.uploadUrl = null;
  state.previewStep = null;
  // A new widget for a new draft: nothing of the last one's place or answers.
  previewElement()?.remove();
  state.open = new WeakMap();
  state.autoId = new WeakSet();
  state.editorStale = true;
  showWork(state.draft ? 'edit' : 'json');
  setNotice(notice);
  if (notice) announce(notice);
  save();
  scheduleCheck(0);
  schedulePreview(0);
  if (!restored) $('#work-heading').focus();
}

function setNotice(text) {
  const notice = $('#notice');
  notice.textContent = text;
  notice.hidden = !text;
}

async function startBuiltin() {
  const button = $('#start-builtin');
  button.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(new URL('social-media-strategy.json', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await openText(await response.text());
  } catch (error) {
    startError(state.t('builtinFailed', { error: error.message }));
  } finally {
    button.removeAttribute('aria-busy');
  }
}

function startBlank() {
  openText(JSON.stringify(blankTemplate()));
}

async function openFile(file) {
  if (!file) return;
  try {
    await openText(await file.text(), { name: file.name });
  } catch {
    startError(state.t('fileUnreadable', { name: file.name }));
  }
}

function startError(text) {
  $('#start-error').textContent = text;
}

function showStart() {
  state.screen = 'start';
  state.draft = null;
  state.raw = null;
  state.history = [];
  state.at = -1;
  $('#loading').hidden = true;
  $('#work').hidden = true;
  $('#start').hidden = false;
  $('#paste').value = '';
  startError('');
}

function showWork(view) {
  state.screen = 'work';
  $('#loading').hidden = true;
  $('#start').hidden = true;
  $('#work').hidden = false;
  setView(view, { focus: false });
  renderTitle();
  renderHistoryButtons();
  renderPreviewControls();
  renderProblems();
  updatePublish();
}

// ---------------------------------------------------------------------------
// History: snapshots of the draft as JSON; typing in one field is one step.

function snapshot(path) {
  return { json: state.draft ? JSON.stringify(state.draft) : null, raw: state.raw, path, at: Date.now() };
}

/** Records a change to the draft (already made) and lets everything follow it. */
function commit(path = null, { coalesce = false, fromJson = false } = {}) {
  const top = state.history[state.at];
  if (coalesce && path && top && top.path === path && state.at === state.history.length - 1 && Date.now() - top.at < COALESCE_MS) {
    Object.assign(top, snapshot(path));
  } else {
    state.history.splice(state.at + 1);
    state.history.push(snapshot(path));
    if (state.history.length > HISTORY_LIMIT) state.history.splice(1, state.history.length - HISTORY_LIMIT);
    state.at = state.history.length - 1;
  }
  if (!fromJson) state.raw = null;
  changed({ fromJson });
}

/** After any change of the draft: check, save, preview, and the views not being typed in. */
function changed({ fromJson = false } = {}) {
  state.checked = false;
  renderHistoryButtons();
  renderTitle();
  scheduleCheck();
  scheduleSave();
  schedulePreview();
  if (JSON.stringify(state.draft?.languages) !== previewLangsShown) renderPreviewControls();
  if (state.view === 'team') scheduleTeam();
  if (state.view === 'benchmarks') {
    renderBenchControls();
    renderBenchCurrent();
    scheduleBench();
  }
  if (fromJson) state.editorStale = true;
  else if (state.view === 'json') fillJson();
  $('#json-banner').hidden = !(state.raw !== null && state.draft);
  if (state.view === 'publish') updatePublish();
}

function restore(entry) {
  state.draft = entry.json === null ? null : JSON.parse(entry.json);
  state.raw = entry.raw;
  state.editorStale = true;
  // Back to text that is not a questionnaire (an imported file's): the JSON view shows it.
  if (!state.draft && state.view === 'edit') setView('json');
  if (state.view === 'edit') renderEditorNow({ keepFocus: true });
  if (state.view === 'json') fillJson(true);
  changed();
}

function undo() {
  if (state.at <= 0) return announce(state.t('nothingToUndo'));
  state.at--;
  restore(state.history[state.at]);
  announce(state.t('undone'));
}

function redo() {
  if (state.at >= state.history.length - 1) return announce(state.t('nothingToRedo'));
  state.at++;
  restore(state.history[state.at]);
  announce(state.t('redone'));
}

function renderHistoryButtons() {
  const { t } = state;
  for (const [button, enabled] of [
    [$('#undo'), state.at > 0],
    [$('#redo'), state.at < state.history.length - 1],
  ]) {
    // aria-disabled, not disabled: a button pressed to its end keeps focus.
    button.setAttribute('aria-disabled', String(!enabled));
  }
  $('#undo').title = `${t('undo')} (${t('undoKeys')})`;
  $('#redo').title = `${t('redo')} (${t('redoKeys')})`;
}

function renderTitle() {
  const title = state.draft ? nameOf(editorContext(), state.draft, 'title') : '';
  $('#work-title').textContent = title || state.t('untitled');
}

// ---------------------------------------------------------------------------
// Saving the draft

let saveTimer;
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY);
}

function save() {
  clearTimeout(saveTimer);
  if (state.screen !== 'work') return;
  store.set(DRAFT_KEY, state.raw ?? JSON.stringify(state.draft));
}

// ---------------------------------------------------------------------------
// Views

function setView(view, { focus = false } = {}) {
  if (view === 'edit' && !state.draft) view = 'json';
  state.view = view;
  for (const button of $$('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === view));
  for (const name of ['edit', 'json', 'publish', 'team', 'benchmarks']) $(`#view-${name}`).hidden = name !== view;
  // For print: only the team view prints, when it is the view shown.
  $('#work').dataset.showing = view;
  if (view === 'edit') {
    if (state.editorStale) renderEditorNow();
    $('#json-banner').hidden = !(state.raw !== null && state.draft);
  } else if (view === 'json') {
    fillJson();
  } else if (view === 'team') {
    renderTeamHint();
    // The draft may have changed in a way no commit saw (JSON being fixed): always ask again.
    runTeam();
  } else if (view === 'benchmarks') {
    renderBenchControls();
    renderBenchCurrent();
    runBench();
  } else {
    updatePublish();
  }
  if (focus) (view === 'edit' ? $('#work-heading') : $(`#view-${view} h2`))?.focus();
}

// ---------------------------------------------------------------------------
// The structured editor

function editorContext() {
  const langs = Array.isArray(state.draft?.languages) ? state.draft.languages : LANGS;
  return {
    t: state.t,
    draft: state.draft,
    langs,
    display: langs.includes(state.ui) ? state.ui : langs[0],
    isOpen: (item, path, fallback) => {
      if (isObject(item) && state.open.has(item)) return state.open.get(item);
      return openPaths.get(path) ?? fallback;
    },
  };
}

// Disclosures open by path, taken from the page before a redraw (after an
// undo the items are new objects; their paths are what stays).
let openPaths = new Map();

function renderEditorNow({ keepFocus = false, focus } = {}) {
  const editor = $('#editor');
  if (!state.draft) {
    editor.replaceChildren();
    state.editorStale = false;
    return;
  }
  const active = document.activeElement;
  const focusKey =
    keepFocus && editor.contains(active)
      ? { path: active.dataset.path, op: active.dataset.op ?? null, tag: active.tagName }
      : null;
  openPaths = new Map($$('details[data-path]', editor).map((details) => [details.dataset.path, details.open]));
  let content;
  try {
    content = renderEditor(state.draft, editorContext());
  } catch (error) {
    content = h(
      'p',
      { class: 'notice warn' },
      state.t('editorUnavailable', { reason: error.message }),
      ' ',
      h('button', { type: 'button', class: 'tool', 'data-view-link': 'json' }, state.t('openJson')),
    );
  }
  editor.replaceChildren(content);
  state.editorStale = false;
  markFields();
  if (focus) focusIn(editor, focus);
  else if (focusKey?.path !== undefined) {
    const selector = focusKey.op
      ? `[data-op="${focusKey.op}"][data-path="${CSS.escape(focusKey.path)}"]`
      : `[data-path="${CSS.escape(focusKey.path)}"]:is(input,textarea,select)`;
    focusIn(editor, selector);
  }
}

/** Focuses the first match of `selector` in `root`, opening the disclosures around it. */
function focusIn(root, selector) {
  const target = typeof selector === 'string' ? root.querySelector(selector) : selector;
  if (!target) return false;
  for (let details = target.closest('details'); details; details = details.parentElement.closest('details')) {
    if (!details.open) details.open = true;
  }
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return true;
}

/** The focus target for an item: its disclosure's summary, else its first field. */
function itemFocus(path) {
  const editor = $('#editor');
  const item = editor.querySelector(`[data-path="${CSS.escape(path)}"]:is(details, section, .option)`);
  if (!item) return null;
  if (item.tagName === 'DETAILS') return item.querySelector(':scope > summary');
  return item.querySelector('input, textarea, select');
}

/** The words an item is announced with: "Factor 2". */
function itemLabel(path) {
  const steps = parsePath(path);
  const kind = kindOf(path);
  const n = steps.at(-1) + 1;
  const { t } = state;
  if (kind === 'factors') return t('factorN', { n });
  if (kind === 'questions') return t('questionN', { n: `${steps[1] + 1}.${n}` });
  if (kind === 'levels') return t('levelN', { n });
  if (kind === 'caps') return t('capN', { n });
  return '';
}

function onEditorInput(event) {
  const input = event.target;
  const path = input.dataset?.path;
  const kind = input.dataset?.kind;
  if (!path || !kind || input.dataset.op) return;
  const draft = state.draft;
  if (!draft) return;
  const steps = parsePath(path);
  if (kind === 'text') {
    const textPath = joinPath(steps.slice(0, -1));
    const itemPath = joinPath(steps.slice(0, -2));
    const field = steps.at(-2);
    const naming = isNameField(itemPath, field);
    const before = naming ? suggestId(draft, itemPath) : null;
    setAt(draft, path, input.value);
    const text = getAt(draft, textPath);
    if (input.dataset.optional && Object.values(text).every((value) => typeof value !== 'string' || !value.trim())) {
      deleteAt(draft, textPath);
    }
    // Every language's mark: an optional text's other language may have
    // become (or stopped being) a missing translation.
    for (const other of input.closest('.langs')?.querySelectorAll('.lang-field') ?? []) {
      const otherLang = other.querySelector('[data-path]')?.getAttribute('lang');
      const empty = missingText(getAt(draft, textPath), otherLang, Boolean(input.dataset.optional));
      other.classList.toggle('empty', empty);
      const mark = other.querySelector('.missing');
      if (mark) mark.hidden = !empty;
    }
    if (naming) {
      // A new item's id follows its name, as long as it is empty or the
      // one suggested; an id that came with the file stays as it is (answers
      // and share links use it).
      const idPath = itemPath ? `${itemPath}.id` : 'id';
      const id = getAt(draft, idPath);
      const item = itemPath ? getAt(draft, itemPath) : draft;
      if (id === '' || id === undefined) state.autoId.add(item);
      else if (id !== before) state.autoId.delete(item);
      if (state.autoId.has(item)) {
        const next = suggestId(draft, itemPath);
        if (next !== id) {
          setAt(draft, idPath, next);
          const idInput = $(`#${fieldId(idPath)}`);
          if (idInput) idInput.value = next;
        }
      }
      updateItemTitle(itemPath);
    }
  } else if (kind === 'number' || kind === 'int') {
    if (input.value === '') {
      if (input.validity?.badInput) return;
      deleteAt(draft, path);
    } else {
      const value = Number(input.value);
      if (!Number.isFinite(value)) return;
      setAt(draft, path, value);
    }
  } else if (kind === 'id' && path.endsWith('id')) {
    state.autoId.delete(joinPath(steps.slice(0, -1)) ? getAt(draft, steps.slice(0, -1)) : draft);
    setAt(draft, path, input.value);
  } else if (kind === 'bool') {
    if (input.checked) setAt(draft, path, true);
    else deleteAt(draft, path);
  } else {
    setAt(draft, path, input.value);
  }
  commit(path, { coalesce: kind === 'text' || kind === 'string' || kind === 'id' || kind === 'number' });
}

/** Is `field` the text an item at `itemPath` is named by (and its id suggested from)? */
function isNameField(itemPath, field) {
  const kind = kindOf(itemPath);
  if (itemPath === '') return field === 'title';
  if (kind === 'questions') return field === 'title';
  return (kind === 'factors' || kind === 'levels') && field === 'name';
}

function updateItemTitle(itemPath) {
  if (itemPath === '') return renderTitle();
  const heading = $(`#editor [data-title-for="${CSS.escape(itemPath)}"]`);
  if (!heading) return;
  const c = editorContext();
  const field = kindOf(itemPath) === 'questions' ? 'title' : 'name';
  heading.replaceChildren(...itemTitle(c, itemLabel(itemPath), nameOf(c, getAt(state.draft, itemPath), field)));
}

function onEditorClick(event) {
  const button = event.target.closest('button[data-op], [data-view-link]');
  if (!button) return;
  if (button.dataset.viewLink) return setView(button.dataset.viewLink, { focus: true });
  if (button.getAttribute('aria-disabled') === 'true') {
    if (button.dataset.op === 'up' || button.dataset.op === 'down' || button.dataset.op.startsWith('option-')) {
      announce(state.t('cantMove', { item: itemLabel(button.dataset.path) || state.t('step', { n: splitItem(button.dataset.path)[1] }) }));
    }
    return;
  }
  const { op, path } = button.dataset;
  const draft = state.draft;
  const { t } = state;
  const langs = Array.isArray(draft.languages) && draft.languages.length ? draft.languages.filter((l) => LANGS.includes(l)) : LANGS;
  switch (op) {
    case 'add': {
      const kind = button.dataset.kind || kindOf(`${path}[0]`);
      const item = blankItem(kind, langs.length ? langs : LANGS);
      let items = getAt(draft, path);
      if (!Array.isArray(items)) {
        items = [];
        setAt(draft, path, items);
      }
      if (kind === 'levels' && items.length) {
        const last = Number(items.at(-1)?.min);
        item.min = Number.isFinite(last) ? Math.min(100, last + 10) : 0;
      }
      items.push(item);
      const itemPath = `${path}[${items.length - 1}]`;
      state.open.set(item, true);
      commit(null);
      const first = langs[0] ?? 'id';
      const focus =
        kind === 'factors'
          ? `[data-path="${itemPath}.name.${first}"]`
          : kind === 'questions'
            ? `[data-path="${itemPath}.title.${first}"]`
            : kind === 'levels'
              ? `[data-path="${itemPath}.name.${first}"]`
              : `[data-path^="${itemPath}."]:is(input, select)`;
      renderEditorNow({ focus });
      announce(t('added', { item: itemLabel(itemPath) }));
      break;
    }
    case 'up':
    case 'down': {
      const to = move(draft, path, op === 'up' ? -1 : 1);
      if (!to) return;
      commit(null);
      renderEditorNow({ focus: `[data-op="${op}"][data-path="${CSS.escape(to)}"]` });
      announce(t('moved', { item: itemLabel(path), n: splitItem(to)[1] + 1 }));
      break;
    }
    case 'option-up':
    case 'option-down': {
      const to = moveOption(draft, path, op === 'option-up' ? -1 : 1);
      if (!to) return;
      commit(null);
      renderEditorNow({ focus: `[data-op="${op}"][data-path="${CSS.escape(to)}"]` });
      announce(t('moved', { item: t('step', { n: splitItem(path)[1] }), n: splitItem(to)[1] }));
      break;
    }
    case 'duplicate': {
      const copy = duplicate(draft, path);
      const item = getAt(draft, copy);
      if (isObject(item)) state.open.set(item, true);
      commit(null);
      renderEditorNow();
      focusIn($('#editor'), itemFocus(copy));
      announce(t('duplicated', { item: itemLabel(path) }));
      break;
    }
    case 'remove': {
      const label = itemLabel(path);
      const [listPath, index] = splitItem(path);
      deleteAt(draft, path);
      commit(null);
      renderEditorNow();
      const items = getAt(draft, listPath);
      const next = Array.isArray(items) && items.length ? `${listPath}[${Math.min(index, items.length - 1)}]` : null;
      const target = (next && itemFocus(next)) || $(`#editor [data-op="add"][data-path="${CSS.escape(listPath)}"]`);
      if (target) focusIn($('#editor'), target);
      announce(t('removed', { item: label }));
      break;
    }
    case 'suggest': {
      const idPath = path ? `${path}.id` : 'id';
      const id = suggestId(draft, path);
      setAt(draft, idPath, id);
      const owner = path ? getAt(draft, path) : draft;
      if (isObject(owner)) state.autoId.add(owner);
      const input = $(`#${fieldId(idPath)}`);
      if (input) input.value = id;
      commit(null);
      announce(t('idSet', { id }));
      break;
    }
    default:
  }
}

function onEditorChange(event) {
  const input = event.target;
  if (input.dataset?.op !== 'language' || !state.draft) return;
  const lang = input.value;
  const langs = Array.isArray(state.draft.languages) ? state.draft.languages : [];
  if (!input.checked && langs.filter((l) => l !== lang).length === 0) {
    input.checked = true;
    announce(state.t('lastLanguage'));
    return;
  }
  setLanguage(state.draft, lang, input.checked);
  commit(null);
  renderEditorNow({ keepFocus: true });
  renderPreviewControls();
  announce(state.t(input.checked ? 'languageOn' : 'languageOff', { lang: state.t(`langName_${lang}`) }));
}

/** Choices that name other items (a cap's question and level) follow the draft. */
function onEditorFocusIn(event) {
  const section = event.target.closest('[data-factor]');
  if (section) {
    const step = Number(section.dataset.factor);
    if (step !== state.previewStep) {
      state.previewStep = step;
      goTo(step);
    }
  }
  const select = event.target.closest('select[data-path]');
  if (select && /\.(question|maxLevel)$/.test(select.dataset.path)) refreshChoices(select);
}

function refreshChoices(select) {
  const c = editorContext();
  const choices = select.dataset.path.endsWith('.question')
    ? (state.draft.factors ?? []).flatMap((factor) => (Array.isArray(factor?.questions) ? factor.questions : [])).map((q) => [q?.id, `${q?.id} · ${nameOf(c, q, 'title')}`])
    : (Array.isArray(state.draft.levels) ? state.draft.levels : []).map((l) => [l?.id, `${l?.id} · ${nameOf(c, l, 'name')}`]);
  const current = select.value;
  const options = [h('option', { value: '' }, state.t('choose'))];
  for (const [value, text] of choices) if (typeof value === 'string' && value) options.push(h('option', { value }, text));
  if (current && !choices.some(([value]) => value === current)) options.push(h('option', { value: current }, state.t('unknownRef', { id: current })));
  select.replaceChildren(...options);
  select.value = current;
}

// ---------------------------------------------------------------------------
// The JSON view

/** Writes the draft into the JSON view (unless it already says the same, or is being fixed). */
function fillJson(force = false) {
  const area = $('#json-text');
  if (state.raw !== null && !force) {
    if (area.value !== state.raw) area.value = state.raw;
  } else if (state.draft) {
    let same = false;
    try {
      same = JSON.stringify(JSON.parse(area.value)) === JSON.stringify(state.draft);
    } catch {}
    if (!same || force) area.value = toFileText(state.draft);
  } else if (state.raw !== null) {
    area.value = state.raw;
  }
  renderJsonStatus();
}

let jsonError = '';
function onJsonInput() {
  const area = $('#json-text');
  let parsed;
  try {
    parsed = JSON.parse(area.value);
    jsonError = isObject(parsed) ? '' : state.t('notObject');
  } catch (error) {
    jsonError = error.message;
  }
  if (!jsonError) {
    state.draft = parsed;
    state.raw = null;
    commit('json', { coalesce: true, fromJson: true });
  } else {
    state.raw = area.value;
    state.checked = false;
    scheduleCheck();
    scheduleSave();
    $('#json-banner').hidden = !state.draft;
  }
  renderJsonStatus();
}

function renderJsonStatus() {
  const area = $('#json-text');
  const status = $('#json-status');
  if (state.raw !== null) {
    let message = jsonError;
    if (!message) {
      try {
        const parsed = JSON.parse(state.raw);
        message = isObject(parsed) ? '' : state.t('notObject');
      } catch (error) {
        message = error.message;
      }
    }
    // The core's message (with its line and column) once it has spoken.
    const syntax = state.checked && state.problems.find(placeOf);
    status.textContent = state.t('jsonError', { error: syntax ? `${pathWords(syntax.path)}: ${syntax.message}` : message });
    status.className = 'json-status bad';
    area.setAttribute('aria-invalid', 'true');
  } else {
    status.textContent = state.t('jsonOk');
    status.className = 'json-status ok';
    area.removeAttribute('aria-invalid');
  }
}

function formatJson() {
  const area = $('#json-text');
  try {
    const parsed = JSON.parse(area.value);
    area.value = toFileText(parsed);
    onJsonInput();
  } catch {
    renderJsonStatus();
  }
}

/** Puts the JSON view's caret on a problem's place. */
function focusJson(problem) {
  setView('json');
  const area = $('#json-text');
  let at = 0;
  if (state.raw !== null) {
    const where = placeOf(problem);
    if (where) at = offsetOfLine(state.raw, where.line, where.column);
  } else if (state.draft) {
    const { text, offsets } = stringifyWithOffsets(canonical(state.draft));
    if (area.value !== `${text}\n`) area.value = `${text}\n`;
    at = offsetOf(offsets, problem.path);
  }
  const end = area.value.indexOf('\n', at);
  area.focus();
  area.setSelectionRange(at, end < 0 ? area.value.length : end);
  // Scroll the caret's line into view.
  const line = area.value.slice(0, at).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, line * lineHeight - area.clientHeight / 3);
  area.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------------------
// Checking

/** A syntax problem's line and column (the core names them in its path, or its message), or null. */
const placeOf = (problem) => lineColumn(problem.path) ?? (problem.path ? null : lineColumn(problem.message));

let checkTimer;
function scheduleCheck(delay = CHECK_DELAY) {
  clearTimeout(checkTimer);
  state.checked = false;
  $('#problems').dataset.checked = 'false';
  state.checking = new Promise((resolve) => {
    checkTimer = setTimeout(() => runCheck().then(resolve, resolve), delay);
  });
  return state.checking;
}

async function runCheck() {
  if (state.screen !== 'work') return;
  const seq = ++state.checkSeq;
  const text = state.raw ?? toFileText(state.draft);
  let result;
  try {
    result = await check(text);
    state.coreError = null;
  } catch (error) {
    if (seq !== state.checkSeq) return;
    state.coreError = error.message || String(error);
    state.problems = [];
    state.minutes = null;
    state.checked = false;
    renderProblems();
    updatePublish();
    return;
  }
  if (seq !== state.checkSeq) return;
  state.problems = result.problems;
  state.minutes = result.minutes;
  state.upgraded = state.draft?.formatVersion === 1 ? result.upgraded : null;
  state.checked = true;
  renderProblems();
  markFields();
  if (state.view === 'json') renderJsonStatus();
  updatePublish();
}

/** Waits for the check of the draft as it is now. */
async function checkedNow() {
  if (!state.checked) await scheduleCheck(0);
  return state.checked;
}

const counts = (errors, warnings) =>
  state.t('counts', { errors: state.t('nErrors', { n: errors }), warnings: state.t('nWarnings', { n: warnings }) });

const errorsOf = () => state.problems.filter((p) => p.severity !== 'warning');
const warningsOf = () => state.problems.filter((p) => p.severity === 'warning');

const FIELD_WORDS = {
  id: 'id',
  version: 'version',
  languages: 'languages',
  title: 'title',
  intro: 'intro',
  weight: 'weight',
  name: 'name',
  shortName: 'shortName',
  description: 'description',
  prompt: 'prompt',
  help: 'help',
  allowNotApplicable: 'allowNa',
  options: 'options',
  score: 'score',
  text: 'optionText',
  advice: 'advice',
  min: 'min',
  question: 'capQuestion',
  below: 'capBelow',
  maxLevel: 'capMaxLevel',
  maxLevelsAbove: 'capMaxLevelsAbove',
  reason: 'reason',
  rule: 'rule',
  questions: 'questions',
  factors: 'factors',
  levels: 'levels',
  caps: 'caps',
};

/** A path in words: "Factor 2 › Question 2.1 › Question › English". */
function pathWords(path) {
  const { t } = state;
  if (!path) return t('wholeFile');
  const place = lineColumn(path);
  if (place) return t('lineColumn', place);
  const steps = parsePath(path);
  const out = [];
  let factor = null;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const next = steps[i + 1];
    if (typeof next === 'number' && ['factors', 'questions', 'options', 'levels', 'caps'].includes(step)) {
      if (step === 'factors') {
        factor = next;
        out.push(t('factorN', { n: next + 1 }));
      } else if (step === 'questions') out.push(t('questionN', { n: `${(factor ?? 0) + 1}.${next + 1}` }));
      else if (step === 'options') out.push(t('step', { n: next }));
      else if (step === 'levels') out.push(t('levelN', { n: next + 1 }));
      else out.push(t('capN', { n: next + 1 }));
      i++;
    } else if (typeof step === 'string' && (step === 'id' || step === 'en') && i === steps.length - 1 && i > 0 && isTextStep(steps[i - 1])) {
      out.push(t(`langName_${step}`));
    } else if (typeof step === 'number') {
      out.push(`#${step + 1}`);
    } else {
      const key = FIELD_WORDS[step];
      if (step === 'title' && steps.includes('questions')) out.push(t('questionTitle'));
      else out.push(key ? t(key === 'id' ? 'id' : key) : step);
    }
  }
  return out.join(' › ');
}

const isTextStep = (step) => ['title', 'intro', 'name', 'shortName', 'description', 'prompt', 'help', 'text', 'advice', 'reason'].includes(step);

function renderProblems() {
  const { t } = state;
  const status = $('#problem-status');
  const lists = $('#problem-lists');
  const chip = $('#status-chip');
  const errors = errorsOf();
  const warnings = warningsOf();
  // For tests and tools: whether this is the verdict on the draft as it is.
  Object.assign($('#problems').dataset, { checked: String(state.checked), errors: errors.length, warnings: warnings.length });
  let summary;
  if (state.coreError) summary = t('coreMissing', { error: state.coreError });
  else if (!state.checked && !state.problems.length) summary = t('checking');
  else if (!errors.length && !warnings.length) summary = t('noProblems');
  else summary = counts(errors.length, warnings.length);
  // Only a change is announced (a live region reads what changes).
  if (status.textContent !== summary) status.textContent = summary;
  status.className = `problem-status ${state.coreError || errors.length ? 'bad' : warnings.length ? 'warn' : state.checked ? 'ok' : ''}`;
  chip.textContent = state.coreError
    ? t('chipCore')
    : !state.checked && !state.problems.length
      ? t('checking')
      : errors.length || warnings.length
        ? counts(errors.length, warnings.length)
        : t('chipOk');
  chip.className = `status-chip ${errors.length || state.coreError ? 'bad' : warnings.length ? 'warn' : 'ok'}`;

  const minutes = $('#minutes');
  const entries = state.minutes ? Object.entries(state.minutes).filter(([, n]) => Number.isFinite(n)) : [];
  minutes.textContent = entries.length
    ? t('minutes', { list: entries.map(([lang, n]) => t('minutesOne', { n, lang: t(`langName_${lang}`) })).join(', ') })
    : '';
  minutes.hidden = !entries.length;

  // Keep focus on the list if it was there.
  const active = document.activeElement;
  const hadFocus = lists.contains(active) ? Number(active.dataset.problem) : null;
  const group = (items, kind) => {
    if (!items.length) return [];
    return [
      h('h3', { class: `group ${kind}` }, t(kind === 'error' ? 'errors' : 'warnings'), ` (${items.length})`),
      h('p', { class: 'hint' }, t(kind === 'error' ? 'errorsHelp' : 'warningsHelp')),
      h(
        'ol',
        { class: 'problem-list' },
        items.map((problem) => {
          const index = state.problems.indexOf(problem);
          return h(
            'li',
            { class: `problem ${kind}` },
            h(
              'button',
              { type: 'button', class: 'problem-button', 'data-problem': String(index), 'aria-describedby': `problem-hint-${index}` },
              h('span', { class: 'where' }, pathWords(problem.path)),
              h('span', { class: 'message' }, problem.message),
            ),
            h(
              'p',
              { class: 'problem-hint', id: `problem-hint-${index}` },
              problem.hint ? [h('span', { class: 'hint-label' }, `${t('hint')}: `), problem.hint] : null,
              problem.path && !lineColumn(problem.path) ? h('code', { class: 'path' }, problem.path) : null,
            ),
          );
        }),
      ),
    ];
  };
  const upgrade = state.upgraded
    ? h(
        'p',
        { class: 'upgrade' },
        t('upgradeNote'),
        ' ',
        h('button', { type: 'button', class: 'secondary', id: 'apply-upgrade' }, t('upgradeButton')),
      )
    : null;
  lists.replaceChildren(...group(errors, 'error'), ...group(warnings, 'warning'), upgrade ?? '');
  if (hadFocus !== null) lists.querySelector(`[data-problem="${hadFocus}"]`)?.focus() ?? lists.querySelector('button')?.focus();
  renderBadges();
}

function renderBadges() {
  const { t } = state;
  for (const badge of $$('#editor [data-badge]')) {
    const base = badge.dataset.badge;
    const mine = state.problems.filter((p) => p.path === base || p.path.startsWith(`${base}.`) || p.path.startsWith(`${base}[`));
    badge.hidden = !mine.length;
    badge.textContent = mine.length ? t('problemCount', { n: mine.length }) : '';
    badge.className = `badge ${mine.some((p) => p.severity !== 'warning') ? 'bad' : 'warn'}`;
  }
}

/** The editor's field a path names, or the nearest one that holds it; null when only the JSON view shows it. */
function fieldFor(path) {
  const editor = $('#editor');
  if (!state.draft || !path) return null;
  const control = ':is(input, textarea, select, button[data-op="add"])';
  const exact = editor.querySelector(`${control}[data-path="${CSS.escape(path)}"]`);
  if (exact) return exact;
  const inside = editor.querySelector(
    `:is(input, textarea, select)[data-path^="${CSS.escape(`${path}.`)}"], :is(input, textarea, select)[data-path^="${CSS.escape(`${path}[`)}"]`,
  );
  if (inside) return inside;
  // Something the form does not show (an unknown field, say): the JSON view.
  if (getAt(state.draft, path) !== undefined) return null;
  const steps = parsePath(path);
  for (let n = steps.length - 1; n > 0; n--) {
    const up = joinPath(steps.slice(0, n));
    const holder = editor.querySelector(`${control}[data-path="${CSS.escape(up)}"]`) ?? itemFocus(up);
    if (holder) return holder;
  }
  return null;
}

/** Marks the fields with problems: aria-invalid, and the message beside them, named by aria-describedby. */
function markFields() {
  const editor = $('#editor');
  for (const element of $$('[aria-invalid], [data-problem-marked]', editor)) {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('data-problem-marked');
    const base = element.dataset.described;
    if (base) element.setAttribute('aria-describedby', base);
    else element.removeAttribute('aria-describedby');
  }
  for (const message of $$('.field-problem', editor)) message.remove();
  for (const wrapper of $$('.has-error, .has-warning', editor)) wrapper.classList.remove('has-error', 'has-warning');
  if (!state.draft || state.editorStale) return;
  state.problems.forEach((problem, index) => {
    const field = fieldFor(problem.path);
    if (!field || field.tagName === 'SUMMARY' || field.tagName === 'BUTTON') return;
    const error = problem.severity !== 'warning';
    const id = `field-problem-${index}`;
    const message = h(
      'p',
      { class: `field-problem ${error ? 'error' : 'warning'}`, id },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, error ? '!' : 'i'),
      ' ',
      problem.message,
      problem.hint ? h('span', { class: 'field-hint' }, ` — ${problem.hint}`) : null,
    );
    const wrapper = field.closest('.lang-field, .field, .choices') ?? field.parentElement;
    wrapper.append(message);
    wrapper.classList.add(error ? 'has-error' : 'has-warning');
    if (error) field.setAttribute('aria-invalid', 'true');
    field.setAttribute('data-problem-marked', '');
    const described = new Set((field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    described.add(id);
    field.setAttribute('aria-describedby', [...described].join(' '));
  });
}

function onProblemClick(event) {
  if (event.target.closest('#apply-upgrade')) {
    if (isObject(state.upgraded)) {
      state.draft = state.upgraded;
      state.upgraded = null;
      commit(null);
      state.editorStale = true;
      if (state.view === 'edit') renderEditorNow();
    }
    return;
  }
  const button = event.target.closest('[data-problem]');
  if (!button) return;
  const problem = state.problems[Number(button.dataset.problem)];
  if (problem) focusProblem(problem);
}

function focusProblem(problem) {
  if (state.draft && state.raw === null) {
    if (state.view !== 'edit') setView('edit');
    if (state.editorStale) renderEditorNow();
    const field = fieldFor(problem.path);
    if (field && focusIn($('#editor'), field)) return;
  }
  focusJson(problem);
}

// ---------------------------------------------------------------------------
// The preview: the real widget, fed the draft as an object.

let widgetLoading;
function loadWidget() {
  widgetLoading ||= import('../widget/readiness-check.js').catch((error) => console.error('studio: the widget did not load', error));
  return widgetLoading;
}

let previewTimer;
function schedulePreview(delay = PREVIEW_DELAY) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(updatePreview, delay);
}

const previewElement = () => $('#preview');

function updatePreview() {
  $('#preview-note').hidden = Boolean(state.draft);
  $('#preview-frame').hidden = !state.draft;
  if (!state.draft) return;
  // A copy: the widget never sees the draft change under it. (Set before
  // the element is defined, the loader takes it over when it connects.)
  const draft = canonical(clone(state.draft));
  const lang = previewLang();
  let element = previewElement();
  if (!element) {
    // Made with the draft already set, so that it never fetches the
    // built-in questionnaire first.
    element = h('readiness-check', { id: 'preview', storage: 'none', lang });
    element.questionnaire = draft;
    $('#preview-frame').append(element);
  } else {
    if (element.getAttribute('lang') !== lang) element.setAttribute('lang', lang);
    element.questionnaire = draft;
  }
  if (state.previewStep !== null) goTo(state.previewStep);
  loadWidget();
}

function goTo(step) {
  const element = previewElement();
  if (typeof element?.goTo === 'function') {
    try {
      element.goTo(step);
    } catch (error) {
      console.error('studio: preview goTo', error);
    }
  }
}

function previewLang() {
  const langs = (Array.isArray(state.draft?.languages) ? state.draft.languages : LANGS).filter((l) => LANGS.includes(l));
  if (!langs.length) return state.ui;
  if (!langs.includes(state.previewLang)) state.previewLang = langs.includes(state.ui) ? state.ui : langs[0];
  return state.previewLang;
}

// The languages the preview's switch offers (to redraw it when they change).
let previewLangsShown;

function renderPreviewControls() {
  previewLangsShown = JSON.stringify(state.draft?.languages);
  const row = $('#preview-langs .seg-row');
  const current = previewLang();
  const langs = (Array.isArray(state.draft?.languages) ? state.draft.languages : LANGS).filter((l) => LANGS.includes(l));
  row.replaceChildren(
    ...(langs.length ? langs : LANGS).map((lang) =>
      h(
        'label',
        { class: 'seg-radio' },
        h('input', { type: 'radio', name: 'preview-lang', value: lang, checked: lang === current }),
        h('span', { lang }, state.t(`langName_${lang}`)),
      ),
    ),
  );
  const element = previewElement();
  if (element && state.draft && element.getAttribute('lang') !== current) element.setAttribute('lang', current);
}

function onPreviewChange(event) {
  const input = event.target;
  if (input.name === 'preview-lang') {
    state.previewLang = input.value;
    previewElement()?.setAttribute('lang', input.value);
  } else if (input.name === 'preview-width') {
    $('#preview-frame').classList.toggle('phone', input.value === 'phone');
  }
}

// ---------------------------------------------------------------------------
// Publishing

const widgetBase = () => new URL('../widget/', location.href);
const embedBase = () => new URL('../embed/', location.href);
const defaultUpload = () => `https://your.site/questionnaires/${fileName(state.draft)}`;

function uploadUrl() {
  return (state.uploadUrl ?? '').trim() || defaultUpload();
}

function updatePublish() {
  const { t } = state;
  const draft = state.draft;
  const file = fileName(draft);
  const errors = errorsOf();
  const warnings = warningsOf();
  const button = $('#download');
  button.textContent = t('download', { file });
  const ready = Boolean(draft) && state.raw === null && state.checked && !errors.length;
  button.disabled = !ready;
  const status = $('#download-status');
  if (state.coreError) status.textContent = t('coreMissing', { error: state.coreError });
  else if (!draft || state.raw !== null) status.textContent = t('previewUnavailable');
  else if (!state.checked) status.textContent = t('checking');
  else if (errors.length) status.textContent = t('downloadBlocked', { n: errors.length });
  else if (warnings.length) status.textContent = t('downloadWarnings', { n: warnings.length });
  else status.textContent = t('downloadReady');
  status.className = errors.length ? 'bad' : warnings.length ? 'warn' : 'ok';
  const list = $('#download-warnings');
  list.hidden = !(state.checked && !errors.length && warnings.length);
  list.replaceChildren(...(list.hidden ? [] : warnings.map((w) => h('li', {}, h('strong', {}, pathWords(w.path)), ': ', w.message))));

  const url = $('#upload-url');
  if (document.activeElement !== url) url.value = uploadUrl();
  const lang = (Array.isArray(draft?.languages) ? draft.languages : ['id']).find((l) => LANGS.includes(l)) ?? 'id';
  const title = draft ? nameOf({ display: lang, langs: [lang] }, draft, 'title') : '';
  $('#embed-code').value = embedSnippet({ widgetBase: widgetBase(), src: uploadUrl(), lang });
  $('#iframe-code').value = iframeSnippet({ embedBase: embedBase(), src: uploadUrl(), lang, title: title || file });
}

async function download() {
  if (!(await checkedNow()) || errorsOf().length || !state.draft) {
    updatePublish();
    return;
  }
  const file = fileName(state.draft);
  const blob = new Blob([toFileText(state.draft)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  announce(state.t('downloaded', { file }));
}

async function copyFrom(id) {
  const area = $(`#${id}`);
  const status = $('#copy-status');
  let ok = false;
  try {
    await navigator.clipboard.writeText(area.value);
    ok = true;
  } catch {
    area.focus();
    area.select();
    try {
      ok = document.execCommand('copy');
    } catch {}
  }
  status.textContent = '';
  status.textContent = state.t(ok ? 'copied' : 'copyFailed');
}

// ---------------------------------------------------------------------------
// The team view: share links from colleagues, read and compared by the core
// (team.js draws the result). The links stay in memory, never stored.

/** The language of the team view's texts: the studio's if the draft has it. */
function teamLang() {
  const langs = (Array.isArray(state.draft?.languages) ? state.draft.languages : LANGS).filter((l) => LANGS.includes(l));
  return langs.includes(state.ui) ? state.ui : (langs[0] ?? state.ui);
}

function teamContext() {
  const display = teamLang();
  const langs = Array.isArray(state.draft?.languages) ? state.draft.languages : LANGS;
  const c = { t: state.t, display, langs };
  return {
    ...c,
    lang: state.ui,
    draft: state.draft,
    title: state.draft ? nameOf(c, state.draft, 'title') : '',
    version: typeof state.draft?.version === 'string' ? state.draft.version : '',
    width: state.team.width || 600,
  };
}

/** The width of a factor's strip as drawn (0 when none is shown). */
const stripWidth = () => $('#team-result .spread:not(.overall) .strip')?.getBoundingClientRect().width ?? 0;

function renderTeamHint() {
  const c = teamContext();
  $('#team-links-hint').textContent = state.t('teamLinksHint', { title: c.title || state.t('untitled'), version: c.version || '?' });
}

let teamTimer;
function scheduleTeam(delay = TEAM_DELAY) {
  clearTimeout(teamTimer);
  teamTimer = setTimeout(() => runTeam(), delay);
}

/** Asks the core for the team view of the links as they are now; `focus` moves to what it shows. */
async function runTeam({ focus = false } = {}) {
  clearTimeout(teamTimer);
  const seq = ++state.team.seq;
  const links = $('#team-links').value;
  state.team.error = null;
  if (!links.trim() || !state.draft || state.raw !== null) {
    state.team.result = null;
    $('#view-team').removeAttribute('aria-busy');
    renderTeamNow({ asked: focus });
    if (focus) $('#team-links').focus();
    return;
  }
  const status = $('#team-status');
  if (!state.team.result) status.textContent = state.t('teamWorking');
  $('#view-team').setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await team(toFileText(state.draft), links, teamLang());
  } catch (error) {
    result = null;
    if (seq === state.team.seq) state.team.error = error.message || String(error);
  }
  if (seq !== state.team.seq) return;
  $('#view-team').removeAttribute('aria-busy');
  state.team.result = result;
  renderTeamNow();
  if (focus) {
    const target = $('#team-result-heading') ?? $('#team-skipped-heading');
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    } else $('#team-links').focus();
  }
}

/** Why a line was left out, in the studio's language (the core's English
 * reason for a kind it does not know). */
function skippedReason(r) {
  const key = { 'other-questionnaire': 'teamWhyOtherQuestionnaire', 'other-version': 'teamWhyOtherVersion', damaged: 'teamWhyDamaged' }[r.why];
  return key ? state.t(key, { named: r.named ?? '' }) : (r.reason ?? '');
}

/** Draws the team view from `state.team` (its status, the lines left out, the result). */
function renderTeamNow({ asked = false } = {}) {
  const { t } = state;
  const { result, error } = state.team;
  const links = $('#team-links').value;
  const errors = Array.isArray(result?.problems) ? result.problems.filter((p) => p.severity !== 'warning') : [];
  const respondents = Array.isArray(result?.respondents) ? result.respondents : [];
  const skipped = respondents.filter((r) => !r.ok);
  const count = Number(result?.count) || 0;
  let status = '';
  let bad = false;
  let warn = false;
  if (error) [status, bad] = [t('coreMissing', { error }), true];
  else if (!state.draft || state.raw !== null) status = links.trim() ? t('teamNeedsJson') : '';
  else if (!links.trim()) status = asked ? t('teamEmpty') : '';
  else if (errors.length) [status, bad] = [t('teamNeedsValid', { n: errors.length }), true];
  else if (result) {
    status = count ? t('teamRead', { n: count }) : t('teamNoneRead');
    if (skipped.length) status += ` ${t('teamSkippedCount', { n: skipped.length })}`;
    bad = !count;
    warn = skipped.length > 0;
  }
  const line = $('#team-status');
  // Only a change is announced.
  if (line.textContent !== status) line.textContent = status;
  line.className = `team-status${bad ? ' bad' : warn ? ' warn' : ''}`;

  const usable = result && !errors.length && !error;
  $('#team-skipped').replaceChildren(
    usable && skipped.length
      ? h(
          'section',
          { class: 'team-skipped', 'aria-labelledby': 'team-skipped-heading' },
          h('h3', { id: 'team-skipped-heading', tabindex: '-1' }, t('teamSkipped'), ` (${skipped.length})`),
          h('p', { class: 'hint' }, t('teamSkippedHelp')),
          h(
            'ul',
            { class: 'skipped-list' },
            skipped.map((r) =>
              h(
                'li',
                { class: 'problem warning' },
                h(
                  'button',
                  { type: 'button', class: 'problem-button', 'data-line': String(r.line) },
                  h('span', { class: 'where' }, t('teamLine', { n: r.line }), r.name ? ` · ${r.name}` : ''),
                  h('span', { class: 'message' }, skippedReason(r)),
                ),
              ),
            ),
          ),
        )
      : '',
  );

  const box = $('#team-result');
  const active = document.activeElement;
  const keep = box.contains(active) && active.id ? active.id : null;
  const open = $$('details', box).map((details) => details.open);
  if (usable && count) {
    const c = teamContext();
    box.replaceChildren(renderTeam(result, c));
    // Which dots overlap depends on the strips' width: once it is known, drawn again if it differs.
    const drawn = stripWidth();
    if (drawn) {
      state.team.width = drawn;
      if (Math.abs(drawn - c.width) > 8) box.replaceChildren(renderTeam(result, { ...c, width: drawn }));
    }
    $$('details', box).forEach((details, i) => (details.open = open[i] ?? false));
    if (keep) document.getElementById(keep)?.focus({ preventScroll: true });
  } else {
    box.replaceChildren();
  }
}

/** Focuses a text area with line `n` (1-based) selected: a line a view names. */
function selectLine(area, n) {
  const start = offsetOfLine(area.value, n, 1);
  const end = area.value.indexOf('\n', start);
  area.focus();
  area.setSelectionRange(start, end < 0 ? area.value.length : end);
}

/** Puts the links' caret on a line (1-based), for a line left out. */
function focusTeamLine(n) {
  selectLine($('#team-links'), n);
}

/** A dropped or picked file's text, or null (and said) when it cannot be read. */
async function fileText(file) {
  if (!file) return null;
  try {
    return await file.text();
  } catch {
    announce(state.t('fileUnreadable', { name: file.name }));
    return null;
  }
}

/** A text or CSV file's links, added to those pasted. */
async function readTeamFile(file) {
  let text = await fileText(file);
  if (text === null) return;
  if (/\.(csv|tsv)$/i.test(file.name) || /csv|tab-separated/i.test(file.type)) text = linesFromCsv(text);
  const area = $('#team-links');
  const before = area.value.replace(/\s+$/, '');
  area.value = before ? `${before}\n${text.trim()}` : text.trim();
  announce(state.t('teamFileRead', { name: file.name }));
  runTeam();
}


// ---------------------------------------------------------------------------
// The benchmarks view: responses collected so far (a CSV or JSON Lines
// export, pasted, picked or dropped) made into the questionnaire's
// `benchmarks` by the core (benchmark.js reads the export and draws the
// result). The responses stay in memory, never stored; only the counts go
// into the draft, through commit() as every edit does.

/** The draft's languages, for the label fields (the studio's own two when it names none). */
function benchLangs() {
  const langs = Array.isArray(state.draft?.languages) ? state.draft.languages.filter((l) => typeof l === 'string' && l) : [];
  return langs.length ? langs : LANGS;
}

/** The language the view shows the draft's texts in: the studio's if the draft has it. */
function benchDisplay() {
  const langs = benchLangs();
  return langs.includes(state.ui) ? state.ui : langs[0];
}

/** The label per language as the core takes it: each field's text, or its default when empty. */
function benchLabels() {
  return Object.fromEntries(benchLangs().map((lang) => [lang, (state.bench.labels[lang] ?? '').trim() || defaultLabel(lang)]));
}

/** The minimum per group typed, or null when it is not a whole number of 1 or more. */
function benchMin() {
  const input = $('#bench-min');
  const value = Number(input.value);
  const ok = input.value.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 1e9;
  if (ok) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  return ok ? value : null;
}

/** The label fields (one per language of the draft) and the "Group by" choices, when they change. */
function renderBenchControls({ force = false } = {}) {
  const { t } = state;
  const box = $('#bench-labels');
  const langs = benchLangs();
  const key = JSON.stringify([langs, state.ui]);
  if (force || box.dataset.langs !== key) {
    box.dataset.langs = key;
    box.replaceChildren(
      ...langs.map((lang) =>
        h(
          'div',
          { class: 'lang-field' },
          h(
            'label',
            { for: `bench-label-${lang}` },
            h('span', { class: 'lang-tag' }, lang.toUpperCase()),
            ' ',
            LANGS.includes(lang) ? t(`langName_${lang}`) : lang,
          ),
          h('input', {
            type: 'text',
            id: `bench-label-${lang}`,
            lang,
            'data-lang': lang,
            value: state.bench.labels[lang] ?? defaultLabel(lang),
            placeholder: defaultLabel(lang),
            spellcheck: 'false',
            'aria-describedby': 'bench-label-hint',
          }),
        ),
      ),
    );
  }
  renderBySelect(force);
}

/** The "Group by" choices: none, then the export's columns (or fields) that are not questions. */
function renderBySelect(force = false) {
  const select = $('#bench-by');
  const fields = state.bench.read?.fields ?? [];
  const key = JSON.stringify([fields, state.ui]);
  if (force || select.dataset.fields !== key) {
    select.dataset.fields = key;
    select.replaceChildren(h('option', { value: '' }, state.t('bmGroupNone')), ...fields.map((field) => h('option', { value: field }, field)));
  }
  select.value = state.bench.by;
}

/** What the draft holds now, and the button that removes it. */
function renderBenchCurrent() {
  const benchmarks = state.draft?.benchmarks;
  $('#bench-current').textContent = currentText(state.t, benchmarks, benchDisplay());
  $('#bench-remove').hidden = benchmarks === undefined;
  $('#bench-current-box').classList.toggle('has', benchmarks !== undefined);
}

let benchTimer;
function scheduleBench(delay = BENCH_DELAY) {
  clearTimeout(benchTimer);
  benchTimer = setTimeout(() => runBench(), delay);
}

/** The draft as the core is asked with: without the benchmarks it may hold, which the new ones replace. */
function draftWithoutBenchmarks() {
  const copy = clone(state.draft);
  delete copy.benchmarks;
  return copy;
}

/** Reads the export as it is now and asks the core; `focus` moves to what it shows. */
async function runBench({ focus = false } = {}) {
  clearTimeout(benchTimer);
  const b = state.bench;
  const seq = ++b.seq;
  const text = $('#bench-text').value;
  b.error = null;
  if (!text.trim() || !state.draft || state.raw !== null) {
    b.read = null;
    b.result = null;
    renderBySelect();
    $('#view-benchmarks').removeAttribute('aria-busy');
    renderBenchNow({ asked: focus });
    if (focus) $('#bench-text').focus();
    return;
  }
  const ids = questionIdsOf(state.draft);
  let read = readResponses(text, { ids, by: b.by });
  if (b.by && !read.fields.includes(b.by)) {
    // The column chosen is gone (another file): no groups.
    b.by = '';
    read = readResponses(text, { ids, by: '' });
  }
  b.read = read;
  renderBySelect();
  const min = benchMin();
  if (read.problems.length || min === null) {
    b.result = null;
    $('#view-benchmarks').removeAttribute('aria-busy');
    renderBenchNow();
    if (focus) ($('#bench-problems-heading') ?? $('#bench-min')).focus();
    return;
  }
  if (!b.result) $('#bench-status').textContent = state.t('bmWorking');
  $('#view-benchmarks').setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await benchmark(toFileText(draftWithoutBenchmarks()), read.responses, min, benchLabels());
  } catch (error) {
    result = null;
    if (seq === b.seq) b.error = error.message || String(error);
  }
  if (seq !== b.seq) return;
  $('#view-benchmarks').removeAttribute('aria-busy');
  b.result = result;
  renderBenchNow();
  if (focus) {
    const target = $('#bench-result-heading') ?? $('#bench-bad-heading') ?? $('#bench-status');
    if (target && target.id !== 'bench-status') {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    } else $('#bench-text').focus();
  }
}

/** Draws the benchmarks view from `state.bench`: its status, the file's problems, the result and the button that adds it. */
function renderBenchNow({ asked = false } = {}) {
  const { t } = state;
  const b = state.bench;
  const { read, result, error } = b;
  const text = $('#bench-text').value;
  const errors = Array.isArray(result?.problems) ? result.problems.filter((p) => p.severity !== 'warning') : [];
  const bad = badLines(read, result);
  const leftOut = Array.isArray(result?.leftOut) ? result.leftOut : [];
  let status = '';
  let kind = '';
  if (error) [status, kind] = [t('coreMissing', { error }), 'bad'];
  else if (!state.draft || state.raw !== null) status = text.trim() ? t('bmNeedsJson') : '';
  else if (!text.trim()) status = asked ? t('bmEmpty') : '';
  else if (read?.problems.length) [status, kind] = [t('bmFileProblems', { n: read.problems.length }), 'bad'];
  else if (benchMin() === null) [status, kind] = [t('bmMinInvalid'), 'bad'];
  else if (errors.length) [status, kind] = [t('bmNeedsValid', { n: errors.length }), 'bad'];
  else if (result) {
    const parts = [t('bmCounted', { n: Number(result.count) || 0 })];
    if (result.incomplete) parts.push(t('bmIncomplete', { n: result.incomplete }));
    if (bad.length) parts.push(t('bmBadCount', { n: bad.length }));
    if (leftOut.length) parts.push(t('bmLeftOutCount', { n: leftOut.length }));
    if (!result.benchmarks) parts.push(t('bmTooFew', { min: result.minCount }));
    status = parts.join(' ');
    kind = !result.benchmarks ? 'bad' : bad.length || leftOut.length || result.incomplete ? 'warn' : '';
  }
  const line = $('#bench-status');
  // Only a change is announced.
  if (line.textContent !== status) line.textContent = status;
  line.className = `team-status${kind ? ` ${kind}` : ''}`;

  $('#bench-format').textContent = read
    ? `${read.format === 'jsonl' ? t('bmReadJsonl') : t('bmReadCsv', { delimiter: t(`bmDelimiter_${{ ',': 'comma', ';': 'semicolon', '\t': 'tab' }[read.delimiter]}`) })} ${t('bmRows', { n: read.rows })}`
    : '';

  const problems = read?.problems ?? [];
  $('#bench-problems').replaceChildren(
    problems.length
      ? h(
          'section',
          { class: 'bench-block bench-file-problems', 'aria-labelledby': 'bench-problems-heading' },
          h('h3', { id: 'bench-problems-heading', tabindex: '-1' }, t('bmFileProblemsHeading'), ` (${problems.length})`),
          h('p', { class: 'hint' }, t(read.format === 'jsonl' ? 'bmFileProblemsHelpJsonl' : 'bmFileProblemsHelp')),
          h(
            'ul',
            { class: 'skipped-list' },
            problems.map((problem) =>
              h(
                'li',
                { class: 'problem' },
                read.format === 'csv'
                  ? h(
                      'button',
                      { type: 'button', class: 'problem-button', 'data-line': '1' },
                      h('span', { class: 'where' }, t('bmHeaderLine')),
                      h('span', { class: 'message' }, problemText(t, problem)),
                    )
                  : h('p', { class: 'problem-text' }, problemText(t, problem)),
                // The likely fix, one press away: group by the column.
                ['bmUnknownColumn', 'bmUnknownField'].includes(problem.key)
                  ? h('button', { type: 'button', class: 'secondary fix', 'data-group-by': problem.vars.name }, t('bmGroupByThis', { name: problem.vars.name }))
                  : null,
              ),
            ),
          ),
        )
      : '',
  );

  const usable = result && !error && !errors.length && !problems.length && benchMin() !== null;
  const box = $('#bench-result');
  const active = document.activeElement;
  const keep = box.contains(active) && active.id ? active.id : null;
  const made = usable ? result.benchmarks : null;
  const inDraft = Boolean(made) && JSON.stringify(made) === JSON.stringify(state.draft?.benchmarks);
  box.replaceChildren(
    ...(usable ? renderOutcome({ t, lang: state.ui, display: benchDisplay(), read, result, bad, showAll: b.showAll }) : []).filter(Boolean),
  );
  if (keep) document.getElementById(keep)?.focus({ preventScroll: true });
  $('#bench-add-box').hidden = !made;
  $('#bench-add').setAttribute('aria-disabled', String(inDraft));
  $('#bench-add-hint').textContent = made
    ? t(inDraft ? 'bmInDraft' : state.draft?.benchmarks ? 'bmReplaceHint' : 'bmAddHint')
    : '';
  renderBenchCurrent();
}

/** A line named in a problem, activated: the caret on it in the responses. A fix offered, applied. */
function onBenchLineClick(event) {
  const fix = event.target.closest('[data-group-by]');
  if (fix) {
    state.bench.by = fix.dataset.groupBy;
    runBench({ focus: true });
    return;
  }
  const button = event.target.closest('[data-line]');
  if (!button) return;
  selectLine($('#bench-text'), Number(button.dataset.line));
}

/** A responses file: its text replaces what was pasted. */
async function readBenchFile(file) {
  const text = await fileText(file);
  if (text === null) return;
  $('#bench-text').value = text;
  state.bench.showAll = false;
  announce(state.t('bmFileRead', { name: file.name }));
  runBench({ focus: true });
}

/** The benchmarks shown, into the draft (replacing any): one edit, undone as any other. */
function addBench() {
  const made = state.bench.result?.benchmarks;
  if (!made || !state.draft || $('#bench-add').getAttribute('aria-disabled') === 'true') {
    announce(state.t(made ? 'bmInDraft' : 'bmNothingToAdd'));
    return;
  }
  state.draft.benchmarks = clone(made);
  commit(null);
  renderBenchNow();
  announce(state.t('bmAdded'));
}

function removeBench() {
  if (!state.draft || state.draft.benchmarks === undefined) return;
  delete state.draft.benchmarks;
  commit(null);
  renderBenchNow();
  $('#bench-current-heading').focus();
  announce(state.t('bmRemoved'));
}

// ---------------------------------------------------------------------------
// Discarding

function discard() {
  const dialog = $('#discard-dialog');
  dialog.returnValue = '';
  dialog.showModal();
  dialog.querySelector('button[value=cancel]').focus();
}

function onDialogClose() {
  const dialog = $('#discard-dialog');
  if (dialog.returnValue !== 'discard') {
    $('#discard').focus();
    return;
  }
  clearTimeout(saveTimer);
  store.remove(DRAFT_KEY);
  showStart();
  $('#start-heading').focus();
}

// ---------------------------------------------------------------------------
// Keys and files

function onKeyDown(event) {
  if (state.screen !== 'work' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
  // The JSON view and the team's links keep the browser's own undo while typing.
  if (event.target.id === 'json-text' || event.target.id === 'team-links' || $('#discard-dialog').open) return;
  // So do the benchmarks view's fields (the responses, the settings), which are not the draft.
  if (event.target.closest?.('#view-benchmarks') && event.target.matches('textarea, input')) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    undo();
  } else if ((key === 'z' && event.shiftKey) || key === 'y') {
    event.preventDefault();
    redo();
  }
}

const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');

// A file dropped on the start screen opens; on the team view its links are
// added; on the benchmarks view its responses are read; elsewhere on the workspace it is refused (rather than the browser
// leaving the studio to show it).
const teamShown = () => state.screen === 'work' && state.view === 'team';
const benchShown = () => state.screen === 'work' && state.view === 'benchmarks';

function onDragOver(event) {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const accept = state.screen === 'start' || teamShown() || benchShown();
  event.dataTransfer.dropEffect = accept ? 'copy' : 'none';
  $('#drop-overlay p').textContent = state.t(teamShown() ? 'teamDropNow' : benchShown() ? 'bmDropNow' : 'dropNow');
  $('#drop-overlay').hidden = !accept;
}

function onDragLeave(event) {
  if (event.relatedTarget === null) $('#drop-overlay').hidden = true;
}

function onDrop(event) {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  $('#drop-overlay').hidden = true;
  if (state.screen === 'start') openFile(event.dataTransfer.files[0]);
  else if (teamShown()) readTeamFile(event.dataTransfer.files[0]);
  else if (benchShown()) readBenchFile(event.dataTransfer.files[0]);
}

// ---------------------------------------------------------------------------
// Start

function wire() {
  for (const button of $$('[data-ui-lang]')) button.addEventListener('click', () => setUiLang(button.dataset.uiLang));
  $('#start-builtin').addEventListener('click', startBuiltin);
  $('#start-blank').addEventListener('click', startBlank);
  $('#start-file').addEventListener('click', () => $('#file-input').click());
  $('#file-input').addEventListener('change', (event) => {
    openFile(event.target.files[0]);
    event.target.value = '';
  });
  $('#start-paste').addEventListener('click', () => {
    const text = $('#paste').value;
    if (!text.trim()) {
      startError(state.t('pasteEmpty'));
      $('#paste').focus();
      return;
    }
    openText(text);
  });

  for (const button of $$('[data-view]')) button.addEventListener('click', () => setView(button.dataset.view));
  $('#json-banner').addEventListener('click', (event) => {
    if (event.target.closest('[data-view-link]')) setView('json', { focus: true });
  });
  $('#undo').addEventListener('click', () => ($('#undo').getAttribute('aria-disabled') === 'true' ? announce(state.t('nothingToUndo')) : undo()));
  $('#redo').addEventListener('click', () => ($('#redo').getAttribute('aria-disabled') === 'true' ? announce(state.t('nothingToRedo')) : redo()));
  $('#discard').addEventListener('click', discard);
  $('#discard-dialog').addEventListener('close', onDialogClose);
  $('#status-chip').addEventListener('click', (event) => {
    event.preventDefault();
    $('#problems').focus();
    $('#problems').scrollIntoView({ block: 'start' });
  });

  const editor = $('#editor');
  editor.addEventListener('input', onEditorInput);
  editor.addEventListener('change', onEditorChange);
  editor.addEventListener('click', onEditorClick);
  editor.addEventListener('focusin', onEditorFocusIn);
  editor.addEventListener(
    'toggle',
    (event) => {
      const details = event.target;
      const item = details.dataset?.path ? getAt(state.draft, details.dataset.path) : null;
      if (isObject(item)) state.open.set(item, details.open);
    },
    true,
  );

  $('#json-text').addEventListener('input', onJsonInput);
  $('#json-format').addEventListener('click', formatJson);
  $('#problem-lists').addEventListener('click', onProblemClick);
  $('#preview-panel').addEventListener('change', onPreviewChange);

  $('#download').addEventListener('click', download);
  $('#upload-url').addEventListener('input', (event) => {
    state.uploadUrl = event.target.value;
    updatePublish();
  });
  for (const button of $$('[data-copy]')) button.addEventListener('click', () => copyFrom(button.dataset.copy));

  $('#team-show').addEventListener('click', () => runTeam({ focus: true }));
  $('#team-links').addEventListener('input', () => scheduleTeam());
  $('#team-file').addEventListener('click', () => $('#team-file-input').click());
  $('#team-file-input').addEventListener('change', (event) => {
    readTeamFile(event.target.files[0]);
    event.target.value = '';
  });
  $('#team-skipped').addEventListener('click', (event) => {
    const button = event.target.closest('[data-line]');
    if (button) focusTeamLine(Number(button.dataset.line));
  });
  $('#team-result').addEventListener('click', (event) => {
    if (event.target.closest('#team-print')) window.print();
  });
  $('#bench-show').addEventListener('click', () => runBench({ focus: true }));
  $('#bench-text').addEventListener('input', () => scheduleBench());
  $('#bench-file').addEventListener('click', () => $('#bench-file-input').click());
  $('#bench-file-input').addEventListener('change', (event) => {
    readBenchFile(event.target.files[0]);
    event.target.value = '';
  });
  $('#bench-by').addEventListener('change', (event) => {
    state.bench.by = event.target.value;
    runBench();
  });
  $('#bench-min').addEventListener('input', () => scheduleBench());
  $('#bench-labels').addEventListener('input', (event) => {
    const lang = event.target.dataset?.lang;
    if (!lang) return;
    state.bench.labels[lang] = event.target.value;
    scheduleBench();
  });
  $('#bench-problems').addEventListener('click', onBenchLineClick);
  $('#bench-result').addEventListener('click', (event) => {
    if (event.target.closest('#bench-bad-all')) {
      state.bench.showAll = true;
      renderBenchNow();
      $('#bench-bad-heading')?.focus();
      return;
    }
    onBenchLineClick(event);
  });
  $('#bench-add').addEventListener('click', addBench);
  $('#bench-remove').addEventListener('click', removeBench);
  // The dots' rows follow the strips' width.
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => teamShown() && stripWidth() && Math.abs(stripWidth() - state.team.width) > 8 && renderTeamNow(), 150);
  });
  // Printed, the team view shows every recommendation.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = $$('#team-result details:not([open])');
    for (const details of closed) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of closed) details.open = false;
    closed = [];
  });

  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('dragover', onDragOver);
  document.addEventListener('dragleave', onDragLeave);
  document.addEventListener('drop', onDrop);
  // The last keystrokes are saved even if the page goes within the delay.
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save());
}

function preferredLang() {
  const saved = store.get(LANG_KEY);
  if (UI_LANGS.includes(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return 'id';
}

function init() {
  wire();
  state.ui = preferredLang();
  state.t = words(state.ui);
  applyLabels();
  // Start loading the checker at once: the first check needs it.
  core().catch(() => {});
  const saved = store.get(DRAFT_KEY);
  if (saved !== null) openText(saved, { restored: true });
  else showStart();
}

init();

// For the tests and the curious: the state, read-only in spirit.
export { state };
