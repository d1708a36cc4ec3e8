//! The modules' exports to the loader (`www/readiness-check.js`), by hand
//! rather than through wasm-bindgen: the widget trades only strings, and
//! its whole glue is twenty lines of the loader instead of a 1.6 KB module
//! and the binding code in the WebAssembly (`docs/size.md`). The modules
//! import nothing.
//!
//! Strings cross as UTF-8 in the module's memory: the loader asks
//! `rc_alloc` for room, writes the bytes, and passes pointer and length;
//! the callee takes the buffer over and frees it. A result is left in
//! `OUT`, which the loader reads through `rc_out_ptr` and `rc_out_len`
//! before its next call.
//!
//! A bug that panics aborts the module (the build uses panic=abort): the
//! loader catches the trap and shows its error state.

use std::cell::RefCell;

thread_local! {
    /// The last result, until the loader has read it.
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Room for `len` bytes the loader is about to write.
#[no_mangle]
pub extern "C" fn rc_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let pointer = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    pointer
}

/// Takes over a buffer `rc_alloc` gave, now holding `len` bytes of UTF-8.
///
/// SAFETY: `pointer` came from `rc_alloc(len)` and was not taken before;
/// the loader (and the studio's glue) write only what `TextEncoder.encode`
/// produced, which is valid UTF-8 by its specification (lone surrogates
/// become U+FFFD), so it is not checked again: the check weighed 0.4 KB
/// gzipped in each module.
fn take(pointer: *mut u8, len: usize) -> String {
    let bytes = unsafe { Vec::from_raw_parts(pointer, len, len) };
    unsafe { String::from_utf8_unchecked(bytes) }
}

fn put(result: String) {
    OUT.with(|out| *out.borrow_mut() = result);
}

/// Where the last result starts.
#[no_mangle]
pub extern "C" fn rc_out_ptr() -> *const u8 {
    OUT.with(|out| out.borrow().as_ptr())
}

/// How many bytes the last result has.
#[no_mangle]
pub extern "C" fn rc_out_len() -> usize {
    OUT.with(|out| out.borrow().len())
}

/// A new widget (see `Widget::new`); the handle goes back to `rc_on` and
/// `rc_free`.
#[cfg(feature = "widget")]
#[no_mangle]
pub extern "C" fn rc_new(
    lang: *mut u8,
    lang_len: usize,
    storage: u32,
    scope: *mut u8,
    scope_len: usize,
    early: *mut u8,
    early_len: usize,
) -> *mut crate::Widget {
    let widget = crate::Widget::new(
        &take(lang, lang_len),
        storage != 0,
        &take(scope, scope_len),
        take(early, early_len).leak(),
    );
    Box::into_raw(Box::new(widget))
}

/// One message to a widget (see `Widget::on`); its effects are the result.
///
/// SAFETY: `widget` came from `rc_new` and was not freed; the loader calls
/// one widget at a time and never re-entrantly.
#[cfg(feature = "widget")]
#[no_mangle]
pub extern "C" fn rc_on(widget: *mut crate::Widget, message: *mut u8, len: usize) {
    let widget = unsafe { &mut *widget };
    put(widget.on(&take(message, len)));
}

/// Drops a widget.
///
/// SAFETY: `widget` came from `rc_new` and is not used again.
#[cfg(feature = "widget")]
#[no_mangle]
pub extern "C" fn rc_free(widget: *mut crate::Widget) {
    drop(unsafe { Box::from_raw(widget) });
}

/// Checks a questionnaire (see `check`); the pack or problems are the result.
#[cfg(feature = "validator")]
#[no_mangle]
pub extern "C" fn rc_check(text: *mut u8, len: usize, lang: *mut u8, lang_len: usize) {
    put(crate::check(&take(text, len), &take(lang, lang_len)));
}

/// Checks a studio draft (see `studio`); the JSON result is the result.
#[cfg(feature = "studio")]
#[no_mangle]
pub extern "C" fn rc_studio(text: *mut u8, len: usize) {
    put(crate::studio(&take(text, len)));
}

/// The studio's team view (see `team`); the JSON result is the result.
#[cfg(feature = "studio")]
#[no_mangle]
pub extern "C" fn rc_team(text: *mut u8, len: usize, links: *mut u8, links_len: usize, lang: *mut u8, lang_len: usize) {
    put(crate::team(
        &take(text, len),
        &take(links, links_len),
        &take(lang, lang_len),
    ));
}

/// The studio's benchmarks from responses (see `benchmark`); the JSON
/// result is the result. `label` is JSON (`{"en": …}`) or empty.
#[cfg(feature = "studio")]
#[no_mangle]
pub extern "C" fn rc_benchmark(
    text: *mut u8,
    len: usize,
    responses: *mut u8,
    responses_len: usize,
    min_count: u32,
    label: *mut u8,
    label_len: usize,
) {
    put(crate::benchmark(
        &take(text, len),
        &take(responses, responses_len),
        min_count,
        &take(label, label_len),
    ));
}
