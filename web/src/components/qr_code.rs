//! The QR code that carries a result to a phone: the portal URL with the
//! result packed in its fragment (`#r1.…`, see the engine's `handoff`). The
//! fragment is never sent to a server; the phone's copy of the app opens it.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// Modules of quiet zone around the code, as the standard asks.
const QUIET: usize = 4;

/// An SVG path of the dark modules: one `M x y h1 v1 h-1 z` per module.
fn dark_path(code: &QrCode) -> String {
    let width = code.width();
    let mut path = String::new();
    for (index, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (index % width + QUIET, index / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    path
}

/// The QR code of `url`, or nothing if the URL is too long to encode.
#[component]
pub fn QrCodeView(url: String, #[prop(into)] label: String) -> impl IntoView {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let size = code.width() + 2 * QUIET;
    Some(view! {
        <svg
            class="qr"
            viewBox=format!("0 0 {size} {size}")
            role="img"
            aria-label=label
            data-testid="qr"
            data-url=url
            shape-rendering="crispEdges"
        >
            <rect class="qr-light" width=size height=size />
            <path class="qr-dark" d=dark_path(&code) />
        </svg>
    })
}
