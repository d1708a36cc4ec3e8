//! The readiness check in the browser: the `<readiness-check>` widget's
//! logic and rendering ([`Widget`]), driven by the loader in
//! `www/readiness-check.js`.
//!
//! Only this crate knows JavaScript. It turns browser input into core
//! types at the edge and renders the core's [`readiness_core::Report`];
//! every score is computed by `readiness-core`.

#[cfg(feature = "api")]
pub mod api;
mod chart;
mod dom;
mod i18n;
mod json_out;
mod storage;
mod view;
mod widget;

pub use widget::Widget;

// SAFETY: WebAssembly in the browser runs this module on one thread (the
// build enables no atomics), which is what `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
