// Builds the widget(s) of widget.html from the query string, as a host page
// would write them: ?lang=en&src=markup.json&theme=dark&storage=none&count=2
// (`pagelang=` sets the page's own lang; empty removes it).
const params = new URLSearchParams(location.search);
if (params.has('pagelang')) {
  if (params.get('pagelang')) document.documentElement.lang = params.get('pagelang');
  else document.documentElement.removeAttribute('lang');
}
const count = Number(params.get('count') ?? 1);
const slot = document.getElementById('slot');
for (let i = 0; i < count; i++) {
  const widget = document.createElement('readiness-check');
  widget.id = `w${i + 1}`;
  for (const name of ['lang', 'src', 'theme', 'storage']) {
    if (params.has(name)) widget.setAttribute(name, params.get(name));
  }
  slot.append(widget);
}
