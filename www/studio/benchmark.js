// The benchmarks view: a marketer drops, picks or pastes the responses
// collected so far (a CSV export with a header row of question ids, or
// JSON Lines: one {"respondent", "answers", "<group field>"} a line) and
// turns them into the questionnaire's `benchmarks` section, so that every
// visitor sees how their score compares. This file reads the export into
// the core's input (`readResponses`: a line number, a group and the
// answers of each response, and what is wrong with the file or a line) and
// draws the core's answer (`renderOutcome`). The core scores and counts
// everything (studio-core.js `benchmark`, the numbers of `readiness
// benchmark`); studio.js calls it and wires the view. Nothing is uploaded
// and nothing is stored: only the counts go into the questionnaire.

import { h, s } from './dom.js';
import { parseCsv, sniffDelimiter } from './team.js';

/** The column (or field) that says who answered, as `readiness batch` names it. */
const RESPONDENT = 'respondent';
/** Groups left out, listed by name before "and N more". */
const LEFT_OUT_SHOWN = 12;
/** Bad lines listed before "show all". */
const BAD_SHOWN = 20;
/** The scores the preview says each population's percentile of. */
export const SCORES = [25, 50, 75];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
/** Names compared as `readiness benchmark --by` compares them: in any case. */
const same = (a, b) => a.toLowerCase() === b.toLowerCase();

/** The label a language gets unless the marketer writes one: `{n}` is the count of responses. */
const DEFAULT_LABELS = { id: '{n} responden', en: '{n} responses' };
export const defaultLabel = (lang) => DEFAULT_LABELS[lang] ?? DEFAULT_LABELS.en;

/** The question ids of a draft, in order. */
export function questionIdsOf(draft) {
  return list(draft?.factors)
    .flatMap((factor) => list(factor?.questions))
    .map((question) => question?.id)
    .filter((id) => typeof id === 'string' && id);
}

// ---------------------------------------------------------------------------
// Reading the export

/** "csv" or "jsonl": JSON Lines when the first line that is not blank opens an object. */
export function formatOf(text) {
  const first = text.replace(/^\uFEFF/, '').split('\n').find((line) => line.trim()) ?? '';
  return first.trim().startsWith('{') ? 'jsonl' : 'csv';
}

/**
 * Reads a responses export for the questionnaire whose question ids are
 * `ids`, grouping by the column or field `by` ('' for none):
 *
 * - `format` ("csv" or "jsonl") and `delimiter` (CSV's);
 * - `fields`: the columns or fields that are neither questions nor
 *   `respondent`, in the file's order: what it may be grouped by;
 * - `problems`: what is wrong with the file as a whole (a header cell that
 *   is no question's id, nor `respondent`, nor the group's; a column
 *   twice), `{key, vars}` for labels.js. While there are any, nothing is
 *   counted: as `readiness benchmark` refuses such a file;
 * - `responses`: `{line, group, answers}` for the core (lines as in the
 *   file, the header line 1);
 * - `bad`: `{line, problems}` for the lines that cannot be read as a
 *   response at all (the core names the rest), each problem `{key, vars}`;
 * - `rows`: how many lines held a response, read or not.
 */
export function readResponses(text, { ids, by = '' }) {
  const known = new Set(ids);
  return formatOf(text) === 'jsonl' ? readJsonLines(text, known, by) : readCsv(text, known, ids, by);
}

function readCsv(text, known, ids, by) {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(body);
  const out = { format: 'csv', delimiter, fields: [], problems: [], responses: [], bad: [], rows: 0 };
  const rows = parseCsv(body, delimiter);
  const at = rows.findIndex((row) => row.some((cell) => cell.trim()));
  if (at < 0) return out;
  const header = rows[at].map((cell) => cell.trim());
  const columns = header.map((name, position) => {
    if (by && same(name, by)) return { kind: 'group', name };
    if (same(name, RESPONDENT)) return { kind: 'respondent', name };
    if (known.has(name)) return { kind: 'question', name };
    if (!name) return { kind: 'unnamed', position: position + 1 };
    return { kind: 'unknown', name };
  });
  out.fields = unique(columns.filter((c) => c.kind === 'group' || c.kind === 'unknown').map((c) => c.name));
  if (!columns.some((c) => c.kind === 'question')) {
    // Every name unknown: most likely the file has no header row at all.
    out.problems.push({ key: 'bmNoQuestionColumn', vars: {} });
    return out;
  }
  const seen = [];
  for (const column of columns) {
    if (column.kind === 'unknown') {
      out.problems.push({ key: 'bmUnknownColumn', vars: { name: column.name, suggestion: suggest(column.name, ids) } });
    } else if (column.kind !== 'unnamed') {
      const twice = seen.some((c) => c.kind === column.kind && (column.kind !== 'question' || c.name === column.name));
      if (twice) out.problems.push({ key: 'bmColumnTwice', vars: { name: column.name } });
      seen.push(column);
    }
  }
  for (const row of rows.slice(at + 1)) {
    const cells = row.map((cell) => cell.trim());
    // A blank line, or a blank row as spreadsheets export it (`,,,,`).
    if (!cells.some(Boolean)) continue;
    out.rows++;
    if (cells.length !== columns.length) {
      out.bad.push({ line: row.line, problems: [{ key: 'bmFieldCount', vars: { fields: cells.length, columns: columns.length } }] });
      continue;
    }
    const answers = {};
    const problems = [];
    let group = null;
    columns.forEach((column, i) => {
      const cell = cells[i];
      if (!cell) return;
      if (column.kind === 'question') answers[column.name] = cell;
      else if (column.kind === 'group') group = cell;
      else if (column.kind === 'unnamed') problems.push({ key: 'bmUnnamedCell', vars: { n: column.position, value: shorten(cell) } });
    });
    if (problems.length) out.bad.push({ line: row.line, problems });
    else out.responses.push({ line: row.line, group, answers });
  }
  return out;
}

function readJsonLines(text, known, by) {
  const out = { format: 'jsonl', delimiter: null, fields: [], problems: [], responses: [], bad: [], rows: 0 };
  const unknown = new Map();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const source = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (!source.trim()) return;
    out.rows++;
    let value;
    try {
      value = JSON.parse(source);
    } catch (error) {
      out.bad.push({ line, problems: [{ key: 'bmNotJson', vars: { error: error.message } }] });
      return;
    }
    if (!isObject(value)) {
      out.bad.push({ line, problems: [{ key: 'bmLineNotObject', vars: {} }] });
      return;
    }
    const problems = [];
    let group = null;
    for (const [key, field] of Object.entries(value)) {
      if (key === 'answers' || key === RESPONDENT) continue;
      if (!out.fields.includes(key)) out.fields.push(key);
      if (by && same(key, by)) {
        if (typeof field === 'string') group = field.trim() || null;
        else if (field !== null) problems.push({ key: 'bmGroupNotText', vars: { name: key } });
      } else unknown.set(key, (unknown.get(key) ?? 0) + 1);
    }
    const respondent = value[RESPONDENT];
    if (respondent !== undefined && typeof respondent !== 'string' && !Number.isInteger(respondent)) {
      problems.push({ key: 'bmRespondentType', vars: {} });
    }
    const answers = {};
    if (!('answers' in value)) problems.push({ key: 'bmNoAnswers', vars: {} });
    else if (!isObject(value.answers)) problems.push({ key: 'bmAnswersNotObject', vars: {} });
    else {
      for (const [id, answer] of Object.entries(value.answers)) {
        if (answer === null) continue;
        if (typeof answer === 'number') answers[id] = answer;
        else if (typeof answer === 'string' && /^\s*[0-4]\s*$/.test(answer)) {
          // The core's answers files write a step as a number.
          problems.push({ key: 'bmAnswerIsText', vars: { id, code: answer.trim() } });
        } else if (typeof answer === 'string') answers[id] = answer;
        else problems.push({ key: 'bmAnswerInvalid', vars: { id } });
      }
    }
    if (problems.length) out.bad.push({ line, problems });
    else out.responses.push({ line, group, answers });
  });
  for (const [name, n] of unknown) out.problems.push({ key: 'bmUnknownField', vars: { name, n } });
  return out;
}

const unique = (names) => names.filter((name, i) => names.findIndex((other) => same(other, name)) === i);

/** A cell as a message quotes it: its first 40 characters. */
const shorten = (text) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The nearest question id to a name, as the core suggests one (within max(2, length / 3) edits), or ''. */
export function suggest(name, ids) {
  let best = null;
  for (const id of ids) {
    const distance = editDistance(name.toLowerCase().slice(0, 64), id.toLowerCase().slice(0, 64));
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.id.length / 3)) ? best.id : '';
}

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/** A problem in the studio's words (`{key, vars}`), or the core's as it said it (a string). */
export function problemText(t, problem) {
  if (typeof problem === 'string') return problem;
  const vars = { ...problem.vars };
  if ('suggestion' in vars) vars.suggestion = vars.suggestion ? t('bmDidYouMean', { id: vars.suggestion }) : '';
  return t(problem.key, vars);
}

/** The lines left out, the file's and the core's together, by line. */
export function badLines(read, result) {
  const byLine = new Map();
  for (const entry of [...list(read?.bad), ...list(result?.bad)]) {
    const line = Number(entry.line) || 0;
    byLine.set(line, [...(byLine.get(line) ?? []), ...list(entry.problems)]);
  }
  return [...byLine].sort((a, b) => a[0] - b[0]).map(([line, problems]) => ({ line, problems }));
}

// ---------------------------------------------------------------------------
// Drawing

/**
 * What the core made of the responses, drawn: the lines and groups left
 * out, then each population's count, distribution and percentiles, and
 * the button that adds them. `c`: `t`, `display` (the language of the
 * draft's texts shown), `read` (readResponses'), `result` (the core's),
 * `bad` (badLines), `showAll` (every bad line, not the first ones).
 */
export function renderOutcome(c) {
  return [skipped(c), leftOut(c), populations(c)];
}

function skipped(c) {
  const { t, bad } = c;
  if (!bad.length) return null;
  const shown = c.showAll ? bad : bad.slice(0, BAD_SHOWN);
  return h(
    'section',
    { class: 'bench-block bench-bad', 'aria-labelledby': 'bench-bad-heading' },
    h('h3', { id: 'bench-bad-heading', tabindex: '-1' }, t('bmBadHeading'), ` (${bad.length})`),
    h('p', { class: 'hint' }, t('bmBadHelp')),
    h(
      'ul',
      { class: 'skipped-list' },
      shown.map((entry) =>
        h(
          'li',
          { class: 'problem warning', 'data-bad-line': String(entry.line) },
          h(
            'button',
            { type: 'button', class: 'problem-button', 'data-line': String(entry.line) },
            h('span', { class: 'where' }, t('bmLine', { n: entry.line })),
            entry.problems.map((problem) => h('span', { class: 'message' }, problemText(t, problem))),
          ),
        ),
      ),
    ),
    shown.length < bad.length
      ? h('button', { type: 'button', class: 'secondary', id: 'bench-bad-all' }, t('showAll', { n: bad.length }))
      : null,
  );
}

function leftOut(c) {
  const { t, result } = c;
  const groups = list(result?.leftOut);
  if (!groups.length) return null;
  const shown = groups.slice(0, LEFT_OUT_SHOWN);
  return h(
    'section',
    { class: 'bench-block bench-left-out', 'aria-labelledby': 'bench-left-out-heading' },
    h('h3', { id: 'bench-left-out-heading' }, t('bmLeftOutHeading'), ` (${groups.length})`),
    h('p', { class: 'hint' }, t('bmLeftOutHelp', { min: result.minCount })),
    h(
      'ul',
      { class: 'left-out-list' },
      shown.map((group) => h('li', { 'data-group': group.name, 'data-count': String(group.count) }, t('bmGroupCount', { name: group.name, n: group.count }))),
      shown.length < groups.length ? h('li', { class: 'more' }, t('bmMoreGroups', { n: groups.length - shown.length })) : null,
    ),
  );
}

function populations(c) {
  const { t, result } = c;
  const made = result?.benchmarks;
  if (!isObject(made)) return null;
  const rows = list(result.preview).map((row, i) => ({
    ...row,
    id: i === 0 ? '' : (list(made.groups)[i - 1]?.id ?? ''),
    bins: i === 0 ? made.overall : list(made.groups)[i - 1]?.overall,
  }));
  return h(
    'section',
    { class: 'bench-block bench-made', 'aria-labelledby': 'bench-result-heading' },
    h('h3', { id: 'bench-result-heading', tabindex: '-1' }, t('bmResultHeading', { n: made.count })),
    h('p', { class: 'hint' }, t('bmResultHelp')),
    h(
      'ul',
      { class: 'populations' },
      rows.map((row, i) =>
        h(
          'li',
          { class: `population${i === 0 ? ' everyone' : ''}`, 'data-group': row.id, 'data-count': String(row.count) },
          h(
            'div',
            { class: 'population-head' },
            h('h4', {}, i === 0 ? t('bmEveryone') : row.name),
            h('span', { class: 'population-count' }, i === 0 ? (made.label?.[c.display] ?? row.name) : t('bmResponses', { n: row.count })),
          ),
          histogram(list(row.bins)),
          h(
            'ul',
            { class: 'ahead-list' },
            list(row.ahead).map(([score, percent]) =>
              h(
                'li',
                { 'data-score': String(score), 'data-ahead': String(percent) },
                h('span', { class: 'score-of' }, t('bmScoreOf', { score })),
                ' ',
                h('strong', {}, t('bmAheadOf', { n: percent })),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A population's 20 bands as bars (the scores 25, 50 and 75 marked); the numbers beside it say the same. */
function histogram(bins) {
  const most = Math.max(1, ...bins);
  const height = 48;
  const width = 100 / Math.max(1, bins.length);
  return s(
    'svg',
    { class: 'histogram', width: '100%', height: height + 16, 'aria-hidden': 'true', focusable: 'false' },
    bins.map((n, i) =>
      s('rect', {
        class: 'bin',
        x: `${i * width + width * 0.1}%`,
        width: `${width * 0.8}%`,
        y: height - (n / most) * height,
        height: (n / most) * height,
      }),
    ),
    s('line', { class: 'base', x1: '0%', x2: '100%', y1: height, y2: height }),
    SCORES.map((score) => s('line', { class: 'mark', x1: `${score}%`, x2: `${score}%`, y1: 0, y2: height })),
    [0, ...SCORES, 100].map((score) =>
      s('text', { class: 'axis', x: `${score}%`, y: height + 13, 'text-anchor': score === 0 ? 'start' : score === 100 ? 'end' : 'middle' }, String(score)),
    ),
  );
}

/** What the draft holds now: its benchmarks' count, label and groups, in words. */
export function currentText(t, benchmarks, lang) {
  if (!isObject(benchmarks)) return t('bmNoneInDraft');
  const text = (value) => (isObject(value) ? (value[lang] ?? Object.values(value).find((v) => typeof v === 'string') ?? '') : String(value ?? ''));
  const groups = list(benchmarks.groups).map((g) => `${text(g.name)} (${g.count})`);
  return [
    t('bmInDraftNow', { n: benchmarks.count, label: text(benchmarks.label) }),
    groups.length ? t('bmInDraftGroups', { list: groups.join(', ') }) : t('bmInDraftNoGroups'),
  ].join(' ');
}
