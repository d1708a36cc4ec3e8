//! A few lines of DOM building, as data. A view is built here as a tree in
//! JSON text and handed to the loader (`www/readiness-check.js`), which
//! creates the elements with `createElement`, `setAttribute` and text nodes
//! (`append(string)`), never from markup: a questionnaire or a share link
//! cannot inject HTML.
//!
//! Why not web-sys calls per element: each binding costs WebAssembly and
//! glue, and a view takes hundreds of calls; one string per view is both
//! smaller and faster.
//!
//! An element is `["tag", {"name": "value", …}, child, …]`, each child a
//! string (a text node) or another element. Elements inside an `svg` are
//! created in the SVG namespace, as the HTML parser would.

use readiness_core::json::push_string;

/// An element under construction. Boxed: the builder passes it by value
/// through every call, and a pointer is far less code to move than the
/// strings themselves.
pub struct El(Box<Node>);

/// The tag and attributes, and apart, the children, so attributes and
/// children may be added in any order.
struct Node {
    head: String,
    body: String,
}

/// A new element.
pub fn el(tag: &str) -> El {
    let mut head = String::from("[");
    push_string(&mut head, tag);
    head.push_str(",{");
    El(Box::new(Node {
        head,
        body: String::new(),
    }))
}

impl El {
    pub fn attr(mut self, name: &str, value: &str) -> El {
        if !self.0.head.ends_with('{') {
            self.0.head.push(',');
        }
        push_string(&mut self.0.head, name);
        self.0.head.push(':');
        push_string(&mut self.0.head, value);
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

    pub fn text(mut self, text: &str) -> El {
        self.0.body.push(',');
        push_string(&mut self.0.body, text);
        self
    }

    pub fn child(mut self, child: El) -> El {
        self.0.body.push(',');
        child.write(&mut self.0.body);
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = El>) -> El {
        for child in children {
            self = self.child(child);
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

    /// Appends the element's JSON to `out`.
    pub fn write(self, out: &mut String) {
        out.push_str(&self.0.head);
        out.push('}');
        out.push_str(&self.0.body);
        out.push(']');
    }
}
