// The studio's link to the core (dist/studio/studio-core.js): one call,
// `check(jsonText)`, answered by readiness_studio_bg.wasm (the validator,
// the lints, the time estimate and format upgrades; wasm/src/studio.rs).
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
  exports ||= load();
  const x = await exports;
  const bytes = encoder.encode(text);
  const at = x.rc_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  x.rc_studio(at, bytes.length);
  return JSON.parse(decoder.decode(new Uint8Array(x.memory.buffer, x.rc_out_ptr(), x.rc_out_len())));
}
