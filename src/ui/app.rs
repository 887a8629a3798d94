//! The root component: owns the state and lays out the list and the reading pane.

use super::reading::ReadingPane;
use super::sidebar::ArticleList;
use crate::store::{Action, AppState};
use std::rc::Rc;
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

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| StateHandle(AppState::with_seeds()));
    let on_select = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::Select(i)))
    };
    let s = &state.0;
    html! {
        <div class="app">
            <header class="masthead">
                <span class="brand">{ "newsmark" }</span>
                <span class="tagline">{ "Several reports of one event, side by side" }</span>
            </header>
            <div class="layout">
                <ArticleList articles={s.articles.clone()} selected={s.selected} {on_select} />
                {
                    match s.selected_article() {
                        Some(a) => html! { <ReadingPane article={a.clone()} /> },
                        None => html! { <main class="reading empty"><p>{ "No article loaded." }</p></main> },
                    }
                }
            </div>
        </div>
    }
}
