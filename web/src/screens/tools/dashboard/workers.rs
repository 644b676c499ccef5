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
//! banks with the page's integrity table. When a worker cannot start or
//! fails, the page reads the archive itself: nothing is lost, it is only
//! slower.

use futures::StreamExt;
use futures::channel::mpsc;
use shindan_engine::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::load::{self, Read, Share};

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
    /// A worker could not start, or stopped.
    Failed,
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
            _ => News::Failed,
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

/// Counts the results of the ZIP archive `file` in workers (one per core,
/// as many as memory allows) and gives what they read, in the archive's
/// order; `None` when workers cannot be used here or one failed (the page
/// then reads the archive itself). `progress` hears results read of all.
pub async fn count_archive(
    file: &web_sys::File,
    lang: Lang,
    progress: impl Fn(f64, f64),
) -> Option<Read> {
    let cores = web_sys::window()?.navigator().hardware_concurrency();
    let copies = (COPIES_BYTES / file.size().max(1.0)).floor();
    let parts = cores.min(copies).clamp(1.0, MAX_WORKERS as f64) as usize;
    let (sender, mut news) = mpsc::unbounded();
    let mut running = Vec::with_capacity(parts);
    for part in 0..parts {
        running.push(start(Share { part, parts }, file, lang, sender.clone())?);
    }
    drop(sender);
    let (mut done, mut total) = (vec![0.0; parts], 0.0_f64);
    let mut read: Vec<Option<Read>> = (0..parts).map(|_| None).collect();
    while read.iter().any(Option::is_none) {
        match news.next().await? {
            News::Progress {
                worker,
                done: now,
                total: all,
            } => {
                done[worker] = now;
                total = total.max(all);
                progress(done.iter().sum(), total);
            }
            News::Part { worker, bytes } => read[worker] = Some(postcard::from_bytes(&bytes).ok()?),
            News::Failed => return None,
        }
    }
    drop(running);
    let mut parts = read.into_iter().flatten();
    let mut whole = parts.next()?;
    parts.for_each(|later| whole.absorb(later));
    Some(whole)
}

/// Starts the worker counting `share` of `file`, telling `news` what it
/// hears; `None` if it cannot be started.
fn start(
    share: Share,
    file: &web_sys::File,
    lang: Lang,
    news: mpsc::UnboundedSender<News>,
) -> Option<Running> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_SCRIPT, &options).ok()?;
    let worker_news = news.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let _ = worker_news.unbounded_send(News::of_message(share.part, &event.data()));
        });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        let _ = news.unbounded_send(News::Failed);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let running = Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    };
    let message = js_sys::Object::new();
    let integrity = js_sys::Reflect::get(&js_sys::global(), &"shindanIntegrity".into()).ok()?;
    for (key, value) in [
        ("module", wasm_bindgen::module()),
        ("integrity", integrity),
        ("file", file.into()),
        ("part", share.part.into()),
        ("parts", share.parts.into()),
        ("lang", lang.tag().into()),
    ] {
        js_sys::Reflect::set(&message, &key.into(), &value).ok()?;
    }
    running.worker.post_message(&message).ok()?;
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
