//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted in a real DOM.
#![cfg(target_arch = "wasm32")]
// A failed expectation in a test is a test failure, which is what a panic reports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use newsmark::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn lists_the_five_seed_headlines_and_shows_the_first_article() {
    let root = mount().await;
    let headlines = texts(&root, "nav .headline");
    assert_eq!(headlines.len(), 5, "{headlines:?}");
    assert!(headlines.iter().any(|h| h.contains("Poutine-Witkoff")));
    let h1 = texts(&root, "main h1");
    assert_eq!(
        h1,
        vec!["Putin to Witkoff: “No compromise” on occupied Ukraine".to_string()]
    );
    let body = root.text_content().unwrap_or_default();
    assert!(body.contains("held five hours of talks in Moscow"));
    // Page chrome is folded away, not shown as prose.
    assert!(texts(&root, "main article > p")
        .iter()
        .all(|p| p != "Share post:"));
}

#[wasm_bindgen_test]
async fn selecting_an_article_shows_its_text() {
    let root = mount().await;
    let buttons = root
        .query_selector_all("nav button.article-entry")
        .expect("selector");
    let third: HtmlElement = buttons
        .item(2)
        .expect("third entry")
        .dyn_into()
        .expect("button");
    third.click();
    yew::scheduler::flush().await;
    let h1 = texts(&root, "main h1");
    assert_eq!(
        h1,
        vec!["No Compromise on Occupied Territories After Poutine-Witkoff Meeting".to_string()]
    );
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("Iouri Ouchakov"));
    assert_eq!(third.get_attribute("aria-current").as_deref(), Some("true"));
}

/// The browser's DOMParser builds the tree the article extraction reads, and nothing in
/// the page runs: not a script, not an error handler of an image that cannot load.
#[wasm_bindgen_test]
async fn web_pages_are_parsed_inertly_by_the_browser() {
    let page = r#"<html><head><title>Vote delayed | Example</title><script>window.__ran = 1</script></head>
        <body><nav><a href="/">Home</a></nav><img src="data:," onerror="window.__ran = 2">
        <article><h1>Vote delayed</h1><p>The vote was delayed by a week, the speaker said on Monday.</p></article>
        <footer>© Example</footer></body></html>"#;
    let tree = newsmark::platform::html::parse(page).expect("DOMParser");
    let article = newsmark::ingest::from_html("page.html", &tree).expect("an article");
    assert_eq!(
        article.text,
        "Vote delayed\n\nThe vote was delayed by a week, the speaker said on Monday."
    );
    let later = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(later)
        .await
        .expect("timer fired");
    let ran = js_sys::Reflect::get(&gloo::utils::window(), &"__ran".into()).expect("read");
    assert!(ran.is_undefined(), "something in the page ran: {ran:?}");
}

/// On wasm32 a position is 32 bits: an imported position past that is refused with a
/// message, never cut down to a small one that would land on a wrong sentence.
#[wasm_bindgen_test]
fn imported_positions_beyond_32_bits_are_refused_not_truncated() {
    let file = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "disputed"},
        "target": {"source": "urn:x:story", "selector": [
            {"type": "TextQuoteSelector", "exact": "A sentence."},
            {"type": "TextPositionSelector", "start": 4294967301, "end": 4294967310}]}}"#;
    let err = newsmark::annotation::import::parse(file)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("4294967301 characters is more than any article"),
        "{err:?}"
    );
}
