// The entry for browsers and bundlers. wasm-bindgen's web build must be
// initialised before its functions work; doing it here, with top-level
// await, means an `import { score } from 'readiness-check'` is ready to use
// when it resolves. `init()` fetches lib/readiness_wasm_bg.wasm next to the
// glue (`new URL(…, import.meta.url)`, which bundlers such as Vite follow).
// package.json lists this file under sideEffects, so that a bundler never
// skips it and links the glue's exports directly, uninitialised.
import init from './lib/readiness_wasm.js';

await init();

export * from './lib/readiness_wasm.js';
