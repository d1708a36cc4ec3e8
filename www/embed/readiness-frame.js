// Optional companion for the iframe embed: sizes each
// <iframe data-readiness-check src=".../embed.html"> to its content, and
// re-dispatches the widget's events on the iframe so a page can listen for
// `readiness-complete` just as with the custom element.
addEventListener('message', (event) => {
  const { type, height, detail } = event.data ?? {};
  if (typeof type !== 'string' || !type.startsWith('readiness-')) return;
  for (const frame of document.querySelectorAll('iframe[data-readiness-check]')) {
    if (frame.contentWindow !== event.source) continue;
    if (type === 'readiness-height' && Number.isFinite(height)) frame.style.height = `${Math.ceil(height)}px`;
    else frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }
});
