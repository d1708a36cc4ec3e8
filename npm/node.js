// The entry for Node's `import`: the nodejs build is CommonJS and loads its
// WebAssembly synchronously when first required, so there is nothing to
// await. Re-exported here so that ESM and TypeScript see an ES module.
export * from './lib/readiness_wasm.cjs';
