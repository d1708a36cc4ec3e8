// The iframe page (embed.html?lang=id&src=…&theme=…&storage=…): for hosts
// that allow no scripts in a post. It passes its query to the widget,
// reports its height to the parent page (readiness-frame.js listens) and
// forwards the widget's events, so the parent can size the frame and feed
// its analytics.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('readiness-check');
for (const name of ['lang', 'src', 'theme', 'storage']) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');

const post = (message) => window.parent !== window && window.parent.postMessage(message, '*');
new ResizeObserver(() => post({ type: 'readiness-height', height: document.documentElement.scrollHeight })).observe(
  document.body,
);
for (const type of ['readiness-progress', 'readiness-complete']) {
  widget.addEventListener(type, (event) => post({ type, detail: event.detail }));
}

// The loader last, so the element connects with its attributes already set
// (and fetches the right language first time).
await import('../widget/readiness-check.js');
