// What the views say: the intro (what, four factors, how long, privacy) and
// the results, checked against the core's report for the same answers (the
// shared vectors): score and level, chart with the numbers as text, a bar
// per factor, caps in words, top three recommendations with their gain and
// the rest behind a disclosure, strengths.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, harness, loadVector, waitForView } from './helpers.mjs';

const h = harness();

const fmt = (lang, n) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

for (const [lang, words] of [
  ['id', { minutes: 'Sekitar 5 menit', privacy: 'Jawaban Anda tetap di peramban ini' }],
  ['en', { minutes: 'About 5 minutes', privacy: 'Your answers stay in this browser' }],
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
    const q = await (await page.request.get(h.href(`/widget/social-media-strategy.${lang}.json`))).json();
    const text = (t) => (typeof t === 'string' ? t : t[lang]);
    assert.equal(intro.title, text(q.title));
    assert.equal(intro.tabindex, '-1');
    assert.deepEqual(intro.factors, q.factors.map((factor) => text(factor.name)));
    assert.equal(intro.factors.length, 4);
    assert.ok(intro.meta.startsWith(words.minutes), intro.meta);
    assert.ok(intro.privacy.startsWith(words.privacy), intro.privacy);
    assert.equal(intro.notice, true, 'the status region is there from the start');
    assert.equal(intro.first, 'rc-notice', 'and comes first');
  });
}

for (const name of ['builtin-mixed-id', 'builtin-sponsorship-cap', 'builtin-mixed-en']) {
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
        radarNs: root.querySelector('svg.rc-radar').namespaceURI,
        bars: all('table.rc-table tbody tr svg.rc-bar').length,
        rows: all('table.rc-table tbody tr').map((row) => [...row.children].map((cell) => cell.textContent.trim())),
        caps: all('.rc-caps li').map((li) => li.textContent),
        top: all('.rc-advice > ol.rc-recs > li').map((li) => li.querySelector('.rc-rec-title').textContent),
        rest: all('.rc-advice details ol.rc-recs > li').map((li) => li.querySelector('.rc-rec-title').textContent),
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
    assert.equal(shown.bars, 4, 'a bar per factor');
    assert.deepEqual(
      shown.rows,
      report.factors.map((factor, i) => [`${i + 1}. ${factor.name}`, fmt(lang, factor.score), factor.level.name]),
    );
    assert.equal(shown.caps.length, overall.caps.length, 'every applied cap is explained');
    for (const [i, cap] of overall.caps.entries()) {
      assert.ok(shown.caps[i].includes(cap.reason), `cap ${cap.id}: ${shown.caps[i]}`);
      assert.ok(shown.caps[i].includes(cap.maxLevel.name), `cap ${cap.id} names the level it holds at`);
    }
    const recs = report.recommendations;
    assert.equal(shown.top.length, Math.min(3, recs.length), 'the top three');
    assert.equal(shown.rest.length, Math.max(0, recs.length - 3), 'the rest behind the disclosure');
    for (const [i, title] of [...shown.top, ...shown.rest].entries()) {
      assert.ok(title.includes(fmt(lang, recs[i].gain)), `recommendation ${i + 1} shows its gain ${recs[i].gain}: ${title}`);
    }
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
