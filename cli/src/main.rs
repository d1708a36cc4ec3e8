//! `readiness`: the command-line face of the readiness core.

fn main() {
    println!("readiness {}", env!("CARGO_PKG_VERSION"));
}
