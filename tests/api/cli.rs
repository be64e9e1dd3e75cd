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

#[test]
fn shared_options_work_after_the_subcommand_too() {
    // `rapport migrate --database-url …` used to be refused as an unexpected argument.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["migrate", "--database-url", &url, "--log-format", "json"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(dir.path().join("cli.db").exists());
    // Each subcommand's help lists them, with their ranges.
    let help = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--port"), "{help}");
    assert!(help.contains("--access-token-ttl-seconds"), "{help}");
    assert!(help.contains("30 to 86400"), "the range is said: {help}");
}
