//! Files the user saves or opens: downloads made in the browser (no server
//! involved) and the text of a picked file.

use shindan_engine::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::messages as m;

/// The file input an `input`/`change` event came from.
pub fn input_of(event: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    event.target()?.dyn_into().ok()
}

/// Offers `contents` as a download named `name`; a failure says so in
/// `lang`.
pub fn download(name: &str, mime: &str, contents: &str, lang: Lang) -> Result<(), String> {
    let fail = || m::SAVE_FAILED.fill(lang, &[&name]);
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let anchor: web_sys::HtmlAnchorElement = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into().ok())
        .ok_or_else(fail)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The most a result file may weigh (the engine's limit), as the browser
/// counts bytes.
pub const MAX_RESULT_BYTES: f64 = shindan_engine::MAX_RESULT_BYTES as f64;

fn too_large(max_bytes: f64, lang: Lang) -> String {
    m::FILE_TOO_LARGE.fill(lang, &[&(max_bytes / 1024.0 / 1024.0)])
}

fn unreadable(lang: Lang) -> String {
    m::FILE_NOT_READ.get(lang).to_owned()
}

/// The texts of many files, all read at once (one await for the lot, not
/// one per file), each as [`capped_text`] reads it.
#[cfg(feature = "tools")]
pub async fn file_texts(
    files: &[web_sys::File],
    max_bytes: f64,
    lang: Lang,
) -> Vec<Result<String, String>> {
    futures::future::join_all(files.iter().map(|file| capped_text(file, max_bytes, lang))).await
}

/// The text of `file` read as a stream, refused (why, in `lang`) once more
/// than `max_bytes` have come, so a huge file picked by mistake costs at
/// most that much. Not `File.size` first: for a picked file Chromium
/// answers it with a synchronous call to the browser process (0.2 ms a
/// file, 2 s for 10,000; see BENCHMARKS.md). Decoded as `File.text()` does:
/// UTF-8, a leading byte order mark dropped, a broken sequence replaced.
async fn capped_text(file: &web_sys::File, max_bytes: f64, lang: Lang) -> Result<String, String> {
    let reader: web_sys::ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let step: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| unreadable(lang))?
            .unchecked_into();
        if step.get_done().unwrap_or(true) {
            break;
        }
        let piece = js_sys::Uint8Array::new(&step.get_value());
        let start = bytes.len();
        let end = start + piece.length() as usize;
        if end as f64 > max_bytes {
            let _ = reader.cancel();
            return Err(too_large(max_bytes, lang));
        }
        bytes.resize(end, 0);
        piece.copy_to(&mut bytes[start..]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Bytes `start..end` of `file`, read without the rest of it: a large
/// file is streamed a slice at a time.
#[cfg(feature = "tools")]
pub async fn blob_bytes(
    file: &web_sys::File,
    start: f64,
    end: f64,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let slice = file
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| unreadable(lang))?;
    let buffer = JsFuture::from(slice.array_buffer())
        .await
        .map_err(|_| unreadable(lang))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The name and text of every file picked in `input`, in order; a file
/// too large or unreadable gives its reason (in `lang`) instead of its text.
pub async fn picked_texts(
    input: &web_sys::HtmlInputElement,
    max_bytes: f64,
    lang: Lang,
) -> Vec<(String, Result<String, String>)> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    for index in 0..list.length() {
        if let Some(file) = list.get(index) {
            texts.push((file.name(), capped_text(&file, max_bytes, lang).await));
        }
    }
    texts
}
