// <readiness-check>: the embed loader.
//
// This file owns what only JavaScript can do: define the custom element,
// fetch files, listen to events, read the URL, use localStorage, create the
// DOM the module describes, dispatch events to the page, copy and print.
// Everything else (state, scoring, what each view shows) happens in the
// WebAssembly module. Every message to it goes through `call`, so a failure
// inside shows an error state in the widget and never breaks the page.

// The widget's words for before a label file arrives, by language: loading,
// a failed download, "try again", a crash inside (the first four labels of
// each wasm/labels/<lang>.txt, which scripts/build-widget.sh writes here).
// Its keys are the languages the widget speaks: no other code lists them.
const EARLY = {};
const LANGS = Object.keys(EARLY);
const SEP = '\x1f';

// Shared by every element on the page: one module, one stylesheet.
let ready;
// After a trap, the module's memory cannot be trusted: every widget stops.
let broken = false;
const elements = new Set();
// Numbers the questionnaires given as objects: each is a new "URL".
let givenCount = 0;

// The widget's stylesheet: scripts/build-widget.sh writes the minified
// www/readiness-check.css here, so the styles arrive with this script
// rather than as a request of their own. Constructed sheets are not inline
// styles: a strict CSP allows them.
const CSS = '';
function styles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  return sheet;
}

// A module's exports, compiled while it downloads. A server that sends
// .wasm without its MIME type gets the slower path, not a failure.
async function instantiate(file) {
  const response = await fetch(new URL(file, import.meta.url));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const { instance } = await WebAssembly.instantiateStreaming(response.clone(), {}).catch(async () =>
    WebAssembly.instantiate(await response.arrayBuffer(), {}),
  );
  return instance.exports;
}

// Strings go into a module's memory as UTF-8 (the module takes the
// buffer over) and results come back from `rc_out_ptr`/`rc_out_len`
// (wasm/src/exports.rs): the whole glue.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function put(x, text) {
  const bytes = encoder.encode(text);
  const at = x.rc_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  return [at, bytes.length];
}
const result = (x) => decoder.decode(new Uint8Array(x.memory.buffer, x.rc_out_ptr(), x.rc_out_len()));

// One element's widget in the module: `on` takes a message and answers
// with its effects (JSON).
const Widget = (x) =>
  class {
    constructor(lang, storage, scope) {
      this.handle = x.rc_new(...put(x, lang), storage ? 1 : 0, ...put(x, scope), ...put(x, EARLY[lang].join(SEP)));
    }
    on(message) {
      x.rc_on(this.handle, ...put(x, message));
      return result(x);
    }
    free() {
      x.rc_free(this.handle);
    }
  };

// The module compiles as it arrives.
function start() {
  ready ||= instantiate('./readiness_wasm_bg.wasm').then((x) => [Widget(x), styles()]);
  return ready;
}

// The validator module, only for pages that name a questionnaire of their
// own with `src` (a visitor of the built-in one never downloads it): it
// turns the file into a pack, or lists its problems. Fetched in parallel
// with that file, so it costs no extra round trip.
let validator;
function loadValidator() {
  validator ||= instantiate('./readiness_validate_bg.wasm').then((x) => (text, lang) => {
    x.rc_check(...put(x, text), ...put(x, lang));
    return result(x);
  });
  return validator;
}

// A file's text; a failure says which file. A marketer's `src` goes
// without cookies; the widget's own files as a preload hint fetches them
// (same-origin credentials), so that the page's hint is used.
function fetchText(url, foreign) {
  return fetch(url, foreign ? { credentials: 'omit' } : {})
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })
    .catch((error) => {
      throw new Error(`${url}: ${error.message}`);
    });
}

// The widget's words in a language, downloaded once a page: a language
// switch back, a retry, or a questionnaire set again by property (an
// editor's preview, on every change) asks for them again.
const labelFiles = {};
function labelsFor(lang) {
  labelFiles[lang] ||= fetchText(new URL(`./labels.${lang}.txt`, import.meta.url)).catch((error) => {
    // Try again is a new download, not the failed one.
    delete labelFiles[lang];
    throw error;
  });
  return labelFiles[lang];
}

// A pack (`readiness pack`) starts with this; the widget reads nothing else.
const PACK = 'RCP1';

// A tag's language if the widget speaks it. Codes ISO 639 withdrew that
// some systems still send read as their successors (as Lang::from_tag).
const WITHDRAWN = { in: 'id', iw: 'he', ji: 'yi' };
function supported(tag) {
  let primary = (tag || '').toLowerCase().split(/[-_]/)[0];
  primary = WITHDRAWN[primary] ?? primary;
  return LANGS.includes(primary) ? primary : null;
}

// The element's lang, else the nearest in the page, else the browser's.
function resolveLang(element) {
  const candidates = [element.getAttribute('lang'), element.closest('[lang]')?.getAttribute('lang')];
  candidates.push(...(navigator.languages || [navigator.language]));
  for (const tag of candidates) {
    const lang = supported(tag);
    if (lang) return lang;
  }
  return 'en';
}

const SVG = 'http://www.w3.org/2000/svg';

// Creates a view the module describes: ["tag", {attributes}, ...children],
// each child a text or another element. Text goes in as text nodes, never
// as markup. Elements in an <svg> are SVG elements, as in HTML.
function build([tag, attributes, ...children], svg) {
  svg ||= tag === 'svg';
  const element = svg ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]);
  for (const child of children) element.append(typeof child === 'string' ? child : build(child, svg));
  return element;
}

function focus(root, selector) {
  root.querySelector(selector)?.focus();
}

// The share code in the page's URL (`#readiness=…`), or ''.
const linkParams = () => new URLSearchParams(location.hash.slice(1));
const shareCode = () => linkParams().get('readiness') ?? '';

// A share link followed on a page already open changes only the fragment:
// tell every widget, and the one whose questionnaire it names opens it.
window.addEventListener('hashchange', () => {
  const code = shareCode();
  if (code) for (const element of elements) element.call('follow', code);
});

// localStorage may be missing or throw (private modes, sandboxed frames):
// then nothing is saved, and nothing breaks.
function storage(use) {
  try {
    return use(localStorage);
  } catch {
    return null;
  }
}

// Progress saved before the key lost its version (`v2:id@version`, see
// wasm/src/storage.rs): hand it over once, so that the widget can tell the
// visitor their answers were for an earlier edition, and remove it.
function takeOlder(s, key) {
  const [, id, scope = ''] = key.match(/^readiness-check:v3:([^#]*)(#.*)?$/) ?? [];
  if (id === undefined) return null;
  const prefix = `readiness-check:v2:${id}@`;
  for (let i = 0; i < s.length; i++) {
    const old = s.key(i);
    if (old.startsWith(prefix) && old.slice(prefix.length).replace(/^[^#]*/, '') === scope) {
      const value = s.getItem(old);
      s.removeItem(old);
      return value;
    }
  }
  return null;
}

// Print only the results: while printing, the page hides everything but
// the element that asked (a document sheet, adopted only for the moment).
const printSheet = new CSSStyleSheet();
printSheet.replaceSync(
  '@media print{html.rc-printing body *{visibility:hidden!important}' +
    'html.rc-printing readiness-check[data-printing]{visibility:visible!important;position:absolute!important;inset:0 auto auto 0!important;width:100%!important}}',
);

function printResults(element) {
  const html = document.documentElement;
  const others = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...others, printSheet];
  html.classList.add('rc-printing');
  element.setAttribute('data-printing', '');
  const done = () => {
    html.classList.remove('rc-printing');
    element.removeAttribute('data-printing');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== printSheet);
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

class ReadinessCheck extends HTMLElement {
  static observedAttributes = ['lang', 'src', 'storage'];

  connectedCallback() {
    if (this.widget || this.starting) return;
    this.starting = true;
    elements.add(this);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // Once per element: it may be removed and added again, and its shadow
    // root (with these listeners) stays.
    if (!this.listening) {
      this.listening = true;
      // The module hears what each event means: which action, which answer.
      root.addEventListener('click', (event) => {
        const button = event.target instanceof Element && event.target.closest('[data-action]');
        if (button) this.call('action', button.getAttribute('data-action'), location.href.split('#')[0]);
      });
      // An answer's radio is named after its question; the results' one
      // select (the comparisons') has no name.
      root.addEventListener('change', ({ target }) =>
        this.call(...(target.name ? ['changed', target.name] : ['compare']), target.value),
      );
      root.addEventListener('submit', (event) => {
        // Never let the form navigate the page, even with the module down.
        event.preventDefault();
        this.call('submit');
      });
    }
    // A `questionnaire` set before this element was defined is an own
    // property hiding the accessor: move it behind the accessor.
    if (Object.hasOwn(this, 'questionnaire')) {
      const value = this.questionnaire;
      delete this.questionnaire;
      this.questionnaire = value;
    }
    this.lang_ = resolveLang(this);
    // The questionnaire downloads while the module and styles do.
    const questionnaire = this.request();
    start().then(
      ([Widget, sheet]) => {
        this.starting = false;
        if (broken || !this.isConnected) return;
        root.adoptedStyleSheets = [sheet];
        // Attributes may have changed while the module loaded (a page
        // script setting lang or src): then fetch what they ask for now.
        this.lang_ = resolveLang(this);
        this.widget = new Widget(this.lang_, this.getAttribute('storage') !== 'none', this.id);
        this.call('show');
        if (this.questionnaireUrl() === questionnaire.url && this.lang_ === questionnaire.lang)
          this.deliver(questionnaire);
        else this.fetchQuestionnaire();
      },
      (error) => this.crash(error),
    );
  }

  disconnectedCallback() {
    // Moving an element disconnects and reconnects it: keep its state then.
    queueMicrotask(() => {
      if (this.isConnected) return;
      elements.delete(this);
      this.widget?.free();
      this.widget = null;
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.widget || old === value) return;
    if (name === 'lang') {
      const lang = resolveLang(this);
      if (lang === this.lang_) return;
      this.lang_ = lang;
      // The built-in questionnaire comes per language: switch when the new
      // texts arrive, so labels and questions never show two languages.
      this.fetchQuestionnaire();
    } else if (name === 'src') {
      this.fetchQuestionnaire();
    } else if (name === 'storage') {
      this.call('storage', value === 'none' ? 0 : 1);
    }
  }

  fetchQuestionnaire() {
    return this.deliver(this.request());
  }

  // A questionnaire as an object (the format of `src` files), for pages
  // that have one at hand, such as the studio's preview: checked by the
  // validator as a `src` file is, and shown in place of `src`. Setting it
  // again with the same id and version keeps the visitor's answers and
  // place; `null` returns to `src` or the built-in questionnaire.
  get questionnaire() {
    return this.given ? JSON.parse(this.given.text) : null;
  }

  set questionnaire(value) {
    // JSON.stringify throws on a cycle: the caller hears of it, and the
    // widget keeps what it shows.
    this.given = value == null ? null : { url: `questionnaire:${++givenCount}`, text: JSON.stringify(value) };
    if (this.widget) this.fetchQuestionnaire();
  }

  // Shows step `step` (0 for the first factor) of the questionnaire, or its
  // intro for a step it does not have: for previews, such as the studio's
  // beside the factor being edited. Focus stays where it is.
  goTo(step) {
    this.call('go', Number.isInteger(step) && step >= 0 ? String(step) : '');
  }

  // The built-in questionnaire comes as one pack per language, so a visitor
  // downloads only theirs; a custom one comes from `src` (JSON, or a pack)
  // or the `questionnaire` property.
  questionnaireUrl() {
    const src = this.getAttribute('src');
    if (this.given) return this.given.url;
    return src
      ? new URL(src, document.baseURI).href
      : new URL(`./social-media-strategy.${this.lang_}.txt`, import.meta.url).href;
  }

  request() {
    const url = this.questionnaireUrl();
    const lang = this.lang_;
    const custom = Boolean(this.given) || this.hasAttribute('src');
    this.url = url;
    this.requestLang = lang;
    // A language switch reads the same `src` file again: keep its text.
    if (this.source?.url !== url)
      this.source = {
        url,
        text: this.given ? Promise.resolve(this.given.text) : fetchText(url, this.hasAttribute('src')),
      };
    // The widget's words in this language (wasm/src/i18n.rs), one file
    // beside the widget for every questionnaire, and the pack: the built-in
    // file is one; a `src` file is a pack or JSON for the validator.
    const pack = Promise.all([
      labelsFor(lang),
      custom
        ? this.source.text.then((text) =>
            text.startsWith(PACK) ? text : loadValidator().then((validate) => validate(text, lang)),
          )
        : this.source.text,
    ]);
    // Handled in deliver(), which may attach only after the module loads.
    pack.catch(() => {});
    return { url, lang, pack };
  }

  async deliver({ url, lang, pack }) {
    let labels, body;
    try {
      [labels, body] = await pack;
    } catch (error) {
      // Try again is a new download, not the failed one.
      if (this.source?.url === url) this.source = null;
      if (this.url === url) this.call('failed', error.message);
      return;
    }
    // A newer request (another language, another src) wins.
    if (this.url !== url || this.requestLang !== lang) return;
    // The widget's words: the ones held here, then the file's.
    labels = [...EARLY[lang], labels].join(SEP);
    if (body.startsWith(PACK)) this.call('load', lang, shareCode(), labels, body);
    else {
      this.quiet = url === this.given?.url;
      this.call('invalid', labels, body);
      this.quiet = false;
    }
  }

  // Sends the module a message, its kind and fields one per line (see
  // `Widget::on` in wasm/src/widget.rs), and carries out what it answers.
  call(...message) {
    if (broken || !this.widget) return;
    let effects;
    try {
      // The module answers with its effects as JSON text.
      effects = JSON.parse(this.widget.on(message.join('\n')));
    } catch (error) {
      this.crash(error);
      return;
    }
    for (const effect of effects) this.apply(effect);
  }

  apply(effect) {
    const emit = (type, detail) =>
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    const root = this.shadowRoot;
    switch (effect.kind) {
      case 'render': {
        // A view redrawn in place keeps focus in the widget if it was there.
        const inside = root.activeElement;
        root.replaceChildren(build(effect.view));
        if (effect.focus === 'heading' || (effect.focus === 'keep' && inside)) focus(root, 'h2');
        break;
      }
      case 'replace':
        root.querySelector(effect.selector)?.replaceWith(build(effect.view));
        break;
      case 'focus':
        focus(root, effect.selector);
        break;
      case 'ready':
        emit('readiness-ready', null);
        break;
      case 'progress':
        emit('readiness-progress', { answered: effect.answered, total: effect.total });
        break;
      case 'complete':
        emit('readiness-complete', effect.report);
        break;
      case 'retry':
        this.fetchQuestionnaire();
        break;
      case 'copy': {
        const answer = (ok) => this.call('copied', ok ? 1 : 0);
        if (navigator.clipboard) navigator.clipboard.writeText(effect.text).then(() => answer(true), () => answer(false));
        else answer(false);
        break;
      }
      case 'print':
        printResults(this);
        break;
      case 'restore':
        // With the visitor's date, YYYY-MM-DD as Swedish writes it (the
        // module has no clock), and the last result the comparisons keep.
        this.call(
          'restored',
          new Date().toLocaleDateString('sv'),
          storage((s) => s.getItem(effect.key) ?? takeOlder(s, effect.key)) ?? '',
          storage((s) => s.getItem(effect.last)) ?? '',
        );
        break;
      case 'save':
        storage((s) => s.setItem(effect.key, effect.value));
        break;
      case 'forget':
        storage((s) => s.removeItem(effect.key));
        break;
      case 'unlink':
        // No new history entry: Back does not bring the shared answers back.
        // A sandboxed frame may refuse; the link then only stays in the URL.
        try {
          if (linkParams().has('readiness')) history.replaceState(history.state, '', location.pathname + location.search);
        } catch {}
        break;
      case 'log':
        // A questionnaire given as an object shows its problems in the
        // widget; its setter (an editor's preview, on every keystroke)
        // needs no copy of them in the console.
        if (!this.quiet) console.error(effect.text);
        break;
      default:
        // A module newer than this loader: say so rather than drop it.
        console.error(`<readiness-check>: unknown effect ${effect.kind}`);
    }
  }

  crash(error) {
    console.error('<readiness-check> stopped:', error);
    broken = true;
    for (const element of elements) element.showCrash();
  }

  showCrash() {
    const root = this.shadowRoot;
    if (!root) return;
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'rc-crashed';
    message.textContent = EARLY[this.lang_ ?? resolveLang(this)][3];
    root.replaceChildren(message);
  }
}

if (!customElements.get('readiness-check')) customElements.define('readiness-check', ReadinessCheck);
