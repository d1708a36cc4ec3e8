// Types for `import 'readiness-check/widget'`: the <readiness-check>
// element and the events it sends (www/readiness-check.js dispatches them;
// they bubble out of its shadow root, so a listener on `document` hears
// every widget on the page).

import type { Questionnaire, Report } from '../index.js';

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
export interface ReadinessCheckElement extends HTMLElement {
  /**
   * A questionnaire of your own as an object, instead of a file at `src`:
   * checked as a `src` file is (an invalid one shows its problems, with
   * paths and hints). Setting one with the same `id` and `version` again
   * keeps the visitor's answers and place. `null` returns to `src`, or to
   * the built-in questionnaire. Reading it gives a copy.
   */
  questionnaire: Questionnaire | null;
  /**
   * Shows step `step` (0 for the first factor), or the intro for a step the
   * questionnaire does not have; focus stays where it is. For previews
   * beside an editor.
   */
  goTo(step: number): void;
}

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
