//! The entities panel: every entity across the loaded articles, grouped by canonical name,
//! with its spellings and mentions per article. Choosing one highlights its mentions.

use crate::store::entity_index::EntityGroup;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub groups: Rc<Vec<EntityGroup>>,
    /// Short labels of the articles, in order ("1", "2", …).
    pub article_labels: Vec<String>,
    pub highlighted: Option<String>,
    pub on_highlight: Callback<String>,
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    html! {
        <section class="entities-panel" aria-label="Entities">
            <details open=true>
                <summary class="panel-title">{ format!("Entities ({})", props.groups.len()) }</summary>
                <ul>
                { for props.groups.iter().map(|g| {
                    let selected = props.highlighted.as_deref() == Some(g.canonical.as_str());
                    let onclick = {
                        let cb = props.on_highlight.clone();
                        let name = g.canonical.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(name.clone()))
                    };
                    let spellings = g.spellings.iter().map(|(s, n)| format!("{s} ×{n}")).collect::<Vec<_>>().join(", ");
                    let per_article = g
                        .per_article
                        .iter()
                        .zip(&props.article_labels)
                        .filter(|(n, _)| **n > 0)
                        .map(|(n, l)| format!("{l}: {n}"))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    html! {
                        <li>
                            <button type="button" class={classes!("entity-entry", g.kind.label())} aria-pressed={selected.to_string()} {onclick}>
                                <span class="entity-name">{ g.canonical.clone() }</span>
                                <span class="entity-meta">{ format!("{} · {} mentions", g.kind.label(), g.total) }</span>
                                <span class="entity-meta">{ format!("as {spellings}") }</span>
                                <span class="entity-meta">{ format!("articles {per_article}") }</span>
                            </button>
                        </li>
                    }
                }) }
                </ul>
            </details>
        </section>
    }
}
