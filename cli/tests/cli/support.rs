//! Running the binary and preparing its input files.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The binary, with a locale that does not pick the language, so that each
/// test says the language it wants.
pub fn readiness() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_readiness"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The tiny questionnaire shared with the core's tests: factors `alpha`
/// (a-one, a-two weight 2, a-three allowing not-applicable) and `beta`
/// (weight 2: b-one with explicit points 0/40/60/80/100, b-sponsor, whose
/// answer below 2 caps the level at l1); levels l0..l4 from 0, 20, 40, 60, 80.
pub fn tiny() -> PathBuf {
    root().join("tests/questionnaires/tiny.json")
}

/// A temporary folder for input files, removed when dropped.
pub struct Files(TempDir);

impl Files {
    pub fn new() -> Files {
        Files(tempfile::tempdir().expect("a temporary folder"))
    }

    pub fn dir(&self) -> &Path {
        self.0.path()
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, contents).expect("writable temporary file");
        path
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

pub fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|error| panic!("not JSON ({error}): {}", text(bytes)))
}

/// Standard error's lines.
pub fn lines(bytes: &[u8]) -> Vec<String> {
    text(bytes).lines().map(str::to_owned).collect()
}

/// The built-in questionnaire as `readiness questionnaire` prints it.
pub fn builtin() -> Value {
    json(&readiness().arg("questionnaire").assert().success().get_output().stdout)
}

/// The built-in questionnaire's question ids, in order.
pub fn builtin_ids() -> Vec<String> {
    question_ids(&builtin())
}

pub fn question_ids(questionnaire: &Value) -> Vec<String> {
    questionnaire["factors"]
        .as_array()
        .expect("factors")
        .iter()
        .flat_map(|factor| factor["questions"].as_array().expect("questions"))
        .map(|question| question["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Runs `readiness batch` on `input`, written to a file named `file_name`
/// (its extension picks the input format), against the tiny questionnaire.
pub fn batch_tiny(file_name: &str, input: impl AsRef<[u8]>, args: &[&str]) -> std::process::Output {
    let files = Files::new();
    let path = files.write(file_name, input);
    readiness()
        .arg("batch")
        .arg(&path)
        .arg("--questionnaire")
        .arg(tiny())
        .args(args)
        .output()
        .expect("runs")
}
