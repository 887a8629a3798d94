//! The article in a web page: its headline and body text, without the page's chrome.
//!
//! Input is an inert tree of elements and text ([`Node`]), built by a real HTML parser that
//! runs nothing: in the browser `DOMParser` (a document without a browsing context executes
//! no script and loads no image or style), natively html5ever through `scraper`. Only text
//! leaves this module.
//!
//! The body is found the way reader modes find it: schema.org `articleBody` if the page
//! marks it, else the `<article>` (or `<main>`) holding the most paragraph text, else the
//! element whose child paragraphs hold the most text. Navigation, asides, forms, media,
//! hidden elements and blocks whose class or id names sharing, promotion or comments are
//! left out.

/// How deep a tree builder descends. Deeper content becomes a text node of its own text,
/// so that a hostile page cannot exhaust the stack of the functions that walk the tree.
pub const MAX_DEPTH: usize = 256;

/// A node of a parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element: its lower-case tag name, the attributes this module reads, its children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// The attributes that decide what is chrome and what is the title; builders keep only these.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "role",
    "hidden",
    "aria-hidden",
    "itemprop",
    "property",
    "name",
    "content",
    "style",
];

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "picture", "img", "source", "track", "map", "form", "button",
    "input", "select", "textarea", "nav", "aside", "footer", "dialog", "menu", "link", "meta",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "body",
    "html",
];

/// Landmark roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
    "menu",
    "menubar",
];

/// Words in a class or id that mark page chrome. Matched against whole words of the
/// attribute (split at `-`, `_`, space and case changes are not split), so "share-bar"
/// and "related" match but "shareholders" does not.
const CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "sidebar",
    "widget",
    "popup",
    "modal",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "toolbar",
    "skip",
    "visually-hidden",
    "sr-only",
    "hidden",
];

fn is_chrome_name(value: &str) -> bool {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|word| CHROME_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// Whether an element and everything in it is left out. `in_article` is true inside the
/// chosen body, where a `<header>` holds the headline rather than site navigation.
fn is_chrome(e: &Element, in_article: bool) -> bool {
    if SKIPPED.contains(&e.name.as_str()) || (e.name == "header" && !in_article) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| CHROME_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    // The body itself is never chrome, whatever its class says.
    if e.attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        return false;
    }
    e.attr("class").is_some_and(is_chrome_name) || e.attr("id").is_some_and(is_chrome_name)
}

/// All text inside a node, white space as written.
fn text_content(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::Element(e) => e.children.iter().for_each(|c| text_content(c, out)),
    }
}

fn collapsed_text(e: &Element) -> String {
    let mut raw = String::new();
    e.children.iter().for_each(|c| text_content(c, &mut raw));
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every element of the tree that is not inside chrome, in document order.
fn visible_elements<'a>(root: &'a Element, in_article: bool, out: &mut Vec<&'a Element>) {
    for child in root.elements() {
        if is_chrome(child, in_article) {
            continue;
        }
        out.push(child);
        visible_elements(child, in_article || child.name == "article", out);
    }
}

/// How much paragraph prose an element holds directly (its `<p>` children) and one level
/// down (half weight): the measure reader modes use to find the body.
fn paragraph_score(e: &Element) -> usize {
    let prose = |p: &Element| {
        let t = collapsed_text(p);
        let n = t.chars().count();
        if n < 25 {
            0
        } else {
            n + 50 * t.matches(',').count().min(10)
        }
    };
    let mut score = 0;
    for child in e.elements().filter(|c| !is_chrome(c, true)) {
        if child.name == "p" {
            score += prose(child);
        } else {
            score += child
                .elements()
                .filter(|g| g.name == "p")
                .map(prose)
                .sum::<usize>()
                / 2;
        }
    }
    score
}

/// The element that holds the article body.
fn body_of(root: &Element) -> &Element {
    let mut all = Vec::new();
    visible_elements(root, false, &mut all);
    if let Some(e) = all.iter().find(|e| {
        e.attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
    }) {
        return e;
    }
    let total = |e: &Element| {
        let mut inner = Vec::new();
        visible_elements(e, true, &mut inner);
        inner
            .iter()
            .filter(|p| p.name == "p")
            .map(|p| collapsed_text(p).chars().count())
            .sum::<usize>()
    };
    for landmark in [&["article"][..], &["main"][..]] {
        let best = all
            .iter()
            .filter(|e| {
                landmark.contains(&e.name.as_str())
                    || (landmark == ["main"] && e.attr("role") == Some("main"))
            })
            .map(|e| (total(e), *e))
            .max_by_key(|(n, _)| *n);
        if let Some((n, e)) = best {
            if n > 0 {
                return e;
            }
        }
    }
    all.iter()
        .map(|e| (paragraph_score(e), *e))
        .filter(|(s, _)| *s > 0)
        .max_by_key(|(s, _)| *s)
        .map(|(_, e)| e)
        .or_else(|| all.iter().find(|e| e.name == "body").copied())
        .unwrap_or(root)
}

/// Paragraphs of an element's text: blocks start new paragraphs, inline content joins.
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn flush(&mut self) {
        let p = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !p.is_empty() {
            self.done.push(p);
        }
        self.current.clear();
    }

    fn walk(&mut self, e: &Element) {
        for child in &e.children {
            match child {
                Node::Text(t) => self.current.push_str(t),
                Node::Element(c) if is_chrome(c, true) => {}
                Node::Element(c) if c.name == "br" => self.flush(),
                Node::Element(c) if c.name == "figure" => {
                    // Of a figure only its caption is prose.
                    for cap in c.elements().filter(|f| f.name == "figcaption") {
                        self.flush();
                        self.walk(cap);
                        self.flush();
                    }
                }
                Node::Element(c) if BLOCKS.contains(&c.name.as_str()) => {
                    self.flush();
                    self.walk(c);
                    self.flush();
                }
                Node::Element(c) => {
                    self.walk(c);
                    if matches!(c.name.as_str(), "td" | "th") {
                        self.current.push(' ');
                    }
                }
            }
        }
    }
}

fn find<'a>(e: &'a Element, pred: &dyn Fn(&Element) -> bool) -> Option<&'a Element> {
    for child in e.elements() {
        if pred(child) {
            return Some(child);
        }
        if let Some(found) = find(child, pred) {
            return Some(found);
        }
    }
    None
}

/// The headline: the body's `<h1>`, else the page's first `<h1>` outside chrome, else its
/// `og:title`, else the `<title>` without a trailing " | Site name".
fn headline(root: &Element, body: &Element) -> Option<String> {
    let h1 = |e: &Element| e.name == "h1";
    if let Some(h) = find(body, &h1) {
        return Some(collapsed_text(h));
    }
    let mut all = Vec::new();
    visible_elements(root, true, &mut all);
    if let Some(h) = all.iter().find(|e| e.name == "h1") {
        return Some(collapsed_text(h));
    }
    if let Some(og) = find(root, &|e| {
        e.name == "meta" && e.attr("property") == Some("og:title")
    })
    .and_then(|m| m.attr("content"))
    {
        return Some(og.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let title = collapsed_text(find(root, &|e| e.name == "title")?);
    let first = [" | ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| title.split_once(sep).map(|(a, _)| a.trim().to_string()));
    Some(
        first
            .filter(|f| f.split_whitespace().count() >= 3)
            .unwrap_or(title),
    )
}

/// The article of a parsed page as plain text: headline, a blank line, then the body's
/// paragraphs separated by blank lines.
pub fn article_text(document: &Node) -> String {
    let root = match document {
        Node::Element(e) => e,
        Node::Text(t) => return super::normalise_text(t),
    };
    let body = body_of(root);
    let title = headline(root, body).filter(|t| !t.is_empty());
    let mut paragraphs = Paragraphs {
        done: Vec::new(),
        current: String::new(),
    };
    paragraphs.walk(body);
    paragraphs.flush();
    let mut out: Vec<String> = Vec::new();
    if let Some(t) = &title {
        out.push(t.clone());
    }
    out.extend(
        paragraphs
            .done
            .into_iter()
            .filter(|p| Some(p) != title.as_ref()),
    );
    super::normalise_text(&out.join("\n\n"))
}

/// Parse HTML into a [`Node`] tree with html5ever (natively; the browser uses `DOMParser`).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(html: &str) -> Node {
    let doc = scraper::Html::parse_document(html);
    Node::Element(build(doc.root_element(), 0))
}

#[cfg(not(target_arch = "wasm32"))]
fn build(el: scraper::ElementRef<'_>, depth: usize) -> Element {
    let value = el.value();
    let attrs = KEPT_ATTRIBUTES
        .iter()
        .filter_map(|k| value.attr(k).map(|v| (k.to_string(), v.to_string())))
        .collect();
    let mut children = Vec::new();
    for child in el.children() {
        if let Some(e) = scraper::ElementRef::wrap(child) {
            if depth + 1 >= MAX_DEPTH {
                children.push(Node::Text(e.text().collect()));
            } else {
                children.push(Node::Element(build(e, depth + 1)));
            }
        } else if let Some(t) = child.value().as_text() {
            children.push(Node::Text(t.to_string()));
        }
    }
    Element {
        name: value.name().to_ascii_lowercase(),
        attrs,
        children,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        article_text(&parse(html))
    }

    #[test]
    fn picks_the_article_out_of_page_chrome() {
        let page = r#"<!doctype html><html><head><title>Storm hits coast | The Daily</title>
            <script>document.write("evil")</script><style>p{}</style></head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <div class="share-bar"><a>Share on Facebook</a></div>
            <article><header><h1>Storm hits coast</h1><p class="byline">By Ann Lee</p></header>
              <p>The storm reached the coast on Monday, officials said, with winds of 120 km/h.</p>
              <figure><img src="x.jpg" alt="Waves"><figcaption>Waves at the harbour.</figcaption></figure>
              <p>Mayor Jo Park said: “We are ready.”<br>Schools stay closed.</p>
              <aside><p>Related: another story you might like to read today.</p></aside>
              <p hidden>Hidden text that nobody sees on the page at all.</p>
            </article>
            <section class="comments"><p>Great article, thanks for writing it up!</p></section>
            <footer>© The Daily</footer></body></html>"#;
        assert_eq!(
            text(page),
            "Storm hits coast\n\nBy Ann Lee\n\nThe storm reached the coast on Monday, officials said, with winds of 120 km/h.\n\nWaves at the harbour.\n\nMayor Jo Park said: “We are ready.”\n\nSchools stay closed."
        );
    }

    #[test]
    fn without_landmarks_the_densest_paragraphs_win() {
        let page = r#"<html><body><div id="top"><p>Menu text</p></div>
            <div class="content"><p>First paragraph of the story, long enough to count as prose.</p>
            <p>Second paragraph, also long enough, with a comma, and another.</p></div>
            <div><p>Short.</p></div></body></html>"#;
        assert_eq!(
            text(page),
            "First paragraph of the story, long enough to count as prose.\n\nSecond paragraph, also long enough, with a comma, and another."
        );
    }

    #[test]
    fn title_falls_back_to_the_page_title() {
        let page = "<html><head><title>Floods close schools in the north - Example News</title></head><body><main><p>Rivers rose overnight across the north of the country.</p></main></body></html>";
        assert_eq!(text(page), "Floods close schools in the north\n\nRivers rose overnight across the north of the country.");
    }

    #[test]
    fn article_body_markup_is_preferred() {
        let page = r#"<html><body><h1>Vote delayed</h1><div class="promo"><p>Subscribe now for only one euro a month, cancel anytime.</p></div>
            <div itemprop="articleBody"><p>The vote was delayed by a week, the speaker said.</p></div></body></html>"#;
        assert_eq!(
            text(page),
            "Vote delayed\n\nThe vote was delayed by a week, the speaker said."
        );
    }

    #[test]
    fn class_words_match_whole_words_only() {
        assert!(is_chrome_name("share-bar"));
        assert!(is_chrome_name("c-related_links"));
        assert!(!is_chrome_name("shareholders"));
        assert!(!is_chrome_name("article-body"));
    }

    #[test]
    fn deep_nesting_is_cut_off_not_overflowed() {
        let depth = 5000;
        let page = format!("<html><body><article><p>Deep text starts here and keeps going.</p>{}<b>bottom</b>{}</article></body></html>", "<span>".repeat(depth), "</span>".repeat(depth));
        let out = text(&page);
        assert!(out.contains("Deep text starts here"), "{out}");
        assert!(out.contains("bottom"), "{out}");
    }
}
