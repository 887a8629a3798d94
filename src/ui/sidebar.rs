//! The article list: one entry per loaded article, with its headline and source.

use crate::store::{Article, Counts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Vec<Rc<Article>>,
    /// Claim counts of each article, in the same order.
    pub counts: Vec<Counts>,
    pub selected: usize,
    pub on_select: Callback<usize>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    html! {
        <nav class="articles" aria-label="Articles">
            <h2 class="panel-title">{ format!("Articles ({})", props.articles.len()) }</h2>
            <ul>
            { for props.articles.iter().enumerate().map(|(i, a)| {
                let current = i == props.selected;
                let onclick = {
                    let cb = props.on_select.clone();
                    Callback::from(move |_: MouseEvent| cb.emit(i))
                };
                html! {
                    <li>
                        <button type="button" class={classes!("article-entry", current.then_some("current"))}
                            aria-current={current.then_some("true")} {onclick}>
                            <span class="headline">{ a.headline() }</span>
                            <span class="source">{ a.file.clone() }</span>
                            {
                                match props.counts.get(i) {
                                    Some(c) => html! {
                                        <span class="counts">
                                            <span class="count confirmed">{ format!("✓ {} confirmed", c.confirmed) }</span>
                                            <span class="count disputed">{ format!("✗ {} disputed", c.disputed) }</span>
                                            <span class="count open">{ format!("{} open", c.open) }</span>
                                        </span>
                                    },
                                    None => html! {},
                                }
                            }
                        </button>
                    </li>
                }
            }) }
            </ul>
        </nav>
    }
}
