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
    document.body().expect("body").append_child(&root).expect("append root");
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
    assert_eq!(h1, vec!["Putin to Witkoff: “No compromise” on occupied Ukraine".to_string()]);
    let body = root.text_content().unwrap_or_default();
    assert!(body.contains("held five hours of talks in Moscow"));
    // Page chrome is folded away, not shown as prose.
    assert!(texts(&root, "main article > p").iter().all(|p| p != "Share post:"));
}

#[wasm_bindgen_test]
async fn selecting_an_article_shows_its_text() {
    let root = mount().await;
    let buttons = root.query_selector_all("nav button").expect("selector");
    let third: HtmlElement = buttons.item(2).expect("third entry").dyn_into().expect("button");
    third.click();
    yew::scheduler::flush().await;
    let h1 = texts(&root, "main h1");
    assert_eq!(h1, vec!["No Compromise on Occupied Territories After Poutine-Witkoff Meeting".to_string()]);
    assert!(root.text_content().unwrap_or_default().contains("Iouri Ouchakov"));
    assert_eq!(third.get_attribute("aria-current").as_deref(), Some("true"));
}
