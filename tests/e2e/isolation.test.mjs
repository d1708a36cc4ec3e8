// Style isolation, both ways. On a host page with aggressive global CSS
// (tests/e2e/pages/hostile.css: `* { all: revert !important }`, 40px fonts,
// display and visibility tricks, hidden labels and inputs) the widget looks
// exactly as on a plain page; and the widget's stylesheet does not reach
// the host page's elements, even those with the widget's class names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerStepWithMouse,
  checkedOnStep,
  finish,
  harness,
  loadVector,
  questionsOnStep,
  screenshot,
  start,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

/** Computed styles of the widget's key parts that a host could try to change. */
function widgetStyles(widget) {
  return widget.evaluate((element) => {
    const root = element.shadowRoot;
    const pick = (node, props) => {
      const style = getComputedStyle(node);
      return Object.fromEntries(props.map((prop) => [prop, style.getPropertyValue(prop)]));
    };
    const box = (node) => {
      const r = node.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    };
    // Inside the shadow root only: the element's own box is the host's to place.
    const out = {
      rc: pick(root.querySelector('.rc'), [
        'font-size',
        'line-height',
        'color',
        'display',
        'visibility',
        'font-family',
        'letter-spacing',
        'background-color',
      ]),
      rcBox: box(root.querySelector('.rc')),
      h2: pick(root.querySelector('h2'), ['font-size', 'display']),
    };
    const option = root.querySelector('label.rc-option');
    if (option) {
      const input = option.querySelector('input');
      out.option = pick(option, ['display', 'visibility', 'font-size']);
      out.optionBox = box(option);
      out.input = pick(input, ['opacity', 'width', 'height', 'display']);
      out.button = pick(root.querySelector('button[type=submit]'), ['display', 'background-color', 'font-size']);
      out.form = pick(root.querySelector('form'), ['display']);
      out.options = pick(root.querySelector('.rc-options'), ['display', 'padding-top']);
    }
    return out;
  });
}

test('a hostile host page does not change the widget', async () => {
  const { answers } = await loadVector('builtin-all-top');
  // The reference: the same widget on a plain page, same viewport.
  const plain = await h.openPage('/test/widget.html?lang=en', { width: 1024 });
  const hostile = await h.openPage('/test/hostile.html', { width: 1024 });
  const styles = {};
  for (const [name, page] of [
    ['plain', plain],
    ['hostile', hostile],
  ]) {
    const widget = page.locator('readiness-check');
    await start(widget);
    styles[name] = await widgetStyles(widget);
  }
  // The hostile page really is hostile (its own elements are restyled).
  const hostSide = await hostile.evaluate(() => ({
    body: getComputedStyle(document.body).fontSize,
    h1: getComputedStyle(document.querySelector('h1')).fontSize,
  }));
  assert.deepEqual(hostSide, { body: '40px', h1: '40px' }, 'the hostile CSS applies to the host page');

  const s = styles.hostile;
  assert.equal(s.rc['font-size'], '16px', 'font-size 16px on .rc');
  assert.equal(s.rc.visibility, 'visible');
  assert.equal(s.option.display, 'flex', 'options are displayed');
  assert.equal(s.option.visibility, 'visible');
  assert.equal(s.input.opacity, '1', 'radios are visible');
  assert.ok(s.optionBox.height >= 44, `options keep their 44px height (${s.optionBox.height})`);
  assert.notEqual(s.button.display, 'none', 'the buttons are displayed');
  // And the whole thing equals the plain page's rendering.
  assert.deepEqual(s, styles.plain, 'the same computed styles as on a plain page');

  // It still works to the results there (a real click on an option first).
  const widget = hostile.locator('readiness-check');
  const [first] = await questionsOnStep(widget);
  await answerStepWithMouse(widget, { [first]: answers[first] });
  assert.deepEqual(Object.values(await checkedOnStep(widget))[0], String(answers[first]), 'the click checked the option');
  await finish(widget, answers);
  const visible = await widget.locator('.rc-score-number').isVisible();
  assert.equal(visible, true, 'the results are visible');
  await screenshot(hostile, 'hostile-results-1024');
});

/** Opens `urlPath` with the widget's loader replaced by an empty module: the host page alone. */
function openWithoutWidget(urlPath, options) {
  return h.openPage(urlPath, {
    ...options,
    beforeGoto: (page) =>
      page.route('**/widget/readiness-check.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
      ),
  });
}

test("the widget's CSS does not leak into the host page", async () => {
  const page = await h.openPage('/test/hostile.html', { width: 1024 });
  const alone = await openWithoutWidget('/test/hostile.html', { width: 1024 });
  const widget = page.locator('readiness-check');
  const hostStyles = (page) =>
    page.evaluate(() => {
      const pick = (node, props) => {
        const style = getComputedStyle(node);
        return Object.fromEntries(props.map((prop) => [prop, style.getPropertyValue(prop)]));
      };
      const [p1, p2] = document.querySelectorAll('p.host-p');
      return {
        p1: pick(p1, ['color', 'margin-top', 'margin-bottom', 'box-sizing', 'font-size', 'font-family']),
        p2: pick(p2, ['color', 'margin-top', 'margin-bottom', 'box-sizing', 'font-size', 'font-family']),
        h2: pick(document.querySelector('h2.host-h2'), ['font-size', 'margin-bottom', 'line-height']),
        rc: pick(document.querySelector('div.host-rc'), [
          'border-top-width',
          'max-width',
          'font-family',
          'background-color',
          'padding-top',
        ]),
        outline: pick(document.querySelector('div.host-rc'), ['box-sizing']),
      };
    });
  await start(widget);
  assert.equal(await alone.evaluate(() => customElements.get('readiness-check')), undefined, 'no widget on the reference');
  // The host page with a working widget, and without one: identical.
  const after = await hostStyles(page);
  assert.deepEqual(after, await hostStyles(alone), 'host styles unchanged by the widget');
  // A host <p> keeps its own styles (the widget has `p + p { margin-top }`, `* { box-sizing }`).
  assert.equal(after.p2.color, 'rgb(1, 2, 3)');
  assert.equal(after.p2['margin-top'], '7px');
  assert.equal(after.p2['box-sizing'], 'content-box');
  assert.equal(after.rc['border-top-width'], '0px', "a host .rc does not get the widget's border");
});

test("the widget's CSS does not leak into a plain host page either", async () => {
  // On the demo page: the host's own styles are whatever site.css says; none
  // of the widget's selectors (h2, p + p, .rc-button, *, :focus-visible) reach them.
  const page = await h.openPage('/', { width: 1280 });
  const alone = await openWithoutWidget('/', { width: 1280 });
  const snapshot = (page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, p, a, ol, ul, li, header, footer, nav, main, article')].map((node) => {
        const style = getComputedStyle(node);
        const props = ['fontSize', 'lineHeight', 'margin', 'padding', 'color', 'boxSizing', 'fontFamily'];
        return `${node.tagName}:${props.map((prop) => style[prop]).join('/')}`;
      }),
    );
  const widget = page.locator('readiness-check');
  await start(widget);
  assert.deepEqual(await snapshot(page), await snapshot(alone));
});

// Reported, not fixed: `:host { all: initial !important; display: block
// !important }` (www/readiness-check.css) also takes the element's own box
// away from the host page: the `hidden` attribute, `display: none`, margins
// and widths set on <readiness-check> have no effect (and the print rules
// of the loader fail the same way, see print.test.mjs).
test(
  'the host page can still hide and place the element itself',
  async () => {
    const page = await h.openPage('/test/widget.html?lang=en');
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    const box = () =>
      widget.evaluate((element) => {
        const style = getComputedStyle(element);
        const height = element.getBoundingClientRect().height;
        return { display: style.display, height, margin: style.marginTop, maxWidth: style.maxWidth };
      });
    await widget.evaluate((element) => (element.hidden = true));
    assert.equal((await box()).display, 'none', 'the hidden attribute hides it');
    await widget.evaluate((element) => {
      element.hidden = false;
      element.style.display = 'none';
    });
    assert.equal((await box()).height, 0, 'display: none on the element hides it');
    await widget.evaluate((element) => {
      element.style.display = '';
      element.style.margin = '40px auto';
      element.style.maxWidth = '300px';
    });
    const placed = await box();
    assert.deepEqual([placed.margin, placed.maxWidth], ['40px', '300px'], 'margins and widths on the element apply');
  },
);
