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
