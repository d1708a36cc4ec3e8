// The studio's model without a browser (www/studio/model.js): the blank
// template, paths, ids suggested from titles and kept unique, copies and
// moves, languages added and removed, the file's field order, the local
// format-1 upgrade, where a path sits in the JSON text, and the snippets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import {
  blankTemplate,
  canonical,
  clone,
  deleteAt,
  duplicate,
  embedSnippet,
  fileName,
  forEachText,
  getAt,
  iframeSnippet,
  isSlug,
  lineColumn,
  move,
  moveOption,
  offsetOf,
  offsetOfLine,
  parsePath,
  joinPath,
  setAt,
  setLanguage,
  slugify,
  stringifyWithOffsets,
  suggestId,
  toFileText,
  uniqueId,
  upgradeLocally,
} from '../../www/studio/model.js';

const builtin = async () =>
  JSON.parse(await readFile(path.join(ROOT, 'core/questionnaires/social-media-strategy.json'), 'utf8'));

test('the blank template: four factors of one question, five steps 0-100, five levels 0-80, no caps', () => {
  const blank = blankTemplate();
  assert.equal(blank.formatVersion, 2);
  assert.deepEqual(blank.languages, ['id', 'en']);
  assert.equal(blank.factors.length, 4);
  assert.equal(blank.caps, undefined);
  assert.deepEqual(blank.levels.map((level) => level.min), [0, 20, 40, 60, 80]);
  for (const factor of blank.factors) {
    assert.equal(factor.questions.length, 1);
    const [question] = factor.questions;
    assert.deepEqual(question.options.map((option) => option.score), [0, 25, 50, 75, 100]);
    assert.deepEqual(question.options.map((option) => 'advice' in option), [true, true, true, true, false]);
    assert.deepEqual(question.prompt, { id: '', en: '' });
  }
  // Fresh objects each time: editing one blank does not touch another.
  blank.factors[0].name.en = 'x';
  assert.equal(blankTemplate().factors[0].name.en, '');
  assert.notEqual(blank.factors[0].questions[0].options[0].text, blank.factors[1].questions[0].options[0].text);
});

test('paths as the core writes them: parse, join, get, set (making the way), delete', () => {
  assert.deepEqual(parsePath('factors[1].questions[0].prompt.en'), ['factors', 1, 'questions', 0, 'prompt', 'en']);
  assert.deepEqual(parsePath(''), []);
  assert.equal(joinPath(['factors', 1, 'questions', 0, 'prompt', 'en']), 'factors[1].questions[0].prompt.en');
  const draft = { factors: [{ name: 'not a text' }] };
  setAt(draft, 'factors[0].questions[2].options[1].text.en', 'Hi');
  assert.equal(getAt(draft, 'factors[0].questions[2].options[1].text.en'), 'Hi');
  assert.equal(draft.factors[0].questions.length, 3);
  setAt(draft, 'factors[0].name.en', 'Name');
  assert.deepEqual(draft.factors[0].name, { en: 'Name' });
  assert.equal(getAt(draft, 'factors[5].name'), undefined);
  assert.equal(deleteAt(draft, 'factors[0].name'), true);
  assert.equal(deleteAt(draft, 'factors[0].name'), false);
  assert.equal(deleteAt(draft, 'factors[0].questions[1]'), true);
  assert.equal(draft.factors[0].questions.length, 2);
});

test('slugs: lowercase ascii and single hyphens, accents dropped, at most 64 characters at a word end', () => {
  assert.equal(slugify('Know your Audience!'), 'know-your-audience');
  assert.equal(slugify('  Kebiasaan   daring — Café '), 'kebiasaan-daring-cafe');
  assert.equal(slugify('***'), '');
  const long = slugify('word '.repeat(30));
  assert.ok(long.length <= 64 && isSlug(long) && !long.endsWith('-'), long);
  assert.ok(isSlug('audience-online-habits'));
  assert.ok(!isSlug('Audience') && !isSlug('a--b') && !isSlug('-a') && !isSlug(''));
  assert.equal(uniqueId('Audience', new Set()), 'audience');
  assert.equal(uniqueId('Audience', new Set(['audience', 'audience-2'])), 'audience-3');
  assert.equal(uniqueId('', new Set(['item'])), 'item-2');
});

test('ids suggested from the name: English first, unique among their kind, questions prefixed by their factor', async () => {
  const draft = blankTemplate();
  draft.factors[0].name = { id: 'Kenali audiens', en: 'Know your audience' };
  assert.equal(suggestId(draft, 'factors[0]'), 'know-your-audience');
  draft.factors[0].name.en = '';
  assert.equal(suggestId(draft, 'factors[0]'), 'kenali-audiens');
  draft.factors[0].id = 'audience';
  draft.factors[0].questions[0].title = { id: 'Kebiasaan daring', en: 'Online habits' };
  assert.equal(suggestId(draft, 'factors[0].questions[0]'), 'audience-online-habits');
  // Another question of the same title elsewhere gets a free id.
  draft.factors[0].questions[0].id = 'audience-online-habits';
  draft.factors[0].questions.push(clone(draft.factors[0].questions[0]));
  assert.equal(suggestId(draft, 'factors[0].questions[1]'), 'audience-online-habits-2');
  // The item itself does not count as taken.
  draft.factors[0].questions[1].id = 'other';
  assert.equal(suggestId(draft, 'factors[0].questions[0]'), 'audience-online-habits');
  // Levels and the questionnaire; caps from their rule.
  draft.levels[0].name = { id: 'Belum siap', en: 'Not ready' };
  assert.equal(suggestId(draft, 'levels[0]'), 'not-ready');
  draft.title = { id: 'Cek konten', en: '' };
  assert.equal(suggestId(draft, ''), 'cek-konten');
  draft.caps = [{ rule: 'answerBelow', question: 'audience-online-habits', below: 2 }, { rule: 'weakestFactor' }];
  assert.equal(suggestId(draft, 'caps[0]'), 'audience-online-habits-below-2');
  assert.equal(suggestId(draft, 'caps[1]'), 'weakest-factor');
  // Nothing to go on: the kind's name.
  assert.equal(suggestId(blankTemplate(), 'factors[2]'), 'factor');
  const q = await builtin();
  assert.equal(suggestId(q, 'factors[0].questions[0]'), q.factors[0].questions[0].id, 'the built-in ids are the suggested ones');
});

test('duplicate: a copy after the original, with free ids (a factor\'s questions too); move and its ends', async () => {
  const q = await builtin();
  const ids = () => q.factors.flatMap((f) => f.questions.map((x) => x.id));
  const before = ids().length;
  const copy = duplicate(q, 'factors[0]');
  assert.equal(copy, 'factors[1]');
  assert.equal(q.factors[1].id, 'audience-copy');
  assert.equal(new Set(ids()).size, before + q.factors[0].questions.length, 'every question id is unique');
  assert.equal(duplicate(q, 'factors[0]'), 'factors[1]');
  assert.equal(q.factors[1].id, 'audience-copy-2');
  assert.equal(duplicate(q, 'factors[2].questions[0]'), 'factors[2].questions[1]');
  assert.equal(new Set(ids()).size, ids().length);
  const first = q.factors[0];
  assert.equal(move(q, 'factors[0]', -1), null);
  assert.equal(move(q, 'factors[0]', 1), 'factors[1]');
  assert.equal(q.factors[1], first);
  assert.equal(move(q, `factors[${q.factors.length - 1}]`, 1), null);
});

test('an option moves its words, not its score; the top keeps what it is given (the checker says so)', () => {
  const draft = blankTemplate();
  const options = draft.factors[0].questions[0].options;
  options.forEach((option, i) => {
    option.text.en = `t${i}`;
    if (option.advice) option.advice.en = `a${i}`;
  });
  assert.equal(moveOption(draft, 'factors[0].questions[0].options[1]', -1), 'factors[0].questions[0].options[0]');
  assert.deepEqual(options.map((o) => [o.score, o.text.en, o.advice?.en]), [
    [0, 't1', 'a1'],
    [25, 't0', 'a0'],
    [50, 't2', 'a2'],
    [75, 't3', 'a3'],
    [100, 't4', undefined],
  ]);
  moveOption(draft, 'factors[0].questions[0].options[3]', 1);
  assert.deepEqual([options[3].text.en, options[3].advice, options[4].text.en, options[4].advice.en], ['t4', undefined, 't3', 'a3']);
  assert.deepEqual(Object.keys(options[4]), ['score', 'text', 'advice']);
  assert.equal(moveOption(draft, 'factors[0].questions[0].options[4]', 1), null);
});

test('languages: adding one gives every text an empty entry, removing one takes its texts', async () => {
  const q = await builtin();
  let count = 0;
  forEachText(q, () => count++);
  assert.ok(count > 200, `${count} texts`);
  setLanguage(q, 'en', false);
  assert.deepEqual(q.languages, ['id']);
  forEachText(q, (text) => assert.deepEqual(Object.keys(text), ['id']));
  setLanguage(q, 'en', true);
  assert.deepEqual(q.languages, ['id', 'en']);
  forEachText(q, (text) => assert.equal(text.en, ''));
});

test('the file: canonical field order, unknown fields kept after, two-space JSON with a final newline', async () => {
  const q = await builtin();
  const shuffled = { caps: q.caps, factors: q.factors, extra: 1, levels: q.levels, intro: q.intro, title: q.title, languages: q.languages, version: q.version, id: q.id, formatVersion: 2 };
  shuffled.factors = shuffled.factors.map((f) => ({ questions: f.questions, ...f }));
  const text = toFileText(shuffled);
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(Object.keys(JSON.parse(text)), ['formatVersion', 'id', 'version', 'languages', 'title', 'intro', 'levels', 'factors', 'caps', 'extra']);
  assert.deepEqual(JSON.parse(text).factors[0], q.factors[0]);
  assert.deepEqual(Object.keys(JSON.parse(text).factors[0]), Object.keys(q.factors[0]));
  assert.deepEqual(canonical(q), q);
  assert.equal(fileName({ id: 'my-check' }), 'my-check.json');
  assert.equal(fileName({ id: 'My Check!' }), 'my-check.json');
  assert.equal(fileName({ id: '' }), 'questionnaire.json');
});

test('a format-1 draft upgraded locally: start advice to steps 0-1, improve to 2-3', async () => {
  const tiny = JSON.parse(await readFile(path.join(ROOT, 'tests/questionnaires/tiny.json'), 'utf8'));
  const question = tiny.factors[0].questions[0];
  const up = upgradeLocally(tiny);
  assert.equal(up.formatVersion, 2);
  const [q2] = up.factors[0].questions;
  assert.equal(q2.advice, undefined);
  assert.deepEqual(q2.options.map((o) => o.advice), [
    question.advice.start,
    question.advice.start,
    question.advice.improve,
    question.advice.improve,
    undefined,
  ]);
  assert.equal(tiny.formatVersion, 1, 'the original is left alone');
});

test('where a path is in the JSON text, and a line and column', async () => {
  const q = await builtin();
  const { text, offsets } = stringifyWithOffsets(q);
  assert.equal(text, JSON.stringify(q, null, 2));
  const at = offsets.get('factors[1].questions[0].prompt.en');
  assert.ok(text.startsWith('"en": ', at), text.slice(at, at + 20));
  const typo = stringifyWithOffsets({ ...q, tittle: 1 });
  assert.ok(typo.text.startsWith('"tittle"', offsetOf(typo.offsets, 'tittle')));
  // A path not in the text falls back to its nearest ancestor.
  assert.equal(offsetOf(offsets, 'factors[1].questions[0].nope'), offsets.get('factors[1].questions[0]'));
  assert.deepEqual(lineColumn('line 3, column 7: expected `,` or `}`'), { line: 3, column: 7 });
  assert.equal(lineColumn('no place'), null);
  assert.equal(offsetOfLine('ab\ncd\nef', 3, 2), 7);
  assert.equal(offsetOfLine('a😀b\n', 1, 3), 3, 'columns count characters');
});

test('the snippets: the loader and the element with src, and the documented iframe', () => {
  const snippet = embedSnippet({ widgetBase: new URL('https://x.test/widget/'), src: 'https://your.site/q/a.json', lang: 'id' });
  assert.equal(
    snippet,
    '<script type="module" src="https://x.test/widget/readiness-check.js"></script>\n<readiness-check src="https://your.site/q/a.json" lang="id"></readiness-check>',
  );
  const frame = iframeSnippet({ embedBase: new URL('https://x.test/embed/'), src: 'https://your.site/q/a.json', lang: 'en', title: 'A "quoted" <title>' });
  assert.match(frame, /^<iframe data-readiness-check src="https:\/\/x\.test\/embed\/embed\.html\?lang=en&amp;src=https%3A%2F%2Fyour\.site%2Fq%2Fa\.json"/);
  assert.match(frame, /title="A &quot;quoted&quot; &lt;title&gt;" style="width:100%;height:900px;border:0"><\/iframe>/);
  assert.match(frame, /\n<script src="https:\/\/x\.test\/embed\/readiness-frame\.js"><\/script>$/);
  assert.equal(embedSnippet({ widgetBase: new URL('https://x.test/w/'), src: 'a"b', lang: 'id' }).includes('src="a&quot;b"'), true);
});
