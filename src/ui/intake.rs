//! Adding the reader's own articles: a dialog to paste text or open files, and the notice
//! shown while files are dragged over the page.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The file types the open dialog offers (others can still be dropped).
pub const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

/// The files of a file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// The `change` handler of a file input: the chosen files go to `cb`, and the input is
/// cleared so that the same file can be chosen again later.
pub fn on_file_input(cb: &Callback<Vec<web_sys::File>>) -> Callback<Event> {
    let cb = cb.clone();
    Callback::from(move |e: Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
        let files = files_of(input.as_ref().and_then(HtmlInputElement::files));
        if !files.is_empty() {
            cb.emit(files);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct AddDialogProps {
    pub on_paste: Callback<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_close: Callback<()>,
}

#[function_component(AddDialog)]
pub fn add_dialog(props: &AddDialogProps) -> Html {
    let area = super::use_focus_on_mount();
    let error = use_state(|| None::<&'static str>);
    let add = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let text = area
                .cast::<HtmlTextAreaElement>()
                .map(|el| el.value())
                .unwrap_or_default();
            if text.trim().is_empty() {
                error.set(Some("Paste the text of an article first."));
            } else {
                on_paste.emit(text);
            }
        })
    };
    let onchange = on_file_input(&props.on_files);
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onkeydown = {
        let cb = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                cb.emit(());
            }
        })
    };
    html! {
        <div class="add-dialog" role="dialog" aria-modal="true" aria-labelledby="add-title" {onkeydown}>
            <h2 id="add-title">{ "Add your own articles" }</h2>
            <label for="paste-area">{ "Paste the text of an article (headline on the first line)" }</label>
            <textarea id="paste-area" ref={area} rows="8" placeholder={"Headline\n\nFirst paragraph…"} />
            if let Some(message) = *error {
                <p class="field-error" role="alert">{ message }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="primary" onclick={add}>{ "Add pasted text" }</button>
                <label class="file-button">
                    <input type="file" class="visually-hidden" multiple=true accept={ACCEPT} {onchange} />
                    <span>{ "Open files…" }</span>
                </label>
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
            <p class="hint">{ "Text (.txt), Markdown (.md) and web pages (.html). You can also drop files anywhere on the page. Web pages are read as text: nothing in them runs or loads." }</p>
        </div>
    }
}
