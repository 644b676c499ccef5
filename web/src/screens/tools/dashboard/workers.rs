//! Counting a ZIP archive's results in workers, a share each, so that on
//! two or more cores the count (inflating, reading each result's JSON,
//! scoring it again, the tally) runs side by side and off the page. Both
//! ends are here: the page's, which starts the workers and puts their
//! parts together in the archive's order, and the worker's
//! ([`count_archive_part`], called by `count-worker.js`), which reads its
//! share as the page would.
//!
//! Each worker runs the tools wasm the page already compiled (its
//! `WebAssembly.Module` is posted, not fetched again) and fetches the
//! banks with the page's integrity table. The workers are started and
//! loaded before an archive is picked ([`warm_up`], when the dashboard
//! opens and after each archive), so a count begins with them ready. When
//! a worker cannot start or fails, the page reads the archive itself:
//! nothing is lost, it is only slower.

use std::cell::RefCell;

use futures::StreamExt;
use futures::channel::mpsc;
use shindan_engine::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::load::{self, Read, Share};
use crate::banks;

/// Workers for one archive at most.
const MAX_WORKERS: usize = 4;

/// Each worker holds its own copy of the whole archive while it counts:
/// their copies together stay under this (a 256 MB archive gets two).
const COPIES_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

/// The script each worker runs, at the site's root (where `cargo xtask
/// dist` puts it) so that `banks/…` and `pkg-tools/…` resolve in the
/// worker as they do on the page.
const WORKER_SCRIPT: &str = "count-worker.js";

/// What the page hears from its workers.
enum News {
    /// Worker `worker` has read `done` of its share of the archive's
    /// `total` results.
    Progress {
        worker: usize,
        done: f64,
        total: f64,
    },
    /// Worker `worker`'s part, as postcard bytes.
    Part { worker: usize, bytes: Vec<u8> },
    /// A worker could not start, or stopped: why, as the browser said.
    Failed(String),
}

impl News {
    /// Reads a message of `count-worker.js`: `{done, total}`, `{part}` or
    /// `{error}`.
    fn of_message(worker: usize, data: &JsValue) -> News {
        let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
        if let Some(part) = field("part").and_then(|p| p.dyn_into::<js_sys::Uint8Array>().ok()) {
            return News::Part {
                worker,
                bytes: part.to_vec(),
            };
        }
        match (
            field("done").and_then(|v| v.as_f64()),
            field("total").and_then(|v| v.as_f64()),
        ) {
            (Some(done), Some(total)) => News::Progress {
                worker,
                done,
                total,
            },
            _ => News::Failed(
                field("error")
                    .and_then(|error| error.as_string())
                    .unwrap_or_else(|| "an unexpected message".to_owned()),
            ),
        }
    }
}

/// A started worker and the handlers that must live as long as it does.
struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Workers started and loading the tools wasm, waiting for an archive.
struct Pool {
    running: Vec<Running>,
    news: mpsc::UnboundedReceiver<News>,
}

thread_local! {
    /// The pool the next archive takes: one per page, like the page itself.
    static WARM: RefCell<Option<Pool>> = const { RefCell::new(None) };
}

/// Starts the pool the next archive will take, unless one waits already:
/// one worker per core (at most [`MAX_WORKERS`]), each loading the tools
/// wasm. Where workers cannot start, there is none and the page reads
/// archives itself.
pub fn warm_up() {
    if WARM.with_borrow(Option::is_none) {
        let pool = Pool::start();
        WARM.set(pool);
    }
}

impl Pool {
    fn start() -> Option<Pool> {
        let cores = web_sys::window()?.navigator().hardware_concurrency();
        let size = cores.clamp(1.0, MAX_WORKERS as f64) as usize;
        let load = message(&[
            ("module", wasm_bindgen::module()),
            ("integrity", banks::integrity_table()),
        ])?;
        let (sender, news) = mpsc::unbounded();
        let running = (0..size)
            .map(|index| start(index, &load, sender.clone()))
            .collect::<Option<Vec<Running>>>()?;
        Some(Pool { running, news })
    }
}

/// Counts the results of the ZIP archive `file` in the waiting workers (as
/// many as memory allows; a fresh pool if none waits) and gives what they
/// read, in the archive's order; `None` when workers cannot be used here
/// or one failed (the page then reads the archive itself). `progress`
/// hears results read of all. A new pool starts for the next archive.
pub async fn count_archive(
    file: &web_sys::File,
    lang: Lang,
    progress: impl Fn(f64, f64),
) -> Option<Read> {
    // No pool: workers cannot start here.
    let pool = WARM.take().or_else(Pool::start)?;
    let read = count_in(pool, file, lang, progress).await;
    warm_up();
    // For whoever runs the portal: the page reads the archive itself, a
    // little slower, and the console says why.
    read.map_err(|why| {
        let warning =
            format!("Shindan: a count worker failed ({why}); the page reads the archive itself");
        web_sys::console::warn_1(&warning.into());
    })
    .ok()
}

async fn count_in(
    mut pool: Pool,
    file: &web_sys::File,
    lang: Lang,
    progress: impl Fn(f64, f64),
) -> Result<Read, String> {
    let copies = (COPIES_BYTES / file.size().max(1.0)).floor();
    let parts = (pool.running.len() as f64).min(copies).max(1.0) as usize;
    // Workers beyond the memory's share stop here.
    pool.running.truncate(parts);
    for (part, running) in pool.running.iter().enumerate() {
        let count = message(&[
            ("file", file.into()),
            ("part", part.into()),
            ("parts", parts.into()),
            ("lang", lang.tag().into()),
        ])
        .ok_or("the count could not be written")?;
        running
            .worker
            .post_message(&count)
            .map_err(|_| "the count could not be posted")?;
    }
    let (mut done, mut total) = (vec![0.0; parts], 0.0_f64);
    let mut read: Vec<Option<Read>> = (0..parts).map(|_| None).collect();
    while read.iter().any(Option::is_none) {
        match pool.news.next().await.ok_or("the workers fell silent")? {
            News::Progress {
                worker,
                done: now,
                total: all,
            } => {
                if let Some(worker) = done.get_mut(worker) {
                    *worker = now;
                }
                total = total.max(all);
                progress(done.iter().sum(), total);
            }
            News::Part { worker, bytes } => {
                let part = postcard::from_bytes(&bytes)
                    .map_err(|error| format!("its part did not decode: {error}"))?;
                *read.get_mut(worker).ok_or("a part from no worker")? = Some(part);
            }
            News::Failed(why) => return Err(why),
        }
    }
    drop(pool);
    let mut parts = read.into_iter().flatten();
    let mut whole = parts.next().ok_or("no part came")?;
    parts.for_each(|later| whole.absorb(later));
    Ok(whole)
}

/// A message for a worker: an object of these fields.
fn message(fields: &[(&str, JsValue)]) -> Option<js_sys::Object> {
    let message = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&message, &(*key).into(), value).ok()?;
    }
    Some(message)
}

/// Starts worker `index`, telling `news` what it hears, and has it load
/// the tools wasm (`load`); `None` if it cannot be started.
fn start(
    index: usize,
    load: &js_sys::Object,
    news: mpsc::UnboundedSender<News>,
) -> Option<Running> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_SCRIPT, &options).ok()?;
    let worker_news = news.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = worker_news.unbounded_send(News::of_message(index, &event.data()));
        });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let why = js_sys::Reflect::get(&event, &"message".into())
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_else(|| format!("its script {WORKER_SCRIPT} did not load"));
        let _ = news.unbounded_send(News::Failed(why));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let running = Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    };
    running.worker.post_message(load).ok()?;
    Some(running)
}

/// In a count worker: reads share `part` of `parts` of the ZIP archive
/// `file`, refusals in `lang` (`ja` or `en`), calling `progress(done,
/// total)` as it goes, and gives what it read as postcard bytes.
#[wasm_bindgen]
pub async fn count_archive_part(
    file: web_sys::File,
    part: usize,
    parts: usize,
    lang: String,
    progress: js_sys::Function,
) -> Result<Vec<u8>, JsValue> {
    let lang = if lang == Lang::En.tag() {
        Lang::En
    } else {
        Lang::Ja
    };
    let tell = |done: f64, total: f64| {
        let _ = progress.call2(&JsValue::NULL, &done.into(), &total.into());
    };
    let read = load::read_share(&file, Share { part, parts }, lang, tell).await?;
    postcard::to_allocvec(&read).map_err(|error| error.to_string().into())
}
