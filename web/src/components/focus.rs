//! Where the focus (or the view) goes when the page changes under the
//! user: the current screen's heading after a page turn, the main region
//! when what had the focus is gone, the question a reload returns to.
//! Each is a `Target` that the element showing it fills through its
//! `node_ref` attribute, so nothing looks elements up by id.

use leptos::html::ElementType;
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;

/// An element the page moves to: a `node_ref` container for any kind of
/// element. One type serves headings, the main region and fieldsets alike,
/// where each `NodeRef<E>` would add its own reactive code to the first
/// load (about half a kilobyte of gzip each). The default target holds
/// nothing and ignores what it is given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Target(Option<StoredValue<Option<web_sys::Element>, LocalStorage>>);

impl Target {
    /// A target that keeps the element it is attached to.
    pub fn new() -> Target {
        Target(Some(StoredValue::new_local(None)))
    }

    /// The element last attached, if any.
    pub fn element(self) -> Option<web_sys::HtmlElement> {
        self.0?.try_get_value()??.dyn_into().ok()
    }
}

impl<E: ElementType> NodeRefContainer<E> for Target {
    fn load(self, element: &web_sys::Element) {
        if let Some(stored) = self.0 {
            stored.set_value(Some(element.clone()));
        }
    }
}

/// The page's focus targets.
#[derive(Debug, Clone, Copy)]
pub struct Focus {
    /// The heading of the screen shown (`tabindex="-1"`).
    pub heading: Target,
    /// The main region.
    pub main: Target,
}

impl Focus {
    /// Targets not yet attached to any element.
    pub fn new() -> Focus {
        Focus {
            heading: Target::new(),
            main: Target::new(),
        }
    }

    /// Moves keyboard and screen-reader focus to the heading of the screen
    /// shown once it is drawn, leaving the page at its top: focusing would
    /// otherwise scroll the heading up under the sticky progress bar,
    /// hiding the bank's intro above it.
    pub fn to_heading(self) {
        request_animation_frame(move || {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(heading) = self.heading.element() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
        });
    }
}
