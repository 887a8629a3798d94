//! Web pages parsed by the browser's own `DOMParser`, which builds an inert document: it
//! has no browsing context, so no script in it runs and nothing it names is fetched.
//! The document is copied into [`crate::ingest::html::Node`] for the article extraction.

use crate::ingest::html::{Element, Node, KEPT_ATTRIBUTES, MAX_DEPTH};
use wasm_bindgen::JsCast;

/// Parse a page. Fails only if the browser has no `DOMParser`.
pub fn parse(html: &str) -> Result<Node, String> {
    let parser = web_sys::DomParser::new()
        .map_err(|_| "this browser cannot parse HTML files".to_string())?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .map_err(|_| "this browser could not parse the HTML".to_string())?;
    let root = doc
        .document_element()
        .ok_or_else(|| "the HTML has no document element".to_string())?;
    Ok(Node::Element(build(&root, 0)))
}

fn build(el: &web_sys::Element, depth: usize) -> Element {
    let attrs = KEPT_ATTRIBUTES
        .iter()
        .filter_map(|k| el.get_attribute(k).map(|v| (k.to_string(), v)))
        .collect();
    let mut children = Vec::new();
    let nodes = el.child_nodes();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let Ok(child) = node.dyn_into::<web_sys::Element>() else {
                    continue;
                };
                if depth + 1 >= MAX_DEPTH {
                    children.push(Node::Text(child.text_content().unwrap_or_default()));
                } else {
                    children.push(Node::Element(build(&child, depth + 1)));
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                children.push(Node::Text(node.node_value().unwrap_or_default()));
            }
            _ => {}
        }
    }
    Element {
        name: el.tag_name().to_ascii_lowercase(),
        attrs,
        children,
    }
}
