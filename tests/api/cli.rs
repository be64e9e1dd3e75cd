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

/// Runs `rapport serve` with `args`, which is expected to fail: its stderr, and how long
/// it took.
fn failed_start(args: &[&str]) -> (String, std::time::Duration) {
    let started = std::time::Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("serve")
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("RAPPORT_PORT")
        .output()
        .unwrap();
    assert!(!output.status.success(), "{args:?} started");
    (
        String::from_utf8_lossy(&output.stderr).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn a_start_that_cannot_work_says_why_in_one_line_and_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("rapport.db");
    let (stderr, took) = failed_start(&[
        "--database-url",
        &format!("sqlite://{}", missing.display()),
        "--port",
        "0",
    ]);
    assert!(
        stderr.contains("no-such-dir") && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    assert!(stderr.lines().count() <= 3, "{stderr}");

    // Nothing listens on port 1: refused at once, named without the password.
    let (stderr, took) = failed_start(&[
        "--database-url",
        "postgres://rapport:hunter2@127.0.0.1:1/rapport",
        "--port",
        "0",
    ]);
    assert!(
        stderr.contains("127.0.0.1:1/rapport") && !stderr.contains("hunter2"),
        "{stderr}"
    );
    assert!(took < std::time::Duration::from_secs(6), "{took:?}");
    assert!(stderr.lines().count() <= 3, "{stderr}");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let db = format!("sqlite://{}", dir.path().join("ok.db").display());
    let (stderr, _) = failed_start(&["--database-url", &db, "--port", &port]);
    assert!(
        stderr.contains(&format!("127.0.0.1:{port}")) && stderr.contains("RAPPORT_PORT"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("ok.db").exists(),
        "the port is checked before the database"
    );
}
