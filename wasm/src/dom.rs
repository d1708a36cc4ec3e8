//! A few lines of DOM building. Text always goes in as text nodes
//! (`ParentNode.append(string)`), never as markup: a questionnaire or a
//! share link cannot inject HTML.

use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element};

thread_local! {
    static DOCUMENT: Document = web_sys::window().unwrap_throw().document().unwrap_throw();
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// An element under construction.
pub struct El(pub Element);

/// A new HTML element.
pub fn el(tag: &str) -> El {
    El(DOCUMENT.with(|doc| doc.create_element(tag)).unwrap_throw())
}

/// A new SVG element.
pub fn svg(tag: &str) -> El {
    El(DOCUMENT
        .with(|doc| doc.create_element_ns(Some(SVG), tag))
        .unwrap_throw())
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        // Names are constants of this crate, so this cannot fail.
        self.0.set_attribute(name, value).unwrap_throw();
        self
    }

    pub fn class(self, value: &str) -> El {
        self.attr("class", value)
    }

    /// Adds `name` (e.g. `checked`, `hidden`) when `on`.
    pub fn flag(self, name: &str, on: bool) -> El {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    pub fn text(self, text: &str) -> El {
        self.0.append_with_str_1(text).unwrap_throw();
        self
    }

    pub fn child(self, child: El) -> El {
        self.0.append_with_node_1(&child.0).unwrap_throw();
        self
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            self.0.append_with_node_1(&child.0).unwrap_throw();
        }
        self
    }

    /// Adds a child only if there is one.
    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }
}

/// The nearest element at or above the event target that matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}
