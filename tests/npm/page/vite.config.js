// Two pages: the API on index.html, the widget (served from public/) on widget.html.
export default {
  build: { rollupOptions: { input: ['index.html', 'widget.html'] } },
};
