//! The article list: one entry per loaded article, with its headline, source and claim
//! counts; the reader's own articles can be removed; a running analysis shows its progress.

use crate::store::{Article, Counts};
use std::rc::Rc;
use yew::prelude::*;

/// What the list shows of a running analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct JobView {
    /// Articles being added (0 when the set is analysed again after a removal).
    pub adding: usize,
    pub done: u32,
    pub total: u32,
    pub stage: String,
}

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Vec<Rc<Article>>,
    /// Claim counts of each article, in the same order.
    pub counts: Vec<Counts>,
    pub selected: usize,
    pub job: Option<JobView>,
    pub on_select: Callback<usize>,
    /// Open the dialog for adding articles.
    pub on_add: Callback<()>,
    /// Remove one of the reader's own articles (by content hash).
    pub on_remove: Callback<String>,
    pub on_export: Callback<()>,
    pub on_import: Callback<()>,
    /// How many imported annotations could not be placed.
    pub orphans: usize,
    pub on_orphans: Callback<()>,
}

fn unit(cb: &Callback<()>) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(()))
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let on_add = {
        let cb = props.on_add.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <nav class="articles" aria-label="Articles">
            <div class="panel-head">
                <h2 class="panel-title">{ format!("Articles ({})", props.articles.len()) }</h2>
                <button type="button" class="add-button" onclick={on_add}>{ "+ Add articles" }</button>
            </div>
            if let Some(job) = &props.job {
                <div class="job" role="status">
                    <span>{
                        if job.adding > 0 {
                            format!("Analysing {} new article{}: {}", job.adding, if job.adding == 1 { "" } else { "s" }, job.stage)
                        } else {
                            format!("Updating the analysis: {}", job.stage)
                        }
                    }</span>
                    <progress max={job.total.to_string()} value={job.done.to_string()} aria-label="Analysis progress">
                        { format!("{} of {}", job.done, job.total) }
                    </progress>
                </div>
            }
            <ul>
            { for props.articles.iter().enumerate().map(|(i, a)| {
                let current = i == props.selected;
                let onclick = {
                    let cb = props.on_select.clone();
                    Callback::from(move |_: MouseEvent| cb.emit(i))
                };
                let remove = a.is_own().then(|| {
                    let cb = props.on_remove.clone();
                    let sha = a.sha256.clone();
                    let onclick = Callback::from(move |_: MouseEvent| cb.emit(sha.clone()));
                    html! {
                        <button type="button" class="remove-article" aria-label={format!("Remove “{}”", a.headline())} title="Remove this article" {onclick}>{ "×" }</button>
                    }
                });
                html! {
                    <li class={classes!(a.is_own().then_some("own"))}>
                        <button type="button" class={classes!("article-entry", current.then_some("current"))}
                            aria-current={current.then_some("true")} {onclick}>
                            <span class="headline">{ a.headline() }</span>
                            <span class="source">{ if a.is_own() { format!("{} · added by you", a.file) } else { a.file.clone() } }</span>
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
                        { for remove }
                    </li>
                }
            }) }
            </ul>
            <div class="share-actions" role="group" aria-label="Share annotations">
                <button type="button" onclick={unit(&props.on_export)}>{ "Export annotations…" }</button>
                <button type="button" onclick={unit(&props.on_import)}>{ "Import annotations…" }</button>
                if props.orphans > 0 {
                    <button type="button" class="orphans-button" onclick={unit(&props.on_orphans)}>{ format!("Unplaced annotations ({})", props.orphans) }</button>
                }
            </div>
        </nav>
    }
}
