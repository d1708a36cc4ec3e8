// What the views say: the intro (what, four factors, how long, privacy) and
// the results, checked against the core's report for the same answers (the
// shared vectors): score and level, the level the answers earn when a cap
// holds it and why, the ladder of levels with "you are here" and the points
// to the next, the chart with the factors' short names and the numbers as
// text, a bar per factor, the top three recommendations in the report's
// order with their gain and the rest behind a disclosure, strengths.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinQuestionnaire, finish, harness, loadVector, questionIds, waitForView } from './helpers.mjs';

const h = harness();

const fmt = (lang, n) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

for (const [lang, words] of [
  ['id', { minutes: /^Waktu: sekitar (\d+) menit\. Pertanyaan: (\d+)\.$/, privacy: 'Jawaban Anda tetap di peramban ini' }],
  ['en', { minutes: /^Time: about (\d+) min\. Questions: (\d+)\.$/, privacy: 'Your answers stay in this browser' }],
]) {
  test(`the intro (${lang}): title, what it looks at (four factors), how long, privacy`, async () => {
    const page = await h.openPage(`/test/widget.html?lang=${lang}`);
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    const intro = await widget.evaluate((element) => {
      const root = element.shadowRoot;
      return {
        title: root.querySelector('.rc-intro h2').textContent,
        tabindex: root.querySelector('.rc-intro h2').getAttribute('tabindex'),
        factors: [...root.querySelectorAll('.rc-factors li strong')].map((node) => node.textContent),
        meta: root.querySelector('.rc-meta').textContent,
        privacy: root.querySelector('.rc-privacy').textContent,
        notice: root.querySelector('.rc > .rc-notice[role=status]') !== null,
        first: root.querySelector('.rc').firstElementChild.className,
      };
    });
    const q = await builtinQuestionnaire(lang);
    assert.equal(intro.title, q.title);
    assert.equal(intro.tabindex, '-1');
    assert.deepEqual(intro.factors, q.factors.map((factor) => factor.name));
    assert.equal(intro.factors.length, 4);
    // The estimate comes from the questionnaire (core: Questionnaire::minutes),
    // honest for the built-in one: 6 to 10 minutes, not a fixed "5".
    const [, minutes, questions] = intro.meta.match(words.minutes) ?? [];
    assert.ok(minutes, intro.meta);
    assert.equal(Number(questions), questionIds(q).length);
    assert.ok(Number(minutes) >= 6 && Number(minutes) <= 10, intro.meta);
    assert.ok(intro.privacy.startsWith(words.privacy), intro.privacy);
    assert.equal(intro.notice, true, 'the status region is there from the start');
    assert.equal(intro.first, 'rc-notice', 'and comes first');
  });
}

for (const name of ['builtin-mixed-id', 'builtin-sponsorship-cap', 'builtin-mixed-en', 'builtin-all-bottom']) {
  test(`the results show ${name}'s report`, async () => {
    const { lang, answers, expect } = await loadVector(name);
    const report = expect.report;
    const page = await h.openPage(`/test/widget.html?lang=${lang}&storage=none`);
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    await finish(widget, answers);
    const shown = await widget.evaluate((element) => {
      const root = element.shadowRoot;
      const all = (selector, node = root) => [...node.querySelectorAll(selector)];
      return {
        number: root.querySelector('.rc-score-number').textContent,
        level: root.querySelector('.rc-level strong').textContent,
        description: root.querySelector('.rc-level-description').textContent,
        radar: root.querySelector('svg.rc-radar[role=img]').getAttribute('aria-label'),
        axes: all('svg.rc-radar text.rc-radar-label').map((node) => node.textContent),
        earned: root.querySelector('.rc-overall .rc-earned')?.textContent ?? null,
        rungs: all('.rc-ladder li').map((li) => [li.querySelector('.rc-rung-name').textContent, li.getAttribute('aria-current')]),
        here: root.querySelector('.rc-ladder li[aria-current=step] .rc-rung-here')?.textContent,
        next: root.querySelector('.rc-ladder .rc-next').textContent,
        radarNs: root.querySelector('svg.rc-radar').namespaceURI,
        bars: all('table.rc-table tbody tr svg.rc-bar').length,
        rows: all('table.rc-table tbody tr').map((row) => [...row.children].map((cell) => cell.textContent.trim())),
        caps: all('.rc-caps li').map((li) => li.textContent),
        top: all('.rc-advice > ol.rc-recs > li').map((li) => li.querySelector('.rc-rec-title').textContent),
        rest: all('.rc-advice details ol.rc-recs > li').map((li) => li.querySelector('.rc-rec-title').textContent),
        texts: all('.rc-advice ol.rc-recs > li > p:last-child').map((p) => p.textContent),
        strengths: all('.rc-strengths li strong').map((node) => node.textContent),
      };
    });
    const overall = report.overall;
    assert.equal(shown.number, fmt(lang, overall.score));
    assert.equal(shown.level, overall.level.name);
    assert.equal(shown.description, overall.description);
    assert.equal(shown.radarNs, 'http://www.w3.org/2000/svg', 'the chart is SVG');
    for (const factor of report.factors) {
      assert.ok(shown.radar.includes(`${factor.name}: ${fmt(lang, factor.score)}`), `the chart's text gives ${factor.name}`);
    }
    assert.deepEqual(shown.axes, report.factors.map((factor) => factor.shortName), "the axes carry the short names");
    assert.equal(shown.bars, 4, 'a bar per factor');
    assert.deepEqual(
      shown.rows,
      report.factors.map((factor) => [factor.name, fmt(lang, factor.score), factor.level.name]),
    );
    // The ladder: every level, highest first, the visitor's marked.
    const q = await builtinQuestionnaire(lang);
    assert.deepEqual(
      shown.rungs,
      q.levels.map((level, i) => [level.name, i === overall.level.index ? 'step' : null]).reverse(),
    );
    assert.ok(shown.here, 'the current level says "you are here"');
    if (overall.next === null) {
      assert.ok(shown.next.length > 0);
    } else if (overall.next.points === 0) {
      assert.ok(shown.next.includes(overall.next.level.name), shown.next);
    } else {
      assert.ok(shown.next.includes(fmt(lang, overall.next.points)) && shown.next.includes(overall.next.level.name), shown.next);
    }
    // A held level says what the answers earn, beside the level held.
    const held = overall.uncappedLevel.index > overall.level.index;
    assert.equal(shown.earned !== null, held, `earned: ${shown.earned}`);
    if (held) assert.ok(shown.earned.includes(overall.uncappedLevel.name), shown.earned);
    assert.equal(shown.caps.length, overall.caps.length, 'every applied cap is explained');
    for (const [i, cap] of overall.caps.entries()) {
      assert.ok(shown.caps[i].includes(cap.reason), `cap ${cap.id}: ${shown.caps[i]}`);
      assert.ok(shown.caps[i].includes(cap.maxLevel.name), `cap ${cap.id} names the level it holds at`);
    }
    const recs = report.recommendations;
    assert.equal(shown.top.length, Math.min(3, recs.length), 'the top three');
    assert.equal(shown.rest.length, Math.max(0, recs.length - 3), 'the rest behind the disclosure');
    for (const [i, title] of [...shown.top, ...shown.rest].entries()) {
      assert.ok(title.includes(recs[i].title), `recommendation ${i + 1} is ${recs[i].title}: ${title}`);
      assert.ok(title.includes(fmt(lang, recs[i].gain)), `recommendation ${i + 1} shows its gain ${recs[i].gain}: ${title}`);
    }
    assert.deepEqual(shown.texts, recs.map((r) => r.text), 'each recommendation is the next step from its answer');
    assert.deepEqual(shown.strengths, report.strengths.map((strength) => strength.title));
  });
}

test('all answers at the top: no empty recommendation list, a sentence instead, and every answer a strength', async () => {
  const { answers } = await loadVector('builtin-all-top');
  const page = await h.openPage('/test/widget.html?lang=en&storage=none');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, answers);
  const advice = await widget.evaluate((element) => {
    const root = element.shadowRoot;
    return {
      lists: root.querySelectorAll('.rc-advice ol').length,
      text: root.querySelector('.rc-advice p')?.textContent,
      strengths: root.querySelectorAll('.rc-strengths li').length,
    };
  });
  assert.deepEqual(advice, {
    lists: 0,
    text: 'Every answer is at the top of its scale: keep reviewing what you do.',
    strengths: Object.keys(answers).length,
  });
});
