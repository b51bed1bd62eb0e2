//! A fixed set of worker threads taking numbered jobs in turn, while the calling thread reports
//! progress: std's scoped threads and a few atomics are all the release pages need.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread::Thread;
use std::time::Duration;

/// The longest the reporter waits between two progress reports.
const REPORT_INTERVAL: Duration = Duration::from_millis(100);

/// Runs `job(0)` to `job(total - 1)` on `workers` threads (at least one), and calls
/// `progress(done, total)` from this thread as they finish: the last call shows the final count.
/// The first error stops the workers from taking more jobs, and is returned.
pub(super) fn run_jobs<E: Send>(
    total: usize,
    workers: usize,
    job: impl Fn(usize) -> Result<(), E> + Sync,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), E> {
    let workers = workers.max(1);
    let pool = Pool {
        total,
        next: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        failed: AtomicBool::new(false),
        first_error: Mutex::new(None),
        workers_left: AtomicUsize::new(workers),
        reporter: std::thread::current(),
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| pool.work(&job));
        }
        pool.report(progress);
    });
    match pool.first_error.into_inner().expect("not poisoned") {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// What the workers and the reporter share.
struct Pool<E> {
    total: usize,
    /// The next job to take.
    next: AtomicUsize,
    /// Jobs finished.
    done: AtomicUsize,
    /// Set by the first failure, so no more jobs are taken.
    failed: AtomicBool,
    first_error: Mutex<Option<E>>,
    workers_left: AtomicUsize,
    /// Workers wake this thread when they finish or fail, so a small job list does not wait
    /// out a report interval.
    reporter: Thread,
}

impl<E> Pool<E> {
    /// One worker's loop: take jobs until none are left or one has failed.
    fn work(&self, job: &impl Fn(usize) -> Result<(), E>) {
        // Counts this worker out even when it panics, so the reporter stops waiting (the scope
        // then passes the panic on).
        let _leaving = WorkerGuard { pool: self };
        while let Some(i) = self.take() {
            if let Err(error) = job(i) {
                self.fail(error);
                break;
            }
            if self.done.fetch_add(1, Ordering::Relaxed) + 1 == self.total {
                self.reporter.unpark();
            }
        }
    }

    /// The next job's number, unless all are taken or one has failed.
    fn take(&self) -> Option<usize> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        (i < self.total && !self.failed.load(Ordering::Relaxed)).then_some(i)
    }

    /// Stops the pool; the first error is the one returned.
    fn fail(&self, error: E) {
        self.failed.store(true, Ordering::Relaxed);
        self.first_error
            .lock()
            .expect("not poisoned")
            .get_or_insert(error);
        self.reporter.unpark();
    }

    /// Reports progress (on this, the calling thread) until the jobs are done, one has failed or
    /// every worker has left.
    fn report(&self, progress: &mut dyn FnMut(usize, usize)) {
        loop {
            // Read before `done`: once every worker has left, this report is the last one and
            // must show their final count.
            let all_left = self.workers_left.load(Ordering::Acquire) == 0;
            let finished = self.done.load(Ordering::Relaxed);
            progress(finished, self.total);
            if finished >= self.total || self.failed.load(Ordering::Relaxed) || all_left {
                break;
            }
            std::thread::park_timeout(REPORT_INTERVAL);
        }
    }
}

/// Counts a worker out when it ends, however it ends, and wakes the reporter.
struct WorkerGuard<'a, E> {
    pool: &'a Pool<E>,
}

impl<E> Drop for WorkerGuard<'_, E> {
    fn drop(&mut self) {
        self.pool.workers_left.fetch_sub(1, Ordering::Release);
        self.pool.reporter.unpark();
    }
}
