// The team view: a marketer pastes the share links colleagues sent (one a
// line, each after a name: "Sales: https://…#readiness=…") and sees where
// they agree and disagree. The core computes everything (studio-core.js
// `team`: which lines read, each respondent's scores, their spread, the
// questions answered furthest apart, the report of the combined answers);
// this file only draws its result, and turns a spreadsheet's CSV into such
// lines. studio.js calls the core and wires the view. Nothing is uploaded.

import { h, s, hidden } from './dom.js';
import { nameOf } from './editor.js';

/** Dots are coloured from this many colours (c0…c7 in studio.css), then again. */
const COLOURS = 8;
const colour = (i) => `c${i % COLOURS}`;

/** A score as the studio's language writes it: 62.5, or 62,5 in Indonesian. */
export function formatScore(value, lang) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '–';
  const text = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return lang === 'id' ? text.replace('.', ',') : text;
}

// ---------------------------------------------------------------------------
// A spreadsheet's export -> one `name<TAB>link` a line (the form the core reads)

const LINK = /readiness=|^[a-z0-9]+(?:-[a-z0-9]+)*@[^\s:]+:\S+$/i;

/**
 * The rows of CSV text (quotes doubled inside quoted cells), split by
 * `delimiter`: arrays of cells, each with `line`, the line of the text it
 * starts on (from 1; a quoted cell may run over several). A blank line is
 * a row of one empty cell. (The benchmarks view reads responses with it.)
 */
export function parseCsv(text, delimiter) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    row.push(cell);
    row.line = start;
    rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && !cell.trim()) {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      end();
      start = ++line;
    } else cell += char;
  }
  if (cell || row.length) end();
  return rows;
}

/**
 * The delimiter of CSV text, from its first line that is not blank: the
 * one of `,`, `;` and tab that splits it most, the comma on a tie (as
 * `readiness batch` sniffs it). Spreadsheets in locales with a decimal
 * comma, Indonesian among them, export with `;`.
 */
export function sniffDelimiter(text) {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim()) ?? '';
  return [',', ';', '\t'].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ',');
}

/**
 * A CSV (or TSV) export as lines the core reads: `name<TAB>link`, the
 * name from the row's other cells (department, person). A first row
 * without a link is a header and left out; other rows without one are
 * kept as they are, for the core to say why they do not read.
 */
export function linesFromCsv(text) {
  const delimiter = sniffDelimiter(text);
  const out = [];
  let header = true;
  for (const row of parseCsv(text.replace(/^\uFEFF/, ''), delimiter)) {
    const cells = row.map((cell) => cell.trim());
    if (!cells.some(Boolean)) continue;
    const at = cells.findLastIndex((cell) => LINK.test(cell));
    if (at < 0) {
      if (!header) out.push(cells.filter(Boolean).join(' '));
    } else {
      const name = cells.filter((cell, i) => i !== at && cell).join(' ');
      out.push(name ? `${name}\t${cells[at]}` : cells[at]);
    }
    header = false;
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Drawing

/**
 * Lanes for dots that would overlap: each score's row on its strip (0 the
 * first), so that dots closer than `gap` points sit one above the other.
 */
export function lanes(scores, gap) {
  const order = scores.map((score, i) => [Number(score), i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const last = [];
  const lane = scores.map(() => 0);
  for (const [score, i] of order) {
    let row = 0;
    while (row < last.length && score - last[row] < gap) row++;
    last[row] = score;
    lane[i] = row;
  }
  return lane;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);

/** The draft's question with this id, and its factor. */
function questionOf(draft, id) {
  for (const factor of list(draft?.factors)) {
    const question = list(factor?.questions).find((q) => isObject(q) && q.id === id);
    if (question) return { factor, question };
  }
  return {};
}

/** An answer's words: its option's text in the draft, or the studio's for the other codes. */
export function answerLabel(c, questionId, code) {
  if (code === '' || code === null || code === undefined) return c.t('answerNone');
  if (code === 'dont-know') return c.t('dontKnow');
  if (code === 'not-applicable') return c.t('notApplicable');
  const { question } = questionOf(c.draft, questionId);
  return nameOf(c, list(question?.options)[Number(code)], 'text') || c.t('step', { n: code });
}

/** Geometry of a strip (px; x is in percent of the strip's width). */
const DOT = 11;
const LANE = 26;
const TOP = 4;
const AXIS = 20;

/** Points two dots need between them not to overlap, on a strip `width` px wide. */
const gapFor = (width) => (width > 4 * DOT ? (100 * (2 * DOT + 2)) / width : 8);

/**
 * The drawn team view of the core's result (which has read at least one
 * respondent). `c`: `t`, `lang` (the studio's, for numbers), `display`
 * and `langs` (the draft's text language), `draft`, `title` and `version`
 * (of the questionnaire), `width` (of the narrowest strip, px: dots closer
 * than their size there are drawn one above the other).
 */
export function renderTeam(result, c) {
  const people = list(result.respondents)
    .filter((r) => r.ok)
    .map((r, i) => ({ n: i + 1, name: r.name || c.t('respondentN', { n: i + 1 }), line: r.line }));
  const num = (value) => formatScore(value, c.lang);
  return h(
    'div',
    { class: 'team-result', 'data-count': String(result.count) },
    head(c, result, people),
    spreads(c, result, people, num),
    disagreements(c, result, people),
    combined(c, result.report, num),
  );
}

function key(i, text = String(i + 1)) {
  return h('span', { class: `key ${colour(i)}`, 'aria-hidden': 'true' }, text);
}

function head(c, result, people) {
  return h(
    'div',
    { class: 'team-head' },
    h(
      'div',
      { class: 'team-head-text' },
      h('h3', { id: 'team-result-heading', tabindex: '-1' }, c.t('teamResultHeading', { n: result.count })),
      h('p', { class: 'hint' }, c.t('teamOf', { title: c.title || c.t('untitled'), version: c.version ?? '' })),
    ),
    h('button', { type: 'button', class: 'secondary', id: 'team-print' }, printerIcon(), c.t('print')),
    h(
      'ol',
      { class: 'team-legend', 'aria-label': c.t('teamLegend') },
      people.map((person, i) => h('li', { 'data-line': String(person.line) }, key(i), h('span', { class: 'who' }, person.name))),
    ),
  );
}

/** A printer, drawn (no icon font: the studio loads no fonts). */
function printerIcon() {
  return s(
    'svg',
    { class: 'print-icon', width: 18, height: 18, viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    s('path', { d: 'M7 9V3h10v6M7 17H4v-6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v6h-3M7 14h10v7H7z' }),
  );
}

function spreads(c, result, people, num) {
  const rows = [
    { id: '', name: c.t('overallScore'), ...result.overall, overall: true },
    ...list(result.factors),
  ].map((row) => ({ ...row, lane: lanes(list(row.scores), gapFor(c.width)) }));
  // Every strip as tall as the tallest: side by side, they line up.
  const height = Math.max(0, ...rows.flatMap((row) => row.lane)) + 1;
  return h(
    'section',
    { class: 'team-block team-spread', 'aria-labelledby': 'team-spread-heading' },
    h('h3', { id: 'team-spread-heading' }, c.t('teamSpread')),
    h('p', { class: 'hint' }, c.t('teamSpreadHelp')),
    h(
      'ul',
      { class: 'spreads' },
      rows.map((row) =>
        h(
          'li',
          {
            class: `spread${row.overall ? ' overall' : ''}`,
            'data-factor': row.id,
            'data-min': String(row.min),
            'data-median': String(row.median),
            'data-max': String(row.max),
          },
          h(
            'div',
            { class: 'spread-head' },
            h('h4', {}, row.name),
            h(
              'dl',
              { class: 'stats' },
              [
                ['statMin', row.min, 'min'],
                ['statMedian', row.median, 'median'],
                ['statMax', row.max, 'max'],
              ].map(([label, value, kind]) => h('div', { class: kind }, h('dt', {}, c.t(label)), h('dd', {}, num(value)))),
            ),
          ),
          strip(row, height, people, num),
          h(
            'ul',
            { class: 'vh', 'aria-label': c.t('teamScores', { name: row.name }) },
            list(row.scores).map((score, i) => h('li', {}, `${people[i]?.name ?? i + 1}: ${num(score)}`)),
          ),
        ),
      ),
    ),
  );
}

/** One factor's scores as dots on a 0–100 strip (`rows` of them high): the band from min to max, the median as a line. */
function strip(row, rows, people, num) {
  const scores = list(row.scores).map(Number);
  const { lane } = row;
  const bottom = TOP + rows * LANE;
  // A strip with fewer rows of dots than room for: its dots in the middle.
  const shift = ((rows - 1 - Math.max(0, ...lane)) * LANE) / 2;
  const pct = (value) => `${Math.min(100, Math.max(0, Number(value)))}%`;
  return h(
    'div',
    { class: 'strip-wrap' },
    s(
      'svg',
      { class: 'strip', width: '100%', height: bottom + AXIS, 'aria-hidden': 'true', focusable: 'false' },
      s('rect', { class: 'track', x: '0%', y: TOP, width: '100%', height: rows * LANE, rx: 6 }),
      s('rect', { class: 'band', x: pct(row.min), y: TOP, width: pct(row.max - row.min), height: rows * LANE }),
      [25, 50, 75].map((x) => s('line', { class: 'grid', x1: `${x}%`, x2: `${x}%`, y1: TOP, y2: bottom })),
      s('line', { class: 'median', x1: pct(row.median), x2: pct(row.median), y1: TOP - 3, y2: bottom + 3 }),
      scores.map((score, i) => {
        const cy = TOP + shift + lane[i] * LANE + LANE / 2;
        return s(
          'g',
          { class: `dot ${colour(i)}` },
          s('title', {}, `${people[i]?.name ?? i + 1}: ${num(score)}`),
          s('circle', { cx: pct(score), cy, r: DOT }),
          s('text', { x: pct(score), y: cy, dy: '0.35em', 'text-anchor': 'middle' }, String(i + 1)),
        );
      }),
      [0, 25, 50, 75, 100].map((x) => s('text', { class: 'axis', x: `${x}%`, y: bottom + AXIS - 5, 'text-anchor': 'middle' }, String(x))),
    ),
  );
}

function disagreements(c, result, people) {
  const items = list(result.disagreements);
  const cells = [0, 1, 2, 3, 4];
  return h(
    'section',
    { class: 'team-block team-disagree', 'aria-labelledby': 'team-disagree-heading' },
    h('h3', { id: 'team-disagree-heading' }, c.t('teamDisagree')),
    h('p', { class: 'hint' }, c.t(items.length ? 'teamDisagreeHelp' : result.count > 1 ? 'teamAgree' : 'teamOnlyOne')),
    items.length
      ? h(
          'ol',
          { class: 'disagreements' },
          items.map((item) => {
            const { factor } = questionOf(c.draft, item.id);
            return h(
              'li',
              { class: 'disagreement', 'data-question': item.id, 'data-spread': String(item.spread) },
              h(
                'div',
                { class: 'disagreement-head' },
                h('h4', {}, item.title),
                h('span', { class: 'apart' }, c.t('teamApart', { n: item.spread })),
              ),
              factor ? h('p', { class: 'hint' }, nameOf(c, factor, 'name')) : null,
              h(
                'ul',
                { class: 'answers' },
                list(item.answers).map((code, i) =>
                  h(
                    'li',
                    { class: 'answer', 'data-code': code },
                    key(i),
                    h('span', { class: 'who' }, people[i]?.name ?? String(i + 1)),
                    h(
                      'span',
                      { class: 'scale', 'aria-hidden': 'true' },
                      cells.map((n) => h('span', { class: String(n) === code ? `cell on ${colour(i)}` : 'cell' }, String(n) === code ? String(n) : '')),
                    ),
                    h(
                      'span',
                      { class: `answer-text${/^\d$/.test(code) ? '' : ' other'}` },
                      /^\d$/.test(code) ? hidden(`${c.t('step', { n: code })}: `) : null,
                      answerLabel(c, item.id, code),
                    ),
                  ),
                ),
              ),
            );
          }),
        )
      : null,
  );
}

/** How many recommendations show before "more". */
const FIRST_RECS = 5;

function combined(c, report, num) {
  if (!isObject(report)) return null;
  const overall = report.overall ?? {};
  const recs = list(report.recommendations);
  const rec = (r) =>
    h(
      'li',
      { 'data-question': r.questionId },
      h(
        'p',
        { class: 'rec-head' },
        h('strong', {}, r.title),
        ' ',
        Number(r.gainToTop) > 0 ? h('span', { class: 'gain' }, c.t('teamGain', { n: num(r.gainToTop) })) : null,
      ),
      h('p', {}, r.text ?? r.advice ?? ''),
    );
  const standing = h(
    'div',
    { class: 'team-overall', 'data-level': overall.level?.id ?? '' },
    h(
      'p',
      { class: 'team-score' },
      h('span', { class: 'label' }, c.t('overallScore')),
      h('span', { class: 'number' }, num(overall.score)),
      ' ',
      h('span', { class: 'out-of' }, c.t('outOf')),
    ),
    h('p', { class: 'team-level' }, c.t('level'), ' ', h('strong', {}, overall.level?.name ?? '')),
    overall.description ? h('p', { class: 'team-description' }, overall.description) : null,
    list(overall.caps).map((cap) => h('p', { class: 'team-cap' }, cap.reason)),
  );
  const advice = h(
    'div',
    { class: 'team-recs-box' },
    h('h4', { class: 'recs-heading' }, c.t('teamRecs')),
    recs.length
      ? [
          h('ol', { class: 'team-recs' }, recs.slice(0, FIRST_RECS).map(rec)),
          recs.length > FIRST_RECS
            ? h(
                'details',
                { class: 'more-recs' },
                h('summary', {}, c.t('moreRecs', { n: recs.length - FIRST_RECS })),
                h('ol', { class: 'team-recs', start: String(FIRST_RECS + 1) }, recs.slice(FIRST_RECS).map(rec)),
              )
            : null,
        ]
      : h('p', {}, c.t('teamNoRecs')),
  );
  return h(
    'section',
    { class: 'team-block team-report', 'aria-labelledby': 'team-report-heading' },
    h('h3', { id: 'team-report-heading' }, c.t('teamReport')),
    h('p', { class: 'hint' }, c.t('teamReportHelp')),
    h('div', { class: 'team-report-body' }, standing, advice),
  );
}
