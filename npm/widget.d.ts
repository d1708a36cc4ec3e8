// Types for `import 'readiness-check/widget'`: the <readiness-check>
// element and the events it sends (www/readiness-check.js dispatches them;
// they bubble out of its shadow root, so a listener on `document` hears
// every widget on the page).

import type { Report } from '../index.js';

/** The detail of `readiness-progress`: sent whenever an answer changes. */
export interface ReadinessProgress {
  /** How many questions have an answer. */
  answered: number;
  /** How many questions there are. */
  total: number;
}

/**
 * A `<readiness-check>` element. Attributes: `lang` (`id` or `en`), `src`
 * (the URL of a questionnaire of your own), `storage="none"` (do not save
 * progress in the browser).
 */
export interface ReadinessCheckElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'readiness-check': ReadinessCheckElement;
  }
  interface GlobalEventHandlersEventMap {
    /** The questionnaire loaded and the widget shows its first screen. */
    'readiness-ready': CustomEvent<null>;
    /** An answer changed. */
    'readiness-progress': CustomEvent<ReadinessProgress>;
    /** The visitor reached the results: the detail is the report, `answers` included. */
    'readiness-complete': CustomEvent<Report>;
  }
}
