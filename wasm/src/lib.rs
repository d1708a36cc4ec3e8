//! The readiness check in the browser: the `<readiness-check>` widget's
//! logic and rendering ([`Widget`]), driven by the loader in
//! `www/readiness-check.js`.
//!
//! Only this crate knows JavaScript. It turns browser input into core
//! types at the edge and renders the core's [`readiness_core::Report`];
//! every score is computed by `readiness-core`.

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "widget")]
mod chart;
#[cfg(feature = "widget")]
mod dom;
#[cfg(feature = "widget")]
mod i18n;
#[cfg(feature = "widget")]
mod json_out;
#[cfg(feature = "widget")]
mod storage;
#[cfg(feature = "widget")]
mod view;
#[cfg(feature = "widget")]
mod widget;

#[cfg(feature = "widget")]
pub use widget::Widget;

// SAFETY: WebAssembly in the browser runs this module on one thread (the
// build enables no atomics), which is what `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
