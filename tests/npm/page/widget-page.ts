// Listens to the widget as an analytics or verification script would; the
// event types come from `readiness-check/widget`.
import type {} from 'readiness-check/widget';

document.addEventListener('readiness-ready', () => {
  document.body.dataset.ready = 'yes';
});
document.addEventListener('readiness-complete', (event) => {
  // The report the widget shows, answers included: what a page would send
  // to its server to be verified.
  document.body.dataset.report = JSON.stringify(event.detail);
});

// The element's own API, typed: a questionnaire given as an object (as a
// preview beside an editor would), and a jump to a step. Checked by tsc
// --strict; the page itself does not call it.
import type { Questionnaire } from 'readiness-check';
export function preview(element: HTMLElementTagNameMap['readiness-check'], draft: Questionnaire | null, step: number): void {
  element.questionnaire = draft;
  element.goTo(step);
}
