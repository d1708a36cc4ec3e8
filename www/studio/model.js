// The studio's model: the draft is the questionnaire itself, a plain JSON
// object in the file format (docs/format.md). These functions read and
// change it by path, make ids, and write it out. No DOM here, so that
// Node can test them (tests/e2e/studio-model.test.mjs).

/** The languages the studio offers, in the order it shows them: those the
 * widget has words for (wasm/labels/). The format takes any ISO 639-1 code. */
export const LANGS = ['id', 'en'];

/** The five answer steps' default scores. */
export const SCORES = [0, 25, 50, 75, 100];

const text = (langs) => Object.fromEntries(langs.map((lang) => [lang, '']));

function blankQuestion(langs) {
  return {
    id: '',
    title: text(langs),
    prompt: text(langs),
    options: SCORES.map((score, i) => (i < 4 ? { score, text: text(langs), advice: text(langs) } : { score, text: text(langs) })),
  };
}

function blankFactor(langs) {
  return { id: '', name: text(langs), description: text(langs), questions: [blankQuestion(langs)] };
}

function blankLevel(langs, min) {
  return { id: '', min, name: text(langs), description: text(langs) };
}

/** A new, empty item of a list, in the draft's languages. */
export function blankItem(kind, langs = LANGS) {
  switch (kind) {
    case 'factors':
      return blankFactor(langs);
    case 'questions':
      return blankQuestion(langs);
    case 'levels':
      return blankLevel(langs, 0);
    case 'answerBelow':
      return { rule: 'answerBelow', id: '', question: '', below: 1, maxLevel: '', reason: text(langs) };
    case 'weakestFactor':
      return { rule: 'weakestFactor', id: '', maxLevelsAbove: 1, reason: text(langs) };
    default:
      throw new Error(`no blank ${kind}`);
  }
}

/**
 * The blank template: four empty factors of one empty question each (the
 * five steps scored 0 to 100), five levels from 0 to 80, no caps.
 */
export function blankTemplate() {
  const langs = [...LANGS];
  return {
    formatVersion: 2,
    id: '',
    version: '1.0.0',
    languages: langs,
    title: text(langs),
    intro: text(langs),
    levels: [0, 20, 40, 60, 80].map((min) => blankLevel(langs, min)),
    factors: [0, 1, 2, 3].map(() => blankFactor(langs)),
  };
}

// ---------------------------------------------------------------------------
// Paths, as the core writes them: `factors[1].questions[0].prompt.en`.

/** A path's steps: names (strings) and indices (numbers). */
export function parsePath(path) {
  const steps = [];
  for (const [, name, index] of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    steps.push(index === undefined ? name : Number(index));
  }
  return steps;
}

/** Steps back to a path. */
export function joinPath(steps) {
  let out = '';
  for (const step of steps) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at `path`, or undefined. */
export function getAt(root, path) {
  let value = root;
  for (const step of typeof path === 'string' ? parsePath(path) : path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[step];
  }
  return value;
}

/**
 * Sets the value at `path`, making the objects and arrays on the way (a
 * value of the wrong kind on the way is replaced: the problem list has
 * said so already).
 */
export function setAt(root, path, value) {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  let parent = root;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i];
    const wantArray = typeof steps[i + 1] === 'number';
    let next = parent[step];
    if (wantArray ? !Array.isArray(next) : !isObject(next)) {
      next = wantArray ? [] : {};
      parent[step] = next;
    }
    parent = next;
  }
  parent[steps.at(-1)] = value;
}

/** Removes the field (or array item) at `path`; true if there was one. */
export function deleteAt(root, path) {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const parent = getAt(root, steps.slice(0, -1));
  const last = steps.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last >= parent.length) return false;
    parent.splice(last, 1);
    return true;
  }
  if (!isObject(parent) || !(last in parent)) return false;
  delete parent[last];
  return true;
}

/** The path of a list item's list and its index: `factors[2]` -> ['factors', 2]. */
export function splitItem(path) {
  const steps = parsePath(path);
  return [joinPath(steps.slice(0, -1)), steps.at(-1)];
}

// ---------------------------------------------------------------------------
// Ids: lowercase slugs, suggested from a title and kept unique.

/** A slug of `title`: lowercase a-z, digits, single hyphens, at most 64 characters. */
export function slugify(title, max = 64) {
  let slug = String(title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    slug = slug.slice(0, max);
    // Cut at a word's end where one is near.
    const cut = slug.lastIndexOf('-');
    slug = cut > max / 2 ? slug.slice(0, cut) : slug.replace(/-+$/, '');
  }
  return slug;
}

/** Is `id` a valid slug (docs/format.md)? */
export const isSlug = (id) => typeof id === 'string' && id.length <= 64 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);

/** `base`, or `base-2`, `base-3`… : the first not in `taken` (a Set). */
export function uniqueId(base, taken, fallback = 'item') {
  const stem = slugify(base) || fallback;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slugify(stem, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const list = (value) => (Array.isArray(value) ? value : []);

/**
 * The ids that share a namespace with the item at `path`, that item
 * itself left out: questions share one across all factors; factors,
 * levels and caps each their own list.
 */
export function takenIds(draft, path, exclude = path) {
  const steps = parsePath(path);
  const taken = new Set();
  const add = (item, itemPath) => {
    if (itemPath !== exclude && isObject(item) && typeof item.id === 'string' && item.id) taken.add(item.id);
  };
  if (steps.length === 0) return taken;
  if (steps.includes('questions')) {
    list(draft.factors).forEach((factor, f) =>
      list(factor?.questions).forEach((question, q) => add(question, `factors[${f}].questions[${q}]`)),
    );
  } else {
    const name = steps[0];
    list(draft[name]).forEach((item, i) => add(item, `${name}[${i}]`));
  }
  return taken;
}

/** The name field each kind of item takes its id from. */
export const NAME_FIELD = { factors: 'name', questions: 'title', levels: 'name', caps: 'reason', '': 'title' };

/** The kind of item at a path: 'factors', 'questions', 'levels', 'caps' or '' (the questionnaire). */
export function kindOf(path) {
  const names = parsePath(path).filter((step) => typeof step === 'string');
  return names.at(-1) ?? '';
}

/** The text an item's id is suggested from: English if given, else the first language that is. */
export function nameForId(draft, itemPath) {
  const item = itemPath ? getAt(draft, itemPath) : draft;
  const field = NAME_FIELD[kindOf(itemPath)];
  const value = isObject(item) ? item[field] : undefined;
  if (!isObject(value)) return typeof value === 'string' ? value : '';
  const order = ['en', ...list(draft.languages), ...LANGS];
  for (const lang of order) if (typeof value[lang] === 'string' && value[lang].trim()) return value[lang];
  return '';
}

/** The id suggested for the item at `itemPath` from its name, unique among its kind. */
export function suggestId(draft, itemPath) {
  const kind = kindOf(itemPath);
  const fallback = { factors: 'factor', questions: 'question', levels: 'level', caps: 'rule', '': 'questionnaire' }[kind];
  if (kind === 'caps') {
    const cap = getAt(draft, itemPath);
    const base =
      cap?.rule === 'weakestFactor'
        ? 'weakest-factor'
        : `${isSlug(cap?.question) ? cap.question : 'answer'}-below-${Number.isInteger(cap?.below) ? cap.below : 1}`;
    return uniqueId(base, takenIds(draft, itemPath), fallback);
  }
  let name = nameForId(draft, itemPath);
  // A question's id starts with its factor's, as the built-in ones do.
  if (kind === 'questions' && name) {
    const factorId = getAt(draft, [...parsePath(itemPath).slice(0, 2), 'id']);
    if (isSlug(factorId) && !slugify(name).startsWith(factorId)) name = `${factorId} ${name}`;
  }
  return uniqueId(name || fallback, takenIds(draft, itemPath), fallback);
}

// ---------------------------------------------------------------------------
// Texts: every field that holds a text, wherever it is in the draft.

/** [list, fields] where texts live; `caps` and `levels` at the top, the rest nested. */
const TEXT_FIELDS = {
  '': ['title', 'intro'],
  levels: ['name', 'description'],
  factors: ['name', 'shortName', 'description'],
  questions: ['title', 'prompt', 'help'],
  options: ['text', 'advice'],
  caps: ['reason'],
};

/** Optional texts: left out of the file when empty in every language. */
export const OPTIONAL_TEXTS = new Set(['shortName', 'help']);

/** Calls `visit(textObject, path)` for every text present in the draft. */
export function forEachText(draft, visit) {
  const visitFields = (item, path, kind) => {
    if (!isObject(item)) return;
    for (const field of TEXT_FIELDS[kind]) {
      if (isObject(item[field])) visit(item[field], path ? `${path}.${field}` : field);
    }
  };
  visitFields(draft, '', '');
  list(draft.levels).forEach((level, i) => visitFields(level, `levels[${i}]`, 'levels'));
  list(draft.caps).forEach((cap, i) => visitFields(cap, `caps[${i}]`, 'caps'));
  list(draft.factors).forEach((factor, f) => {
    visitFields(factor, `factors[${f}]`, 'factors');
    list(factor?.questions).forEach((question, q) => {
      const path = `factors[${f}].questions[${q}]`;
      visitFields(question, path, 'questions');
      list(question?.options).forEach((option, o) => visitFields(option, `${path}.options[${o}]`, 'options'));
    });
  });
}

/**
 * Declares `lang` or stops declaring it. A language added gets an empty
 * text in every text (visibly missing); a language removed takes its
 * texts with it (undo brings them back).
 */
export function setLanguage(draft, lang, on) {
  const langs = list(draft.languages).filter((l) => l !== lang);
  if (on) langs.push(lang);
  draft.languages = LANGS.filter((l) => langs.includes(l)).concat(langs.filter((l) => !LANGS.includes(l)));
  forEachText(draft, (text, path) => {
    if (on) {
      if (typeof text[lang] !== 'string') text[lang] = '';
    } else {
      delete text[lang];
    }
  });
}

/** Is a text empty in `lang`? */
export const isEmptyText = (text, lang) => !(isObject(text) && typeof text[lang] === 'string' && text[lang].trim());

// ---------------------------------------------------------------------------
// Copies, with new ids.

export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * A copy of the item at `path` (a factor, question, level or cap), with
 * ids that are free: the copy's own, and for a factor each question's.
 */
export function duplicate(draft, path) {
  const [listPath, index] = splitItem(path);
  const items = getAt(draft, listPath);
  const copy = clone(items[index]);
  const kind = kindOf(path);
  const freshId = (item, taken) => {
    // An empty id stays empty: it is suggested from the name once there is one.
    if (!isObject(item) || typeof item.id !== 'string' || !item.id) return;
    item.id = uniqueId(`${item.id}-copy`, taken);
    taken.add(item.id);
  };
  freshId(copy, takenIds(draft, path, null));
  if (kind === 'factors' && isObject(copy)) {
    const taken = takenIds(draft, 'factors[0].questions[0]', null);
    for (const question of list(copy.questions)) freshId(question, taken);
  }
  items.splice(index + 1, 0, copy);
  return `${listPath}[${index + 1}]`;
}

/** Moves a list item one place up (-1) or down (+1); its new path, or null at an end. */
export function move(draft, path, by) {
  const [listPath, index] = splitItem(path);
  const items = getAt(draft, listPath);
  const to = index + by;
  if (!Array.isArray(items) || to < 0 || to >= items.length) return null;
  [items[index], items[to]] = [items[to], items[index]];
  return `${listPath}[${to}]`;
}

/**
 * Swaps an answer option's text and advice with its neighbour's. The
 * scores stay with their steps (the scale does not move, its words do).
 */
export function moveOption(draft, path, by) {
  const [listPath, index] = splitItem(path);
  const options = getAt(draft, listPath);
  const to = index + by;
  if (!Array.isArray(options) || to < 0 || to >= options.length) return null;
  const a = isObject(options[index]) ? options[index] : {};
  const b = isObject(options[to]) ? options[to] : {};
  for (const field of ['text', 'advice']) {
    const [va, vb] = [a[field], b[field]];
    if (vb === undefined) delete a[field];
    else a[field] = vb;
    if (va === undefined) delete b[field];
    else b[field] = va;
  }
  // Keep the fields in the file's order: score, text, advice.
  options[index] = canonicalOption(a);
  options[to] = canonicalOption(b);
  return `${listPath}[${to}]`;
}

function canonicalOption(option) {
  return order(option, ['score', 'text', 'advice']);
}

// ---------------------------------------------------------------------------
// The file as written.

const ORDER = {
  '': ['formatVersion', 'id', 'version', 'languages', 'title', 'intro', 'levels', 'factors', 'caps'],
  levels: ['id', 'min', 'name', 'description'],
  factors: ['id', 'weight', 'name', 'shortName', 'description', 'questions'],
  questions: ['id', 'weight', 'title', 'prompt', 'help', 'allowNotApplicable', 'options'],
  options: ['score', 'text', 'advice'],
  answerBelow: ['rule', 'id', 'question', 'below', 'maxLevel', 'reason'],
  weakestFactor: ['rule', 'id', 'maxLevelsAbove', 'reason'],
};

/** `object` with `keys` first, in that order, then any others as they were. */
function order(object, keys) {
  if (!isObject(object)) return object;
  const out = {};
  for (const key of keys) if (key in object) out[key] = object[key];
  for (const key in object) if (!(key in out)) out[key] = object[key];
  return out;
}

const orderEach = (value, keys, inner) => (Array.isArray(value) ? value.map((item) => inner(order(item, keys))) : value);

/**
 * The draft with its fields in the format's order (fields the format does
 * not know stay, after the known ones: the problem list names them).
 */
export function canonical(draft) {
  if (!isObject(draft)) return draft;
  const out = order(draft, ORDER['']);
  out.levels = orderEach(out.levels, ORDER.levels, (x) => x);
  out.caps = Array.isArray(out.caps) ? out.caps.map((cap) => order(cap, ORDER[cap?.rule] ?? ORDER.answerBelow)) : out.caps;
  out.factors = orderEach(out.factors, ORDER.factors, (factor) => {
    if (!isObject(factor)) return factor;
    factor.questions = orderEach(factor.questions, ORDER.questions, (question) => {
      if (!isObject(question)) return question;
      question.options = orderEach(question.options, ORDER.options, (x) => x);
      return question;
    });
    return factor;
  });
  for (const key of ['levels', 'caps', 'factors']) if (out[key] === undefined) delete out[key];
  return out;
}

/** The file's text: canonical order, two-space indents, a final newline. */
export const toFileText = (draft) => `${JSON.stringify(canonical(draft), null, 2)}\n`;

/**
 * A format-1 draft in format 2, for a file the core could not upgrade
 * (it has problems): each question's `advice.start` goes to options 0
 * and 1, `advice.improve` to 2 and 3, as the core's upgrade does. The
 * problems left are then reported against format 2.
 */
export function upgradeLocally(draft) {
  if (!isObject(draft) || draft.formatVersion !== 1) return draft;
  const out = clone(draft);
  out.formatVersion = 2;
  for (const factor of list(out.factors)) {
    for (const question of list(factor?.questions)) {
      if (!isObject(question) || !isObject(question.advice)) continue;
      const { start, improve } = question.advice;
      list(question.options).forEach((option, i) => {
        if (!isObject(option) || i > 3 || option.advice !== undefined) return;
        const advice = i < 2 ? start : improve;
        if (advice !== undefined) option.advice = clone(advice);
      });
      delete question.advice;
    }
  }
  return canonical(out);
}

// ---------------------------------------------------------------------------
// Where a path is in the JSON text (the JSON view's cursor).

/**
 * `JSON.stringify(value, null, 2)` and, for every path in it, the offset
 * where it starts (a member's key, an item's value).
 */
export function stringifyWithOffsets(value) {
  const offsets = new Map([['', 0]]);
  let out = '';
  const write = (v, path, indent) => {
    if (v === undefined || typeof v === 'function') v = null;
    if (Array.isArray(v)) {
      if (v.length === 0) return void (out += '[]');
      out += '[\n';
      v.forEach((item, i) => {
        out += `${indent}  `;
        const itemPath = `${path}[${i}]`;
        offsets.set(itemPath, out.length);
        write(item, itemPath, `${indent}  `);
        out += i < v.length - 1 ? ',\n' : '\n';
      });
      out += `${indent}]`;
    } else if (isObject(v)) {
      const keys = Object.keys(v).filter((key) => v[key] !== undefined && typeof v[key] !== 'function');
      if (keys.length === 0) return void (out += '{}');
      out += '{\n';
      keys.forEach((key, i) => {
        out += `${indent}  `;
        const memberPath = path ? `${path}.${key}` : key;
        offsets.set(memberPath, out.length);
        out += `${JSON.stringify(key)}: `;
        write(v[key], memberPath, `${indent}  `);
        out += i < keys.length - 1 ? ',\n' : '\n';
      });
      out += `${indent}}`;
    } else {
      out += JSON.stringify(v);
    }
  };
  write(value, '', '');
  return { text: out, offsets };
}

/** The offset of `path` in the text, or of its nearest ancestor that is there. */
export function offsetOf(offsets, path) {
  let steps = parsePath(path);
  for (; steps.length; steps = steps.slice(0, -1)) {
    const at = offsets.get(joinPath(steps));
    if (at !== undefined) return at;
  }
  return 0;
}

/** The offset of a 1-based line and column in `text` (columns count characters). */
export function offsetOfLine(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  // Characters, not UTF-16 units: step over surrogate pairs whole.
  let col = 1;
  while (col < column && at < text.length && text[at] !== '\n') {
    at += text.codePointAt(at) > 0xffff ? 2 : 1;
    col++;
  }
  return at;
}

/** Line and column in a syntax problem's message (`line 5, column 3: …`), or null. */
export function lineColumn(message) {
  const match = /line (\d+), column (\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
}

// ---------------------------------------------------------------------------
// Publishing.

/** Escapes text for an HTML attribute value in double quotes. */
export const attr = (value) =>
  String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The two-line embed: the loader's script and the element with `src`. */
export function embedSnippet({ widgetBase, src, lang }) {
  return (
    `<script type="module" src="${attr(new URL('readiness-check.js', widgetBase).href)}"></script>\n` +
    `<readiness-check src="${attr(src)}" lang="${attr(lang)}"></readiness-check>`
  );
}

/** The iframe embed (README.md), for hosts that allow no scripts in a post. */
export function iframeSnippet({ embedBase, src, lang, title }) {
  const page = new URL('embed.html', embedBase);
  page.search = new URLSearchParams({ lang, src }).toString();
  return (
    `<iframe data-readiness-check src="${attr(page.href)}"\n` +
    `        title="${attr(title)}" style="width:100%;height:900px;border:0"></iframe>\n` +
    `<script src="${attr(new URL('readiness-frame.js', embedBase).href)}"></script>`
  );
}

/** The file name a questionnaire downloads as. */
export const fileName = (draft) => `${isSlug(draft?.id) ? draft.id : slugify(draft?.id) || 'questionnaire'}.json`;
