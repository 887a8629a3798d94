//! The article list: one entry per loaded article, with its headline and source.

use crate::store::Article;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Vec<Rc<Article>>,
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
                            <span class="source">{ format!("{} · {} claims", a.file, a.analysis.claims.len()) }</span>
                        </button>
                    </li>
                }
            }) }
            </ul>
        </nav>
    }
}
