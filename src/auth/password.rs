//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes), through a gate
//! that bounds how many hashes run at once across the whole process.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;

use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Hashes run at most one per core at a time (each takes ~19 MiB and ~30 ms of a core);
/// a few more wait their turn, and beyond that callers are told to come back, so that a
/// flood of logins bounds both the memory and the wait of everyone else.
pub struct HashingGate {
    running: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

/// Counts a caller in the queue for as long as it waits, even if it gives up.
struct InQueue<'a>(&'a AtomicUsize);

impl Drop for InQueue<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl HashingGate {
    /// `cores` hashes at once, and eight waiting per core.
    pub fn new(cores: usize) -> Self {
        let cores = cores.max(1);
        Self {
            running: Semaphore::new(cores),
            waiting: AtomicUsize::new(0),
            max_waiting: 8 * cores,
        }
    }

    /// One per core of this machine.
    pub fn for_this_machine() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    /// Runs password work off the async workers once a core is free; 503 `busy` with
    /// `Retry-After` when too many are already waiting.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(ApiError::unavailable(
                "busy",
                "too many sign-ins are being checked right now; retry in a second",
                1,
            ));
        }
        let queued = InQueue(&self.waiting);
        let _running = self.running.acquire().await.map_err(ApiError::internal)?;
        drop(queued);
        actix_web::web::block(work)
            .await
            .map_err(ApiError::internal)
    }
}

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash password: {e}"))
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the time of a real verification when the email is unknown, so that response
/// times do not tell which emails have accounts.
pub fn verify_against_nothing(password: &str) {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash("a password nobody has").expect("argon2 hashes a constant"));
    let _ = verify(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::HashingGate;

    #[tokio::test]
    async fn the_gate_lets_cores_run_a_few_wait_and_turns_the_rest_away() {
        let gate = std::sync::Arc::new(HashingGate::new(1));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let hold = std::sync::Arc::new(std::sync::Mutex::new(hold));
        let mut calls = Vec::new();
        for _ in 0..12 {
            let (gate, hold) = (gate.clone(), hold.clone());
            calls.push(tokio::spawn(async move {
                gate.run(move || {
                    let _ = hold.lock().unwrap().recv();
                })
                .await
            }));
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        for _ in 0..12 {
            let _ = release.send(());
        }
        let mut busy = 0;
        for call in calls {
            match call.await.unwrap() {
                Ok(()) => {}
                Err(error) => {
                    assert_eq!(error.code(), "busy");
                    busy += 1;
                }
            }
        }
        // One running, eight waiting: three of twelve are turned away.
        assert_eq!(busy, 3);
    }

    #[test]
    fn verifies_only_the_right_password() {
        let stored = super::hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery", &stored));
        assert!(!super::verify("wrong horse battery", &stored));
        assert!(!super::verify("correct horse battery", "not a hash"));
    }
}
