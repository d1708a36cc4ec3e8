//! Architecture invariants that a test can hold (see ARCHITECTURE.md).

use std::path::Path;

/// The core is pure: no crate that knows a browser or a platform may enter
/// its dependencies, so that it builds and behaves the same everywhere.
#[test]
fn core_depends_on_no_platform_crate() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for banned in [
        "wasm-bindgen",
        "web-sys",
        "js-sys",
        "gloo",
        "wasm-bindgen-futures",
        "getrandom",
        "tokio",
    ] {
        let mentioned = manifest.lines().any(|line| {
            let line = line.trim_start();
            !line.starts_with('#')
                && (line.starts_with(&format!("{banned} ")) || line.starts_with(&format!("{banned}=")))
        });
        assert!(
            !mentioned,
            "core/Cargo.toml depends on `{banned}`: platform code belongs in wasm/ or cli/"
        );
    }
}

/// The core reads no clock, environment, file or network at run time.
#[test]
fn core_sources_touch_no_platform_api() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in [
            "std::time",
            "std::env",
            "std::fs",
            "std::net",
            "SystemTime",
            "Instant::now",
        ] {
            assert!(
                !text.contains(banned),
                "{} uses {banned}: pass it in as an argument instead",
                path.display()
            );
        }
    }
}
