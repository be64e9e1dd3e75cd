//! The `rapport` command as a user runs it.

use std::process::{Command, Stdio};

#[test]
fn output_cut_short_by_its_reader_is_not_a_crash() {
    // `rapport openapi | head -1`: the reader is gone before the document is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("openapi")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
