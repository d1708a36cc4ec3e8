// Timing marks for benchmarks and tests (scripts/bench-widget.mjs), read by
// any harness from the page:
//   window.__widgetReady  performance.now() at the first `readiness-ready`
//                         (the widget shows its first view: the intro);
//   window.__firstRender  performance.now() when the first radio input
//                         exists in a widget's shadow root (the first
//                         question, once the visitor starts).
// Both count from navigation start. Injected by the harness before any of
// the page's scripts (Playwright's addInitScript), so the listeners are in
// place before anything renders and the page itself carries no benchmark
// code: it changes nothing on the page and costs it no request.

document.addEventListener('readiness-ready', () => {
  window.__widgetReady ??= performance.now();
});

customElements.whenDefined('readiness-check').then(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstRender !== undefined) return;
    for (const widget of document.querySelectorAll('readiness-check')) {
      if (widget.shadowRoot?.querySelector('input[type=radio]')) {
        window.__firstRender = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  for (const widget of document.querySelectorAll('readiness-check')) {
    if (widget.shadowRoot) observer.observe(widget.shadowRoot, { childList: true, subtree: true });
  }
});
