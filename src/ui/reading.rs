//! The reading pane: the selected article as readable typography.
//!
//! Article text is untrusted: it is only ever rendered as text nodes, never as markup.

use crate::analysis::layout::BlockKind;
use crate::store::Article;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub article: Rc<Article>,
}

#[function_component(ReadingPane)]
pub fn reading_pane(props: &ReadingPaneProps) -> Html {
    let a = &props.article;
    let folded = a.analysis.boilerplate.len();
    html! {
        <main class="reading" aria-label="Article">
            <article>
                <h1>{ a.headline() }</h1>
                <p class="byline">{ format!("{} · {} claims", a.file, a.analysis.claims.len()) }</p>
                { for a.analysis.content_blocks().filter(|b| b.kind != BlockKind::Title).map(|b| {
                    let text = b.span.slice(&a.text).unwrap_or("").to_string();
                    match b.kind {
                        BlockKind::Subheading => html! { <h2>{ text }</h2> },
                        BlockKind::Standfirst => html! { <p class="standfirst">{ text }</p> },
                        BlockKind::Caption => html! { <p class="caption">{ text }</p> },
                        _ => html! { <p>{ text }</p> },
                    }
                }) }
                if folded > 0 {
                    <details class="boilerplate">
                        <summary>{ format!("Page chrome folded away ({folded} lines)") }</summary>
                        <ul>
                        { for a.analysis.boilerplate.iter().map(|s| html! {
                            <li>{ s.slice(&a.text).unwrap_or("").to_string() }</li>
                        }) }
                        </ul>
                    </details>
                }
            </article>
        </main>
    }
}
