//! Sharing annotations: the export dialog, the import dialog with its preview and conflict
//! choices, and the list of annotations that could not be placed.

use super::intake::on_file_input;
use crate::annotation::plan::{Orphan, Plan};
use crate::annotation::timestamps::to_date;
use crate::annotation::{Tag, Verdict};
use crate::text::shorten;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The annotation files the open dialog offers.
pub const ACCEPT: &str = ".json,.jsonld,application/json,application/ld+json";

/// Whether a dropped file is an annotation file rather than an article.
pub fn is_annotation_file(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".json") || lower.ends_with(".jsonld")
}

/// What the export dialog is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Download,
    Copy,
    ClaimReview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    /// All articles, or only the one being read.
    pub all: bool,
    pub embed_texts: bool,
    pub kind: ExportKind,
}

#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    /// The headline of the article being read.
    pub article: Option<String>,
    /// Tagged claims in that article, and in all of them (with the unplaced annotations).
    pub tagged_here: usize,
    pub tagged_all: usize,
    pub name: String,
    /// The outcome of the last export, for `role="status"`.
    pub status: Option<String>,
    pub on_export: Callback<ExportRequest>,
    pub on_name: Callback<String>,
    pub on_close: Callback<()>,
}

fn close_on_escape(cb: &Callback<()>) -> Callback<KeyboardEvent> {
    let cb = cb.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            cb.emit(());
        }
    })
}

fn emit_unit(cb: &Callback<()>) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(()))
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportDialogProps) -> Html {
    let all = use_state(|| props.article.is_none());
    let embed = use_state(|| false);
    let first = super::use_focus_on_mount();
    let request = |kind: ExportKind| {
        let (all, embed, cb) = (all.clone(), embed.clone(), props.on_export.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(ExportRequest {
                all: *all,
                embed_texts: *embed,
                kind,
            })
        })
    };
    let set_scope = |value: bool| {
        let all = all.clone();
        Callback::from(move |_: Event| all.set(value))
    };
    let on_embed = {
        let embed = embed.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                embed.set(input.checked());
            }
        })
    };
    let on_name = {
        let cb = props.on_name.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                cb.emit(input.value());
            }
        })
    };
    let count = if *all {
        props.tagged_all
    } else {
        props.tagged_here
    };
    html! {
        <div class="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" onkeydown={close_on_escape(&props.on_close)}>
            <h2 id="export-title">{ "Export annotations" }</h2>
            <fieldset class="choices">
                <legend>{ "What to export" }</legend>
                if let Some(article) = &props.article {
                    <label><input type="radio" name="export-scope" ref={first.clone()} checked={!*all} onchange={set_scope(false)} />
                        { format!(" This article: “{article}” ({} tagged)", props.tagged_here) }</label>
                }
                <label><input type="radio" name="export-scope" checked={*all} onchange={set_scope(true)} />
                    { format!(" All articles ({} annotation{})", props.tagged_all, if props.tagged_all == 1 { "" } else { "s" }) }</label>
                <label><input type="checkbox" checked={*embed} onchange={on_embed} />
                    { " Include the article texts, for colleagues who do not have them" }</label>
            </fieldset>
            <label for="export-name">{ "Your name, shown to colleagues with your tags (optional)" }</label>
            <input id="export-name" type="text" value={props.name.clone()} onchange={on_name} autocomplete="name" />
            <div class="dialog-actions">
                <button type="button" class="primary" onclick={request(ExportKind::Download)} disabled={count == 0}>{ "Download (.jsonld)" }</button>
                <button type="button" onclick={request(ExportKind::Copy)} disabled={count == 0}>{ "Copy to clipboard" }</button>
                <button type="button" onclick={request(ExportKind::ClaimReview)} disabled={count == 0}>{ "Download ClaimReview" }</button>
                <button type="button" onclick={emit_unit(&props.on_close)}>{ "Close" }</button>
            </div>
            <p class="status" role="status">{
                match (&props.status, count) {
                    (Some(s), _) => s.clone(),
                    (None, 0) => "Nothing to export yet: no claim here is tagged.".to_string(),
                    (None, _) => String::new(),
                }
            }</p>
            <p class="hint">{ "Annotations are W3C Web Annotation JSON-LD, which other annotation tools read. ClaimReview is the schema.org form fact-checkers publish; it holds the claims with a verdict." }</p>
        </div>
    }
}

/// Where the import dialog is.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportView {
    Choose,
    Failed { name: String, message: String },
    Preview { name: String, plan: Rc<Plan> },
}

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub view: ImportView,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
    /// Apply the previewed import with one choice per conflict.
    pub on_apply: Callback<Vec<usize>>,
    /// Back to choosing a file.
    pub on_back: Callback<()>,
    pub on_close: Callback<()>,
}

fn verdict_label(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Confirmed) => "Confirmed",
        Some(Verdict::Disputed) => "Disputed",
        None => "No verdict",
    }
}

fn tag_view(tag: &Tag) -> Html {
    html! {
        <>
            <span class={classes!("verdict", tag.verdict.map(Verdict::name))}>{ verdict_label(tag.verdict) }</span>
            if !tag.note.is_empty() {
                <span class="note-text">{ tag.note.clone() }</span>
            }
            <span class="when">{ format!("changed {}", to_date(tag.modified)) }</span>
        </>
    }
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let area = use_node_ref();
    let first = super::use_focus_on_mount();
    let paste_error = use_state(|| false);
    // Kept in state, so that pasted text survives the dialog showing a message above it.
    let pasted = use_state(String::new);
    let on_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                pasted.set(area.value());
            }
        })
    };
    let plan = match &props.view {
        ImportView::Preview { plan, .. } => Some(plan.clone()),
        _ => None,
    };
    let choices = use_state(Vec::<usize>::new);
    {
        let choices = choices.clone();
        let n = plan.as_ref().map_or(0, |p| p.conflicts.len());
        use_effect_with(plan.as_ref().map(|p| Rc::as_ptr(p) as usize), move |_| {
            choices.set(vec![0; n])
        });
    }
    let onchange = on_file_input(&props.on_files);
    let read_paste = {
        let (area, cb, paste_error) = (area.clone(), props.on_paste.clone(), paste_error.clone());
        Callback::from(move |_: MouseEvent| {
            let text = area
                .cast::<HtmlTextAreaElement>()
                .map(|el| el.value())
                .unwrap_or_default();
            paste_error.set(text.trim().is_empty());
            if !text.trim().is_empty() {
                cb.emit(text);
            }
        })
    };
    let chooser = html! {
        <>
            <div class="dialog-actions">
                <label class="file-button">
                    <input type="file" class="visually-hidden" accept={ACCEPT} ref={first.clone()} {onchange} />
                    <span>{ "Open an annotation file…" }</span>
                </label>
            </div>
            <label for="import-paste">{ "Or paste annotations (JSON)" }</label>
            <textarea id="import-paste" ref={area} rows="5" value={(*pasted).clone()} oninput={on_input} placeholder={"{ \"@context\": \"http://www.w3.org/ns/anno.jsonld\", … }"} />
            if *paste_error {
                <p class="field-error" role="alert">{ "Paste the annotations first." }</p>
            }
            <div class="dialog-actions">
                <button type="button" onclick={read_paste}>{ "Read pasted annotations" }</button>
                <button type="button" onclick={emit_unit(&props.on_close)}>{ "Cancel" }</button>
            </div>
            <p class="hint">{ "newsmark reads W3C Web Annotation files (from newsmark or other tools) and Hypothesis JSON exports. Nothing is changed until you have seen what the file holds and confirmed." }</p>
        </>
    };
    let body = match &props.view {
        ImportView::Choose => chooser,
        ImportView::Failed { name, message } => html! {
            <>
                <div class="import-error" role="alert">
                    <p><strong>{ format!("“{name}” could not be imported: ") }</strong>{ message.clone() }{ "." }</p>
                    <p>{ "Nothing was changed." }</p>
                </div>
                { chooser }
            </>
        },
        ImportView::Preview { name, plan } => {
            let choose = |i: usize, j: usize| {
                let choices = choices.clone();
                Callback::from(move |_: Event| {
                    let mut c = (*choices).clone();
                    if let Some(slot) = c.get_mut(i) {
                        *slot = j;
                    }
                    choices.set(c);
                })
            };
            let apply = {
                let (cb, choices) = (props.on_apply.clone(), choices.clone());
                Callback::from(move |_: MouseEvent| cb.emit((*choices).clone()))
            };
            let articles: Vec<String> = plan
                .articles
                .iter()
                .map(|a| {
                    format!(
                        "“{}”",
                        a.label.clone().unwrap_or_else(|| "Imported article".into())
                    )
                })
                .collect();
            // Who the new tags are from: each reader's tags join the claim beside the others'.
            let mut by_reader: Vec<(String, usize)> = Vec::new();
            for p in &plan.new {
                let who = p
                    .tag
                    .creator
                    .as_ref()
                    .map_or("you", |c| c.display())
                    .to_string();
                match by_reader.iter_mut().find(|(w, _)| *w == who) {
                    Some((_, n)) => *n += 1,
                    None => by_reader.push((who, 1)),
                }
            }
            let readers = by_reader
                .iter()
                .map(|(w, n)| format!("{w}: {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            html! {
                <>
                    <p class="import-source">{ format!("From “{name}” ({}):", plan.format) }</p>
                    <ul class="import-counts" aria-label="What the file holds">
                        <li class="new"><strong>{ plan.new.len() }</strong>{ " new" }</li>
                        <li class="present"><strong>{ plan.present }</strong>{ " already present" }</li>
                        <li class="conflicting"><strong>{ plan.conflicts.len() }</strong>{ " conflicting" }</li>
                        <li class="orphaned"><strong>{ plan.orphans.len() }</strong>{ " cannot be placed" }</li>
                    </ul>
                    if !by_reader.is_empty() {
                        <p class="import-readers">{ format!("New tags by reader ({readers}); each is kept beside the other readers' tags on its claim.") }</p>
                    }
                    if !articles.is_empty() {
                        <p>{ format!("The file carries {} article{} not open here, which will be added: {}.", articles.len(), if articles.len() == 1 { "" } else { "s" }, articles.join(", ")) }</p>
                    }
                    if !plan.conflicts.is_empty() {
                        <section class="conflicts" aria-labelledby="conflicts-title">
                            <h3 id="conflicts-title">{ "Conflicts: choose what to keep for each claim" }</h3>
                            { for plan.conflicts.iter().enumerate().map(|(i, c)| {
                                let chosen = choices.get(i).copied().unwrap_or(0);
                                html! {
                                    <fieldset class="conflict">
                                        <legend>{ format!("“{}”", shorten(&c.passage, 160)) }<span class="where">{ format!(" — {}", c.file) }</span></legend>
                                        <div class="conflict-options">
                                        { for c.options().into_iter().enumerate().map(|(j, tag)| {
                                            let who = match (j, &c.stored) {
                                                (0, Some(_)) => "Yours (stored here)".to_string(),
                                                _ => tag.creator.as_ref().map_or_else(|| "From the file (yours, earlier)".to_string(), |c| format!("From {}", c.display())),
                                            };
                                            html! {
                                                <label class={classes!("option", (j == chosen).then_some("chosen"))}>
                                                    <input type="radio" name={format!("conflict-{i}")} checked={j == chosen} onchange={choose(i, j)} />
                                                    <span class="who">{ who }</span>
                                                    { tag_view(tag) }
                                                </label>
                                            }
                                        }) }
                                        </div>
                                    </fieldset>
                                }
                            }) }
                        </section>
                    }
                    if !plan.new.is_empty() {
                        <details class="import-list">
                            <summary>{ format!("New tags ({})", plan.new.len()) }</summary>
                            <ul>
                            { for plan.new.iter().map(|p| html! {
                                <li><span class="passage">{ format!("“{}”", shorten(&p.passage, 120)) }</span>{ " " }{ tag_view(&p.tag) }<span class="where">{ format!(" — {}, placed {}", p.file, p.method.describe()) }</span></li>
                            }) }
                            </ul>
                        </details>
                    }
                    if !plan.orphans.is_empty() {
                        <details class="import-list" open=true>
                            <summary>{ format!("Cannot be placed ({}): kept and listed as unplaced", plan.orphans.len()) }</summary>
                            <ul>
                            { for plan.orphans.iter().map(|o| html! {
                                <li><span class="passage">{ format!("“{}”", shorten(&o.annotation.quote.exact, 120)) }</span>{ format!(": {}", o.reason) }</li>
                            }) }
                            </ul>
                        </details>
                    }
                    if !plan.skipped.is_empty() {
                        <p class="hint">{ format!("Left out: {}.", plan.skipped.join("; ")) }</p>
                    }
                    if !plan.ignored.is_empty() {
                        <p class="hint">{ format!("Passed over (not read by newsmark): {}.", plan.ignored.join("; ")) }</p>
                    }
                    <div class="dialog-actions">
                        <button type="button" class="primary" onclick={apply} disabled={plan.is_empty()}>{ "Apply import" }</button>
                        <button type="button" onclick={emit_unit(&props.on_back)}>{ "Choose another file" }</button>
                        <button type="button" onclick={emit_unit(&props.on_close)}>{ "Cancel" }</button>
                    </div>
                    if plan.is_empty() {
                        <p class="status" role="status">{ "Everything in this file is already here." }</p>
                    }
                </>
            }
        }
    };
    html! {
        <div class="dialog share-dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" onkeydown={close_on_escape(&props.on_close)}>
            <h2 id="import-title">{ "Import annotations" }</h2>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OrphanListProps {
    pub orphans: Rc<Vec<Orphan>>,
    pub on_close: Callback<()>,
}

/// The annotations that could not be placed: kept, and exported with the rest.
#[function_component(OrphanList)]
pub fn orphan_list(props: &OrphanListProps) -> Html {
    let first = super::use_focus_on_mount();
    html! {
        <div class="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="orphans-title" onkeydown={close_on_escape(&props.on_close)}>
            <h2 id="orphans-title">{ format!("Unplaced annotations ({})", props.orphans.len()) }</h2>
            <p class="hint">{ "These came from imported files but match no open article closely enough. They are kept, and exported with the rest, so nothing a colleague sent is lost." }</p>
            <ul class="orphans">
            { for props.orphans.iter().map(|o| {
                let a = &o.annotation;
                html! {
                    <li>
                        <p class="passage">{ format!("“{}”", shorten(&a.quote.exact, 200)) }</p>
                        <p>{ tag_view(&a.tag()) }</p>
                        <p class="where">{ format!("{} · {}", a.source.label.clone().unwrap_or_else(|| a.source.id.clone()), o.reason) }</p>
                    </li>
                }
            }) }
            </ul>
            <div class="dialog-actions">
                <button type="button" ref={first} onclick={emit_unit(&props.on_close)}>{ "Close" }</button>
            </div>
        </div>
    }
}
