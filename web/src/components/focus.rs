//! Where the focus goes when the page changes under the user: the current
//! screen's heading after a page turn, and the main region when what had
//! the focus is gone. The app holds both as `NodeRef`s in context and the
//! screens attach them to their elements, so nothing looks elements up by
//! id.

use leptos::html::{H2, Main};
use leptos::prelude::*;

/// The page's focus targets.
#[derive(Debug, Clone, Copy)]
pub struct Focus {
    /// The heading of the screen shown (`tabindex="-1"`).
    pub heading: NodeRef<H2>,
    /// The main region.
    pub main: NodeRef<Main>,
}

impl Focus {
    /// New targets, provided to everything drawn below the caller.
    pub fn provide() -> Focus {
        let focus = Focus {
            heading: NodeRef::new(),
            main: NodeRef::new(),
        };
        provide_context(focus);
        focus
    }

    /// Moves keyboard and screen-reader focus to the heading of the screen
    /// shown once it is drawn, leaving the page at its top: focusing would
    /// otherwise scroll the heading up under the sticky progress bar,
    /// hiding the bank's intro above it.
    pub fn to_heading(self) {
        request_animation_frame(move || {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(heading) = self.heading.get_untracked() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
        });
    }
}

/// The app's focus targets. Like the session, the app provides them before
/// anything is drawn, so their absence is a programming error.
pub fn use_focus() -> Focus {
    expect_context::<Focus>()
}
