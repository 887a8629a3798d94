//! The root component: owns the state, runs the side effects (storage, keyboard, focus)
//! and lays out the list and the reading pane.

use super::entities::EntityPanel;
use super::reading::ReadingPane;
use super::sidebar::ArticleList;
use crate::platform::{now_ms, LocalStorage};
use crate::store::tags::{self, ArticleTags, MemoryStorage, Storage, Verdict};
use crate::store::entity_index::entity_index;
use crate::store::{Action, AppState, Filter, MarkKind};
use gloo::events::EventListener;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Yew glue for the pure reducer.
#[derive(Debug, Clone, PartialEq)]
pub struct StateHandle(pub AppState);

impl Reducible for StateHandle {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(StateHandle(self.0.apply(action)))
    }
}

/// The storage in use: `localStorage`, or memory when the browser refuses it.
fn open_storage() -> (Rc<dyn Storage>, Option<String>) {
    match LocalStorage::open() {
        Ok(s) => (Rc::new(s), None),
        Err(e) => (Rc::new(MemoryStorage::default()), Some(e.to_string())),
    }
}

/// Whether a key event comes from a place where letters are typed.
fn typing_into_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable"))
}

/// The action a key press asks for, given the focused claim's id.
fn key_action(e: &KeyboardEvent, focused_claim: Option<String>) -> Option<Action> {
    if e.alt_key() || e.meta_key() {
        return None;
    }
    let key = e.key();
    if e.ctrl_key() {
        return match key.as_str() {
            "z" | "Z" if e.shift_key() => Some(Action::Redo),
            "z" => Some(Action::Undo),
            "y" => Some(Action::Redo),
            _ => None,
        };
    }
    let verdict = |v: Option<Verdict>| focused_claim.clone().map(|claim| Action::SetVerdict { claim, verdict: v, at: now_ms() });
    match key.as_str() {
        "?" => Some(Action::ToggleHelp),
        "n" if focused_claim.is_some() => Some(Action::EditNote),
        "j" | "ArrowDown" => Some(Action::FocusNext),
        "k" | "ArrowUp" => Some(Action::FocusPrevious),
        "c" => verdict(Some(Verdict::Confirmed)),
        "d" => verdict(Some(Verdict::Disputed)),
        "x" => verdict(None),
        _ => None,
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| StateHandle(AppState::with_seeds()));
    let storage = use_memo((), |_| open_storage());

    // Load every article's stored tags once.
    {
        let state = state.clone();
        let storage = storage.clone();
        use_effect_with((), move |_| {
            let (store, blocked) = &*storage;
            if let Some(message) = blocked {
                state.dispatch(Action::StorageProblem { sha: None, message: message.clone(), lock: false });
            }
            for article in &state.0.articles {
                match tags::load(store.as_ref(), &article.sha256) {
                    Ok(t) => state.dispatch(Action::TagsLoaded { sha: article.sha256.clone(), tags: t }),
                    Err(e) => state.dispatch(Action::StorageProblem { sha: Some(article.sha256.clone()), message: e.to_string(), lock: true }),
                }
            }
        });
    }

    // Save the tags of each article whose tags changed; never over unreadable data.
    {
        let saved = use_mut_ref(HashMap::<String, ArticleTags>::new);
        let state = state.clone();
        let storage = storage.clone();
        use_effect_with(state.0.tags.clone(), move |all| {
            let (store, _) = &*storage;
            let mut saved = saved.borrow_mut();
            for (sha, current) in all.iter() {
                if saved.get(sha) == Some(current) || state.0.locked.contains(sha) {
                    continue;
                }
                if !saved.contains_key(sha) && current.is_empty() {
                    saved.insert(sha.clone(), current.clone());
                    continue;
                }
                match tags::save(store.as_ref(), sha, current) {
                    Ok(()) => {
                        saved.insert(sha.clone(), current.clone());
                    }
                    Err(e) => {
                        state.dispatch(Action::StorageProblem { sha: None, message: e.to_string(), lock: false });
                        break;
                    }
                }
            }
        });
    }

    // Tags changed in another tab of this browser (the `storage` event).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
                let Some(key) = e.key() else { return };
                let Some(sha) = tags::article_of_key(&key) else { return };
                let parsed = match e.new_value() {
                    Some(raw) => tags::decode(&key, &raw),
                    None => Ok(ArticleTags::new()),
                };
                match parsed {
                    Ok(t) => state.dispatch(Action::TagsChangedElsewhere { sha: sha.to_string(), tags: t }),
                    Err(err) => state.dispatch(Action::StorageProblem { sha: Some(sha.to_string()), message: err.to_string(), lock: true }),
                }
            });
            move || drop(listener)
        });
    }

    // Keyboard shortcuts for the whole page: one listener, reading the latest state when a
    // key is pressed (a listener re-made after each render could see a stale focus), and
    // not passive, so the keys it handles do not also scroll the page.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
                let state = latest.borrow().clone();
                if e.key() == "Escape" {
                    state.dispatch(Action::CancelNote);
                    if state.0.help_open {
                        state.dispatch(Action::ToggleHelp);
                    }
                    return;
                }
                if typing_into_field(e) {
                    return;
                }
                let focused_claim = state
                    .0
                    .selected_article()
                    .and_then(|a| state.0.focused.and_then(|i| a.analysis.claims.get(i)))
                    .map(|c| c.id.clone());
                if let Some(action) = key_action(e, focused_claim) {
                    e.prevent_default();
                    state.dispatch(action);
                }
            });
            move || drop(listener)
        });
    }

    // Move the keyboard focus to the focused claim.
    {
        let focused = state.0.focused;
        let selected = state.0.selected;
        use_effect_with((focused, selected), move |(focused, _)| {
            if let Some(i) = focused {
                let selector = format!("[data-claim-index=\"{i}\"]");
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }

    let s = &state.0;
    let on_select = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::Select(i)))
    };
    let on_focus = {
        let state = state.clone();
        Callback::from(move |i: usize| {
            if state.0.focused != Some(i) {
                state.dispatch(Action::Focus(i));
            }
        })
    };
    let on_verdict = {
        let state = state.clone();
        Callback::from(move |(claim, verdict): (String, Option<Verdict>)| {
            state.dispatch(Action::SetVerdict { claim, verdict, at: now_ms() });
        })
    };
    let on_note = {
        let state = state.clone();
        Callback::from(move |(claim, note): (String, String)| {
            state.dispatch(Action::SetNote { claim, note, at: now_ms() });
        })
    };
    let on_cancel_note = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::CancelNote))
    };
    let on_edit_note = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::EditNote))
    };
    let on_filter = {
        let state = state.clone();
        Callback::from(move |f: Filter| state.dispatch(Action::SetFilter(f)))
    };
    let on_help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleHelp))
    };
    let on_toggle_marks = {
        let state = state.clone();
        Callback::from(move |kind: MarkKind| state.dispatch(Action::ToggleMarks(kind)))
    };
    let on_highlight = {
        let state = state.clone();
        Callback::from(move |name: String| state.dispatch(Action::Highlight(name)))
    };
    let groups = {
        let articles = state.0.articles.clone();
        use_memo(articles, |articles| entity_index(articles))
    };
    let article_labels: Vec<String> = (1..=state.0.articles.len()).map(|i| i.to_string()).collect();
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotice))
    };
    let counts: Vec<_> = s.articles.iter().map(|a| s.counts(a)).collect();
    html! {
        <div class="app">
            <header class="masthead">
                <span class="brand">{ "newsmark" }</span>
                <span class="tagline">{ "Several reports of one event, side by side" }</span>
                <button type="button" class="help-button" onclick={on_help.clone()} aria-expanded={s.help_open.to_string()}>{ "Keyboard shortcuts (?)" }</button>
            </header>
            if s.help_open {
                <div class="help" role="dialog" aria-label="Keyboard shortcuts">
                    <dl>
                        <dt>{ "j / ↓" }</dt><dd>{ "next claim" }</dd>
                        <dt>{ "k / ↑" }</dt><dd>{ "previous claim" }</dd>
                        <dt>{ "c" }</dt><dd>{ "confirm the claim" }</dd>
                        <dt>{ "d" }</dt><dd>{ "dispute the claim" }</dd>
                        <dt>{ "x" }</dt><dd>{ "clear the verdict" }</dd>
                        <dt>{ "n" }</dt><dd>{ "write a note on the claim" }</dd>
                        <dt>{ "ctrl+z / ctrl+shift+z" }</dt><dd>{ "undo / redo" }</dd>
                        <dt>{ "?" }</dt><dd>{ "show or hide this list" }</dd>
                        <dt>{ "Esc" }</dt><dd>{ "close this list or the note editor" }</dd>
                    </dl>
                    <button type="button" onclick={on_help}>{ "Close" }</button>
                </div>
            }
            if let Some(message) = &s.notice {
                <div class="notice" role="alert">
                    <span>{ message.clone() }</span>
                    <button type="button" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <div class="layout">
                <ArticleList articles={s.articles.clone()} {counts} selected={s.selected} {on_select} />
                <EntityPanel {groups} {article_labels} highlighted={s.highlighted.clone()} {on_highlight} />
                {
                    match s.selected_article() {
                        Some(a) => {
                            let tags: Rc<ArticleTags> = Rc::new(s.tags.get(&a.sha256).cloned().unwrap_or_default());
                            html! {
                                <ReadingPane article={a.clone()} {tags} focused={s.focused} filter={s.filter}
                                    editing_note={s.editing_note.clone()} highlighted={s.highlighted.clone()} hidden_marks={s.hidden_marks.clone()} {on_toggle_marks} {on_focus} {on_verdict} {on_note} {on_cancel_note} {on_edit_note} {on_filter} />
                            }
                        }
                        None => html! { <main class="reading empty"><p>{ "No article loaded." }</p></main> },
                    }
                }
            </div>
        </div>
    }
}
