// The summary of open questions after "Next": it names every open question,
// is announced once, shrinks quietly as answers come in (the marks on the
// answered questions go at once), and disappears when the step is complete.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, start, submitStep, waitForStep, waitForView } from './helpers.mjs';

const h = harness();

const summary = (widget) =>
  widget.evaluate((element) => {
    const box = element.shadowRoot.querySelector('.rc-error');
    return box && {
      hidden: box.hidden,
      alert: box.getAttribute('role') === 'alert',
      open: [...box.querySelectorAll('li')].map((li) => li.textContent),
    };
  });

const marked = (widget) =>
  widget.evaluate((element) =>
    [...element.shadowRoot.querySelectorAll('fieldset.rc-question')]
      .filter((fieldset) => getComputedStyle(fieldset.querySelector('legend'), '::after').content !== 'none')
      .map((fieldset) => fieldset.dataset.question),
  );

test('the open-questions summary shrinks as questions are answered and goes when none is left', async () => {
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('#w1');
  await start(widget);
  const ids = await widget.evaluate((element) =>
    [...element.shadowRoot.querySelectorAll('fieldset.rc-question')].map((fieldset) => fieldset.dataset.question),
  );
  await submitStep(widget);

  const first = await summary(widget);
  assert.equal(first.alert, true, 'announced when it appears');
  assert.equal(first.open.length, ids.length, 'every question is open');
  assert.deepEqual(await marked(widget), ids);

  await widget.locator(`input[name="${ids[0]}"][value="2"]`).check();
  const after = await summary(widget);
  assert.equal(after.open.length, ids.length - 1, 'the answered question leaves the list');
  assert.equal(after.alert, false, 'redrawn quietly, not announced again');
  assert.deepEqual(await marked(widget), ids.slice(1), 'its mark goes at once');

  for (const id of ids.slice(1)) await widget.locator(`input[name="${id}"][value="dont-know"]`).check();
  assert.equal((await summary(widget)).hidden, true, 'gone when nothing is open');
  assert.deepEqual(await marked(widget), []);

  await submitStep(widget);
  await waitForStep(widget, 2);
});
