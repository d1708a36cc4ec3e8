// The studio's link to the core (dist/studio/studio-core.js): `check(json)`,
// `team(json, links)` and `benchmark(json, responses, minCount, label)`,
// answered by readiness_studio_bg.wasm (the validator, the lints, the time
// estimate, format upgrades, the team view and benchmarks from responses;
// wasm/src/studio.rs).
// The module trades strings through its own exports, as the widget's does
// (wasm/src/exports.rs): no wasm-bindgen, no imports.

let exports;

async function load() {
  const url = new URL('./readiness_studio_bg.wasm', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const { instance } = await WebAssembly.instantiateStreaming(response.clone(), {}).catch(async () =>
    WebAssembly.instantiate(await response.arrayBuffer(), {}),
  );
  return instance.exports;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Checks a questionnaire draft.
 * @param {string} text the questionnaire as JSON
 * @returns {Promise<{problems: {severity: 'error'|'warning', path: string, message: string, hint: string}[],
 *   minutes: Record<string, number> | null, upgraded: object | null}>}
 */
export async function check(text) {
  const x = await module();
  x.rc_studio(...put(x, text));
  return result(x);
}

/**
 * The team view of share links for a questionnaire (wasm/src/studio.rs,
 * `team`): each member's scores, their spread, the questions answered
 * furthest apart and the combined report.
 * @param {string} text the questionnaire as JSON
 * @param {string} links one member a line: a share link or code, a name before it if given
 * @param {string} [lang] the language of the texts ("id" or "en")
 */
export async function team(text, links, lang = 'en') {
  const x = await module();
  x.rc_team(...put(x, text), ...put(x, links), ...put(x, lang));
  return result(x);
}

/**
 * Benchmarks made from responses (wasm/src/studio.rs, `benchmark`): the
 * `benchmarks` section, what was counted and left out, and a preview.
 * @param {string} text the questionnaire as JSON
 * @param {{line: number, group: string|null, answers: Record<string, string|number>}[]} responses
 * @param {number} minCount groups with fewer responses are left out
 * @param {Record<string, string>} label per language; `{n}` stands for the count
 */
export async function benchmark(text, responses, minCount, label) {
  const x = await module();
  x.rc_benchmark(...put(x, text), ...put(x, JSON.stringify(responses)), minCount, ...put(x, JSON.stringify(label)));
  return result(x);
}

function module() {
  exports ||= load();
  return exports;
}

// A string into the module's memory (which takes the buffer over).
function put(x, text) {
  const bytes = encoder.encode(text);
  const at = x.rc_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  return [at, bytes.length];
}

const result = (x) => JSON.parse(decoder.decode(new Uint8Array(x.memory.buffer, x.rc_out_ptr(), x.rc_out_len())));
