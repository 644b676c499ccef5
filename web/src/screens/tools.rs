//! The screens of the tools build, which adds the YAML and CSV readers:
//! the author preview (`?mode=author`), consultation (`?mode=consult`) and
//! the dashboard (`?mode=dashboard`). This module and the tools' texts
//! (`messages::tools`) are what the `tools` feature adds; the app reaches
//! them only through `Tool` and `ToolScreen`.

mod author;
mod consultation;
mod dashboard;

use leptos::prelude::*;

use crate::query::Query;
use author::Author;
use consultation::Consultation;
use dashboard::Dashboard;

/// A screen of the tools build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Bank authors: paste a bank, see its diagnostics, try it.
    Author,
    /// Support institutions: compare a company's results over time.
    Consult,
    /// Analysts: distributions of many results.
    Dashboard,
}

impl Tool {
    /// The tool this page was opened for (`?mode=author`, `consult` or
    /// `dashboard`), if any.
    pub fn of_page() -> Option<Tool> {
        match Query::of_page().get("mode")?.as_str() {
            "author" => Some(Tool::Author),
            "consult" => Some(Tool::Consult),
            "dashboard" => Some(Tool::Dashboard),
            _ => None,
        }
    }
}

/// The screen of `tool`.
#[component]
pub fn ToolScreen(tool: Tool) -> impl IntoView {
    match tool {
        Tool::Author => view! { <Author /> }.into_any(),
        Tool::Consult => view! { <Consultation /> }.into_any(),
        Tool::Dashboard => view! { <Dashboard /> }.into_any(),
    }
}
