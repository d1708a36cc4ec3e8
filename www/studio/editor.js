// The structured editor: the draft drawn as a form. Every field carries
// `data-path` (the draft path it edits, the same path the core names in a
// problem) and `data-kind` (how its value is read); every button carries
// `data-op` and the `data-path` it acts on. studio.js listens once on the
// editor and does the work; this file only draws.

import { h, hidden, fieldId } from './dom.js';
import { LANGS, OPTIONAL_TEXTS, getAt, isEmptyText } from './model.js';

const list = (value) => (Array.isArray(value) ? value : []);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The editor for `draft`. `ctx`: `t` (the studio's words), `display` (the
 * language item names are shown in), `isOpen(item)` (whether a factor's
 * or question's disclosure was open).
 */
export function renderEditor(draft, ctx) {
  const langs = list(draft.languages).filter((lang) => LANGS.includes(lang));
  const c = { ...ctx, draft, langs: langs.length ? langs : LANGS };
  return h(
    'div',
    { class: 'editor-sections' },
    general(c),
    factorsSection(c),
    levelsSection(c),
    capsSection(c),
  );
}

// ---------------------------------------------------------------------------
// Fields

/** A hint under a field, with an id for aria-describedby. */
function hintOf(path, text) {
  return text ? h('p', { class: 'hint', id: fieldId(path, 'hint') }, text) : null;
}

/** One value: an id, a version, a number, a choice. */
function scalar(c, { path, label, kind = 'string', hint, type = 'text', options, suggest, attrs = {}, wide = false }) {
  const id = fieldId(path);
  const value = getAt(c.draft, path);
  const described = hint ? fieldId(path, 'hint') : null;
  const common = {
    id,
    'data-path': path,
    'data-kind': kind,
    'data-described': described,
    'aria-describedby': described,
    ...attrs,
  };
  let control;
  if (options) {
    const current = value === undefined || value === null ? '' : String(value);
    const known = options.some(([v]) => v === current);
    control = h(
      'select',
      common,
      h('option', { value: '', selected: current === '' }, c.t('choose')),
      options.map(([v, text]) => h('option', { value: v, selected: v === current }, text)),
      !known && current !== '' ? h('option', { value: current, selected: true }, c.t('unknownRef', { id: current })) : null,
    );
  } else {
    control = h('input', {
      type,
      value: value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
      ...(type === 'number' ? { inputmode: 'decimal', step: 'any' } : {}),
      ...(kind === 'id' ? { spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off' } : {}),
      ...common,
    });
  }
  const button = suggest
    ? h(
        'button',
        { type: 'button', class: 'tool small', 'data-op': 'suggest', 'data-path': suggest.path },
        c.t('suggestId'),
        hidden(` (${suggest.label})`),
      )
    : null;
  return h(
    'div',
    { class: `field${wide ? ' wide' : ''}`, 'data-field': path },
    h('label', { for: id }, label),
    button ? h('div', { class: 'with-button' }, control, button) : control,
    hintOf(path, hint),
  );
}

/** A text: one field per declared language, side by side, the empty ones marked. */
function textField(c, { path, label, hint, multiline = true }) {
  const field = path.split('.').at(-1);
  const text = getAt(c.draft, path);
  const described = hint ? fieldId(path, 'hint') : null;
  return h(
    'fieldset',
    { class: 'text-field', 'data-field': path },
    h('legend', {}, label),
    hintOf(path, hint),
    h(
      'div',
      { class: 'langs' },
      c.langs.map((lang) => {
        const fieldPath = `${path}.${lang}`;
        const id = fieldId(fieldPath);
        const value = isObject(text) && typeof text[lang] === 'string' ? text[lang] : '';
        const empty = missingText(text, lang, OPTIONAL_TEXTS.has(field));
        const attrs = {
          id,
          lang,
          'data-path': fieldPath,
          'data-kind': 'text',
          'data-optional': OPTIONAL_TEXTS.has(field) ? 'true' : null,
          'data-described': described,
          'aria-describedby': described,
        };
        return h(
          'div',
          { class: `lang-field${empty ? ' empty' : ''}`, 'data-field': fieldPath },
          h(
            'label',
            { for: id },
            h('span', { class: 'lang-tag' }, lang.toUpperCase()),
            ' ',
            h('span', { class: 'lang-name', lang }, c.t(`langName_${lang}`)),
            h('span', { class: 'missing', hidden: !empty }, c.t('missing')),
          ),
          multiline ? h('textarea', { rows: '2', ...attrs }, value) : h('input', { type: 'text', value, ...attrs }),
        );
      }),
    ),
  );
}

/**
 * Is a text missing in `lang`? A required text is, when empty there; an
 * optional one (help, short name) only when another language has it.
 */
export function missingText(text, lang, optional) {
  if (!isEmptyText(text, lang)) return false;
  return !optional || (isObject(text) && Object.values(text).some((value) => typeof value === 'string' && value.trim()));
}

/** The name an item shows under (in the display language, else any). */
export function nameOf(c, item, field) {
  const text = isObject(item) ? item[field] : undefined;
  if (typeof text === 'string') return text;
  if (!isObject(text)) return '';
  for (const lang of [c.display, ...c.langs, ...LANGS]) if (typeof text[lang] === 'string' && text[lang].trim()) return text[lang];
  return '';
}

/** An item's label: "Factor 2" and, after a colon, its name. */
export function itemTitle(c, label, name) {
  return [h('span', { class: 'item-number' }, label), h('span', { class: 'item-name' }, name || c.t('untitled'))];
}

/** Move up, move down, duplicate, remove: for the item at `path`, `n` of `count`. */
function tools(c, { path, label, index, count, duplicate = true, removable = true }) {
  const tool = (op, icon, text, disabled) =>
    h(
      'button',
      { type: 'button', class: `tool${op === 'remove' ? ' danger' : ''}`, 'data-op': op, 'data-path': path, 'aria-disabled': disabled ? 'true' : null },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, icon),
      c.t(text),
      hidden(` ${label}`),
    );
  return h(
    'div',
    { class: 'tools', role: 'group', 'aria-label': c.t('actionsFor', { item: label }) },
    tool('up', '↑', 'moveUp', index === 0),
    tool('down', '↓', 'moveDown', index === count - 1),
    duplicate ? tool('duplicate', '❐', 'duplicate', false) : null,
    removable ? tool('remove', '✕', 'remove', false) : null,
  );
}

function addButton(c, { op = 'add', path, text, kind }) {
  return h(
    'button',
    { type: 'button', class: 'add', 'data-op': op, 'data-path': path, 'data-kind': kind ?? null },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, '+'),
    c.t(text),
  );
}

// ---------------------------------------------------------------------------
// Sections

function general(c) {
  const langs = list(c.draft.languages);
  return h(
    'section',
    { class: 'card section', 'aria-labelledby': 'h-general', 'data-path': '', 'data-factor': '-1' },
    h('h2', { id: 'h-general' }, c.t('general')),
    h(
      'div',
      { class: 'row' },
      scalar(c, { path: 'id', label: c.t('qId'), kind: 'id', hint: c.t('qIdHint'), suggest: { path: '', label: c.t('qId') } }),
      scalar(c, { path: 'version', label: c.t('version'), hint: c.t('versionHint') }),
    ),
    h(
      'fieldset',
      { class: 'choices', 'data-field': 'languages' },
      h('legend', {}, c.t('languages')),
      hintOf('languages', c.t('languagesHint')),
      h(
        'div',
        { class: 'choice-row' },
        LANGS.map((lang) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: 'checkbox',
              id: fieldId(`languages-${lang}`),
              'data-op': 'language',
              value: lang,
              checked: langs.includes(lang),
              'data-path': lang === LANGS[0] ? 'languages' : `languages-${lang}`,
              'aria-describedby': fieldId('languages', 'hint'),
              'data-described': fieldId('languages', 'hint'),
            }),
            h('span', {}, h('span', { lang }, c.t(`langName_${lang}`)), ` (${lang})`),
          ),
        ),
      ),
    ),
    textField(c, { path: 'title', label: c.t('title'), multiline: false }),
    textField(c, { path: 'intro', label: c.t('intro'), hint: c.t('introHint') }),
  );
}

function factorsSection(c) {
  const factors = c.draft.factors;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-factors', 'data-path': 'factors' },
    h('h2', { id: 'h-factors' }, c.t('factors'), ' ', h('span', { class: 'count' }, `(${list(factors).length})`)),
    h('p', { class: 'lead' }, c.t('factorsLead')),
    Array.isArray(factors) || factors === undefined
      ? [
          h('ol', { class: 'items factors' }, list(factors).map((factor, f) => h('li', {}, factorItem(c, factor, f, factors.length)))),
          addButton(c, { path: 'factors', text: 'addFactor' }),
        ]
      : h('p', { class: 'note' }, c.t('editorUnavailable', { reason: '"factors"' })),
  );
}

function factorItem(c, factor, f, count) {
  const path = `factors[${f}]`;
  const label = c.t('factorN', { n: f + 1 });
  const questions = isObject(factor) ? factor.questions : undefined;
  return h(
    'details',
    { class: 'card factor', 'data-path': path, 'data-factor': String(f), open: c.isOpen(factor, path, true) },
    h(
      'summary',
      {},
      h('h3', { class: 'item-title', 'data-title-for': path }, itemTitle(c, label, nameOf(c, factor, 'name'))),
      h('span', { class: 'badge', 'data-badge': path, hidden: true }),
    ),
    h(
      'div',
      { class: 'item-body' },
      tools(c, { path, label, index: f, count }),
      h(
        'div',
        { class: 'row' },
        scalar(c, { path: `${path}.id`, label: c.t('id'), kind: 'id', hint: c.t('idHint'), suggest: { path, label } }),
        scalar(c, { path: `${path}.weight`, label: c.t('weight'), kind: 'number', type: 'number', hint: c.t('weightHint'), attrs: { min: '0', max: '1000', placeholder: '1' } }),
      ),
      textField(c, { path: `${path}.name`, label: c.t('name'), multiline: false }),
      textField(c, { path: `${path}.shortName`, label: c.t('shortName'), hint: c.t('shortNameHint'), multiline: false }),
      textField(c, { path: `${path}.description`, label: c.t('description'), hint: c.t('factorDescriptionHint') }),
      h('h4', { class: 'sub' }, c.t('questions'), ' ', h('span', { class: 'count' }, `(${list(questions).length})`)),
      Array.isArray(questions) || questions === undefined
        ? [
            h('ol', { class: 'items questions' }, list(questions).map((question, q) => h('li', {}, questionItem(c, question, f, q, questions.length)))),
            addButton(c, { path: `${path}.questions`, text: 'addQuestion' }),
          ]
        : h('p', { class: 'note' }, c.t('editorUnavailable', { reason: `"${path}.questions"` })),
    ),
  );
}

function questionItem(c, question, f, q, count) {
  const path = `factors[${f}].questions[${q}]`;
  const label = c.t('questionN', { n: `${f + 1}.${q + 1}` });
  const options = isObject(question) ? question.options : undefined;
  const shown = Math.max(5, list(options).length);
  return h(
    'details',
    // A question with no title yet (a new one) starts open.
    { class: 'question', 'data-path': path, open: c.isOpen(question, path, !nameOf(c, question, 'title')) },
    h(
      'summary',
      {},
      h('h5', { class: 'item-title', 'data-title-for': path }, itemTitle(c, label, nameOf(c, question, 'title'))),
      h('span', { class: 'badge', 'data-badge': path, hidden: true }),
    ),
    h(
      'div',
      { class: 'item-body' },
      tools(c, { path, label, index: q, count }),
      h(
        'div',
        { class: 'row' },
        scalar(c, { path: `${path}.id`, label: c.t('id'), kind: 'id', hint: c.t('idHint'), suggest: { path, label } }),
        scalar(c, { path: `${path}.weight`, label: c.t('weight'), kind: 'number', type: 'number', hint: c.t('weightHint'), attrs: { min: '0', max: '1000', placeholder: '1' } }),
      ),
      textField(c, { path: `${path}.title`, label: c.t('questionTitle'), hint: c.t('questionTitleHint'), multiline: false }),
      textField(c, { path: `${path}.prompt`, label: c.t('prompt') }),
      textField(c, { path: `${path}.help`, label: c.t('help'), hint: c.t('helpHint') }),
      h(
        'div',
        { class: 'field check', 'data-field': `${path}.allowNotApplicable` },
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            id: fieldId(`${path}.allowNotApplicable`),
            'data-path': `${path}.allowNotApplicable`,
            'data-kind': 'bool',
            checked: isObject(question) && question.allowNotApplicable === true,
          }),
          c.t('allowNa'),
        ),
      ),
      h(
        'fieldset',
        { class: 'options', 'data-field': `${path}.options` },
        h('legend', {}, c.t('options')),
        h('p', { class: 'hint' }, c.t('optionsLead')),
        h(
          'ol',
          { class: 'option-list', start: '0' },
          Array.from({ length: shown }, (_, o) => h('li', {}, option(c, path, label, o, shown))),
        ),
      ),
    ),
  );
}

function option(c, questionPath, questionLabel, o, count) {
  const path = `${questionPath}.options[${o}]`;
  const name = o === 0 ? c.t('stepLowest') : o === count - 1 ? c.t('stepHighest') : c.t('step', { n: o });
  const label = `${c.t('step', { n: o })} (${questionLabel})`;
  const top = o === count - 1;
  return h(
    'div',
    { class: 'option', 'data-path': path },
    h(
      'div',
      { class: 'option-head' },
      h('h6', {}, name),
      h(
        'div',
        { class: 'tools', role: 'group', 'aria-label': c.t('actionsFor', { item: label }) },
        ['up', 'down'].map((dir) =>
          h(
            'button',
            {
              type: 'button',
              class: 'tool',
              'data-op': `option-${dir}`,
              'data-path': path,
              'aria-disabled': (dir === 'up' ? o === 0 : top) ? 'true' : null,
            },
            h('span', { class: 'icon', 'aria-hidden': 'true' }, dir === 'up' ? '↑' : '↓'),
            c.t(dir === 'up' ? 'moveUp' : 'moveDown'),
            hidden(` ${label}`),
          ),
        ),
      ),
    ),
    scalar(c, { path: `${path}.score`, label: c.t('score'), kind: 'number', type: 'number', hint: o === 0 ? c.t('scoreHint') : null, attrs: { min: '0', max: '100', class: 'score' } }),
    textField(c, { path: `${path}.text`, label: c.t('optionText') }),
    top && getAt(c.draft, `${path}.advice`) === undefined
      ? h('p', { class: 'hint no-advice' }, c.t('noAdvice'))
      : textField(c, { path: `${path}.advice`, label: c.t('advice'), hint: c.t('adviceHint') }),
  );
}

function levelsSection(c) {
  const levels = c.draft.levels;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-levels', 'data-path': 'levels' },
    h('h2', { id: 'h-levels' }, c.t('levels'), ' ', h('span', { class: 'count' }, `(${list(levels).length})`)),
    h('p', { class: 'lead' }, c.t('levelsLead')),
    Array.isArray(levels) || levels === undefined
      ? [
          h(
            'ol',
            { class: 'items levels' },
            list(levels).map((level, l) => {
              const path = `levels[${l}]`;
              const label = c.t('levelN', { n: l + 1 });
              return h(
                'li',
                {},
                h(
                  'section',
                  { class: 'card item', 'data-path': path, 'aria-labelledby': fieldId(path, 'h') },
                  h('h3', { class: 'item-title', id: fieldId(path, 'h'), 'data-title-for': path }, itemTitle(c, label, nameOf(c, level, 'name'))),
                  tools(c, { path, label, index: l, count: levels.length }),
                  h(
                    'div',
                    { class: 'row' },
                    scalar(c, { path: `${path}.id`, label: c.t('id'), kind: 'id', hint: c.t('idHint'), suggest: { path, label } }),
                    scalar(c, { path: `${path}.min`, label: c.t('min'), kind: 'number', type: 'number', hint: c.t('minHint'), attrs: { min: '0', max: '100' } }),
                  ),
                  textField(c, { path: `${path}.name`, label: c.t('name'), multiline: false }),
                  textField(c, { path: `${path}.description`, label: c.t('description') }),
                ),
              );
            }),
          ),
          addButton(c, { path: 'levels', text: 'addLevel' }),
        ]
      : h('p', { class: 'note' }, c.t('editorUnavailable', { reason: '"levels"' })),
  );
}

function capsSection(c) {
  const caps = c.draft.caps;
  const questions = list(c.draft.factors).flatMap((factor) => list(factor?.questions));
  const questionChoices = questions
    .filter((question) => typeof question?.id === 'string' && question.id)
    .map((question) => [question.id, `${question.id} · ${nameOf(c, question, 'title')}`]);
  const levelChoices = list(c.draft.levels)
    .filter((level) => typeof level?.id === 'string' && level.id)
    .map((level) => [level.id, `${level.id} · ${nameOf(c, level, 'name')}`]);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'h-caps', 'data-path': 'caps' },
    h('h2', { id: 'h-caps' }, c.t('caps'), ' ', h('span', { class: 'count' }, `(${list(caps).length})`)),
    h('p', { class: 'lead' }, c.t('capsLead')),
    Array.isArray(caps) || caps === undefined
      ? [
          h(
            'ol',
            { class: 'items caps' },
            list(caps).map((cap, i) => {
              const path = `caps[${i}]`;
              const label = c.t('capN', { n: i + 1 });
              const rule = cap?.rule;
              const ruleName = rule === 'answerBelow' ? c.t('ruleAnswerBelow') : rule === 'weakestFactor' ? c.t('ruleWeakestFactor') : String(rule ?? '?');
              return h(
                'li',
                {},
                h(
                  'section',
                  { class: 'card item', 'data-path': path, 'aria-labelledby': fieldId(path, 'h') },
                  h('h3', { class: 'item-title', id: fieldId(path, 'h') }, itemTitle(c, label, ruleName)),
                  tools(c, { path, label, index: i, count: caps.length }),
                  h(
                    'div',
                    { class: 'row' },
                    scalar(c, { path: `${path}.id`, label: c.t('id'), kind: 'id', hint: c.t('idHint'), suggest: { path, label } }),
                    rule === 'answerBelow'
                      ? [
                          scalar(c, { path: `${path}.question`, label: c.t('capQuestion'), options: questionChoices, wide: true }),
                          scalar(c, {
                            path: `${path}.below`,
                            label: c.t('capBelow'),
                            kind: 'int',
                            options: [1, 2, 3, 4].map((n) => [String(n), c.t('step', { n })]),
                          }),
                          scalar(c, { path: `${path}.maxLevel`, label: c.t('capMaxLevel'), options: levelChoices }),
                        ]
                      : rule === 'weakestFactor'
                        ? scalar(c, { path: `${path}.maxLevelsAbove`, label: c.t('capMaxLevelsAbove'), kind: 'int', type: 'number', attrs: { min: '0', max: '10', step: '1' } })
                        : null,
                  ),
                  textField(c, { path: `${path}.reason`, label: c.t('reason'), hint: c.t('reasonHint') }),
                ),
              );
            }),
          ),
          h(
            'div',
            { class: 'add-row' },
            addButton(c, { path: 'caps', text: 'addCapAnswer', kind: 'answerBelow' }),
            addButton(c, { path: 'caps', text: 'addCapWeakest', kind: 'weakestFactor' }),
          ),
        ]
      : h('p', { class: 'note' }, c.t('editorUnavailable', { reason: '"caps"' })),
  );
}
