//! A small static file server for `dist/`, on std only: the browser refuses
//! ES modules and wasm from `file://`, and a dependency-free server keeps
//! `cargo xtask serve` and the end-to-end tests working offline.
//!
//! GET and HEAD only, one request per connection, a thread per connection.
//! Paths are decoded and normalised; `..` is refused rather than resolved,
//! so nothing outside the served folder is reachable.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::{install, site};

const DEFAULT_PORT: u16 = 8080;
/// Longest request head accepted; the site's URLs are short.
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// A client that sends nothing for this long is dropped.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// `cargo xtask serve [--port N]`: build `dist/`, then serve it until killed.
pub fn task(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => DEFAULT_PORT,
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port needs a number from 0 to 65535, not {value:?}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".to_owned()),
    };
    install::for_build()?;
    let dist = site::build()?;
    let server = Server::start(&dist, port, true)?;
    println!(
        "serving {} at {}  (Ctrl-C stops)",
        dist.display(),
        server.url()
    );
    server.wait();
    Ok(())
}

/// A server running in a background thread; dropping it stops it.
pub struct Server {
    url: String,
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `root` on 127.0.0.1:`port` (0 picks a free port), logging each
    /// request to stderr when `log` is set.
    pub fn start(root: &Path, port: u16, log: bool) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|error| format!("cannot serve {}: {error}", root.display()))?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
        let address = listener
            .local_addr()
            .map_err(|error| format!("cannot read the listening address: {error}"))?;
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || accept(&listener, &root, &stop, log))
        };
        Ok(Self {
            url: format!("http://{address}/"),
            address,
            stop,
            thread: Some(thread),
        })
    }

    /// The base URL, with a trailing slash: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Blocks for as long as the server runs (until the process ends).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // `accept` blocks; a throwaway connection wakes it to see the flag.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept(listener: &TcpListener, root: &Path, stop: &AtomicBool, log: bool) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            // A client that hangs up mid-response is not the server's error.
            let _ = handle(stream, &root, log);
        });
    }
}

/// What to send back for one request.
struct Reply {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    extra_headers: &'static [(&'static str, &'static str)],
}

impl Reply {
    fn text(status: &'static str, message: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{message}\n").into_bytes(),
            extra_headers: &[],
        }
    }
}

fn handle(stream: TcpStream, root: &Path, log: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers: nothing in them changes the reply.
    let mut head_bytes = request_line.len();
    loop {
        let mut line = String::new();
        let read = reader.read_line(&mut line)?;
        head_bytes += read;
        if read == 0 || line == "\r\n" || line == "\n" || head_bytes > MAX_HEAD_BYTES {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let reply = if head_bytes > MAX_HEAD_BYTES {
        Reply::text(
            "431 Request Header Fields Too Large",
            "request head too large",
        )
    } else if method != "GET" && method != "HEAD" {
        Reply {
            extra_headers: &[("Allow", "GET, HEAD")],
            ..Reply::text("405 Method Not Allowed", "only GET and HEAD")
        }
    } else {
        match resolve(root, target) {
            Some(path) => match std::fs::read(&path) {
                Ok(body) => Reply {
                    status: "200 OK",
                    content_type: content_type(&path),
                    body,
                    extra_headers: &[],
                },
                Err(_) => Reply::text("404 Not Found", "not found"),
            },
            None => Reply::text("404 Not Found", "not found"),
        }
    };
    if log {
        eprintln!("{method} {target} -> {}", reply.status);
    }
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    for (name, value) in reply.extra_headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut writer = &stream;
    writer.write_all(head.as_bytes())?;
    if method != "HEAD" {
        writer.write_all(&reply.body)?;
    }
    writer.flush()
}

/// The file a request target names under `root`, or `None` when it is
/// malformed, climbs out with `..`, or names no file. The query string and
/// fragment are ignored (the app reads `?mode=author` itself); a directory
/// means its `index.html`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            _ if segment.contains(['\\', '\0']) => return None,
            _ => file.push(segment),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // Refuse symlinks that lead out of the served folder.
    let real = file.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// Decodes `%XX` escapes; `None` for a bad escape or non-UTF-8 result.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json; charset=utf-8",
        "yaml" | "yml" | "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A tiny site in a temp folder of its own (tests run in parallel),
    /// removed when dropped.
    struct TempSite(PathBuf);

    impl TempSite {
        fn new(name: &str) -> Result<Self, String> {
            let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
            let mut site = Self(dir);
            std::fs::create_dir_all(site.0.join("pkg")).map_err(|e| e.to_string())?;
            std::fs::write(site.0.join("index.html"), "<!doctype html>")
                .map_err(|e| e.to_string())?;
            std::fs::write(site.0.join("pkg/app.wasm"), b"\0asm").map_err(|e| e.to_string())?;
            site.0 = site.0.canonicalize().map_err(|e| e.to_string())?;
            Ok(site)
        }
    }

    impl Drop for TempSite {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn get(server: &Server, request: &str) -> String {
        let Ok(mut stream) = TcpStream::connect(server.address) else {
            return String::new();
        };
        let _ = stream.write_all(request.as_bytes());
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response
    }

    #[test]
    fn resolves_inside_the_root_only() -> Result<(), String> {
        let site = TempSite::new("resolve")?;
        let root = &site.0;
        assert_eq!(resolve(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(root, "/?mode=author"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(root, "/pkg/app.wasm#x"),
            Some(root.join("pkg/app.wasm"))
        );
        assert_eq!(
            resolve(root, "/pkg/%61pp.wasm"),
            Some(root.join("pkg/app.wasm"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/pkg/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(root, "/missing.js"), None);
        assert_eq!(resolve(root, "/bad%zz"), None);
        assert_eq!(resolve(root, "relative"), None);
        Ok(())
    }

    #[test]
    fn serves_files_with_types_and_headers() -> Result<(), String> {
        let site = TempSite::new("serve")?;
        let server = Server::start(&site.0, 0, false)?;
        let page = get(&server, "GET /?mode=author HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(page.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(page.contains("X-Content-Type-Options: nosniff\r\n"));
        assert!(page.contains("Referrer-Policy: no-referrer\r\n"));
        assert!(page.contains("Cache-Control: no-cache\r\n"));
        assert!(page.ends_with("\r\n\r\n<!doctype html>"));
        let wasm = get(&server, "HEAD /pkg/app.wasm HTTP/1.1\r\n\r\n");
        assert!(
            wasm.contains("Content-Type: application/wasm\r\n"),
            "{wasm}"
        );
        assert!(wasm.contains("Content-Length: 4\r\n") && wasm.ends_with("\r\n\r\n"));
        let missing = get(&server, "GET /../Cargo.toml HTTP/1.1\r\n\r\n");
        assert!(missing.starts_with("HTTP/1.1 404 "), "{missing}");
        let post = get(&server, "POST / HTTP/1.1\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD\r\n"));
        Ok(())
    }
}
