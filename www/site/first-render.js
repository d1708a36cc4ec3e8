// Timing marks for benchmarks and tests (scripts/bench-widget.mjs), read by
// any harness from the page:
//   window.__widgetReady  performance.now() at the first `readiness-ready`
//                         (the widget shows its first view: the intro);
//   window.__firstRender  performance.now() when the first radio input
//                         exists in a widget's shadow root (the first
//                         question, once the visitor starts).
// Both count from navigation start. Loaded before the widget's own script,
// so the listeners are in place before anything renders; it changes nothing
// on the page.

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
