//! The root component: owns the state, runs the side effects (storage, keyboard, focus)
//! and lays out the list and the reading pane.

use super::entities::EntityPanel;
use super::intake::{files_of, AddDialog};
use super::reading::ReadingPane;
use super::share::{
    is_annotation_file, ExportDialog, ExportKind, ExportRequest, ImportDialog, ImportView,
    OrphanList,
};
use super::sidebar::{ArticleList, JobView};
use crate::analysis::job::{Reply, Request};
use crate::annotation::json;
use crate::annotation::timestamps::to_date;
use crate::ingest::{self, Format};
use crate::platform::share;
use crate::platform::worker::Analyser;
use crate::platform::{files, now_ms, LocalStorage};
use crate::store::entity_index::entity_index;
use crate::store::library::{self, StoredArticle};
use crate::store::orphans;
use crate::store::profile::{self, Profile};
use crate::store::sharing;
use crate::store::tags::{self, ArticleTags, MemoryStorage, Storage, Verdict};
use crate::store::{Action, AppState, Filter, Job, MarkKind, NewArticle};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
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
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
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
    let verdict = |v: Option<Verdict>| {
        focused_claim.clone().map(|claim| Action::SetVerdict {
            claim,
            verdict: v,
            at: now_ms(),
        })
    };
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

type State = UseReducerHandle<StateHandle>;

/// The action a reply of the analysis worker asks for.
fn reply_action(reply: Reply) -> Option<Action> {
    match reply {
        Reply::Progress {
            job,
            done,
            total,
            stage,
        } => Some(Action::JobProgress {
            job,
            done,
            total,
            stage,
        }),
        Reply::Done { job, analyses } => Some(Action::JobDone { job, analyses }),
        Reply::Failed {
            job: Some(job),
            message,
        } => Some(Action::JobFailed { job, message }),
        Reply::Failed { job: None, .. } | Reply::Ready => None,
    }
}

/// Analyse on the page's own thread: the fallback when no worker can run.
fn analyse_here(state: &State, job: &Job) {
    let texts: Vec<&str> = job.inputs.iter().map(|i| i.text.as_ref()).collect();
    let analyses = crate::analysis::analyze_set(&texts);
    state.dispatch(Action::JobDone {
        job: job.id,
        analyses,
    });
}

/// The analysis worker, started on first use; `broken` once it has failed to run.
#[derive(Default)]
struct WorkerSlot {
    analyser: Option<Analyser>,
    broken: bool,
}

/// Send a job to the worker, or analyse here when there is no working worker.
fn run_job(state: &State, latest: &Rc<RefCell<State>>, slot: &Rc<RefCell<WorkerSlot>>, job: &Job) {
    let request = Request {
        job: job.id,
        texts: job.inputs.iter().map(|i| i.text.to_string()).collect(),
    };
    let mut current = slot.borrow_mut();
    if !current.broken && current.analyser.is_none() {
        let on_reply = {
            let state = state.clone();
            let latest = latest.clone();
            let slot = Rc::downgrade(slot);
            move |reply: Reply| {
                if !matches!(reply, Reply::Failed { job: None, .. }) {
                    if let Some(action) = reply_action(reply) {
                        state.dispatch(action);
                    }
                    return;
                }
                // The worker cannot run here: finish the current job (not the one this
                // handler was made for) on this thread. The worker is dropped later, not
                // inside its own event handler.
                let (latest, slot) = (latest.clone(), slot.clone());
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Some(slot) = slot.upgrade() {
                        let mut s = slot.borrow_mut();
                        s.broken = true;
                        s.analyser = None;
                    }
                    let state = latest.borrow().clone();
                    if let Some(job) = state.0.job.clone() {
                        analyse_here(&state, &job);
                    }
                })
                .forget();
            }
        };
        match Analyser::spawn(on_reply) {
            Ok(a) => current.analyser = Some(a),
            Err(e) => {
                gloo::console::warn!(format!(
                    "newsmark: analysing on the page, the worker cannot start: {e}"
                ));
                current.broken = true;
            }
        }
    }
    if let Some(analyser) = &current.analyser {
        if analyser.send(&request).is_ok() {
            return;
        }
        current.broken = true;
    }
    drop(current);
    analyse_here(state, job);
}

/// Read dropped or opened files and add the articles in them.
fn add_files(state: &State, files: Vec<web_sys::File>) {
    let state = state.clone();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            match files::read_article(file).await {
                Ok(a) => articles.push(NewArticle {
                    file: a.name,
                    text: a.text,
                    added: now_ms(),
                }),
                Err(e) => problems.push(e),
            }
        }
        if !articles.is_empty() {
            state.dispatch(Action::AddArticles {
                articles,
                select: true,
            });
        }
        if !problems.is_empty() {
            state.dispatch(Action::Notice(problems.join(" ")));
        }
    });
}

/// Check an annotation file and show what importing it would do in the import dialog.
/// Nothing is stored; tags read from storage for the comparison join the state.
fn show_import(
    state: &State,
    store: &dyn Storage,
    me: &crate::annotation::Creator,
    view: &UseStateHandle<ImportView>,
    name: &str,
    bytes: &[u8],
) {
    let (preview, loads) = preview_import(&state.0, store, me, name, bytes);
    for action in loads {
        state.dispatch(action);
    }
    view.set(preview);
}

/// The import dialog's view of a file: its preview, or why it cannot be imported.
fn preview_import(
    state: &AppState,
    store: &dyn Storage,
    me: &crate::annotation::Creator,
    name: &str,
    bytes: &[u8],
) -> (ImportView, Vec<Action>) {
    match sharing::preview_import(state, store, me, bytes) {
        Ok((p, loads)) => (
            ImportView::Preview {
                name: name.to_string(),
                plan: Rc::new(p),
            },
            loads,
        ),
        Err(e) => (
            ImportView::Failed {
                name: name.to_string(),
                message: e.to_string(),
            },
            Vec::new(),
        ),
    }
}

/// The export of the current state as text, and how many annotations it holds.
fn export_text(
    state: &AppState,
    me: &crate::annotation::Creator,
    request: ExportRequest,
) -> Result<(String, usize), serde_json::Error> {
    let scope = sharing::ExportScope {
        all: request.all,
        embed_texts: request.embed_texts,
        form: if request.kind == ExportKind::ClaimReview {
            sharing::ExportForm::ClaimReview
        } else {
            sharing::ExportForm::WebAnnotation
        },
    };
    sharing::export_text(state, me, scope, now_ms())
}

/// Add pasted text (a pasted web page is read as one), named by its first line.
fn add_paste(state: &State, text: &str) -> bool {
    // Without a file name this tells a web page from plain text by its start.
    let format = Format::detect("", text.as_bytes());
    let name = if format == Format::Html {
        "Pasted page".to_string()
    } else {
        ingest::paste_name(text)
    };
    match files::to_article(&name, format, text) {
        Ok(a) => {
            let file = if format == Format::Html {
                ingest::paste_name(&a.text)
            } else {
                a.name
            };
            state.dispatch(Action::AddArticles {
                articles: vec![NewArticle {
                    file,
                    text: a.text,
                    added: now_ms(),
                }],
                select: true,
            });
            true
        }
        Err(e) => {
            state.dispatch(Action::Notice(e));
            false
        }
    }
}

/// A callback that sets a flag (a dialog open or closed).
fn setter(flag: &UseStateHandle<bool>, value: bool) -> Callback<()> {
    let flag = flag.clone();
    Callback::from(move |_: ()| flag.set(value))
}

/// The dimmed page behind a dialog; a click on it closes the dialog.
fn backdrop(close: &Callback<()>) -> Html {
    let close = close.clone();
    html! { <div class="dialog-backdrop" aria-hidden="true" onclick={Callback::from(move |_: MouseEvent| close.emit(()))} /> }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| StateHandle(AppState::with_seeds()));
    // The state as of the latest render, for listeners and callbacks made once that must
    // act on the current state, not the one of the render that made them.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let storage = use_memo((), |_| open_storage());

    // The reader's profile (who exported tags are from): stored, or made once.
    let profile = {
        let storage = storage.clone();
        use_state(move || {
            let (store, _) = &*storage;
            // A new id is stored with the first export, not before: reading leaves no trace.
            profile::load(store.as_ref()).unwrap_or_else(|| Profile {
                id: share::new_uuid(),
                name: String::new(),
            })
        })
    };
    // A stored profile that cannot be read is said once, and left as it is: exports then
    // name this page's reader, and nothing is saved over it.
    {
        let (state, storage) = (state.clone(), storage.clone());
        use_effect_with((), move |_| {
            let (store, _) = &*storage;
            if let Err(e) = profile::read(store.as_ref()) {
                state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: e.to_string(),
                    lock: false,
                });
            }
        });
    }

    // Imported annotations that could not be placed: read once, saved when they change.
    {
        let state = state.clone();
        let storage = storage.clone();
        use_effect_with((), move |_| {
            let (store, _) = &*storage;
            match orphans::load(store.as_ref()) {
                Ok(o) if !o.is_empty() => state.dispatch(Action::OrphansLoaded(o)),
                Ok(_) => {}
                Err(e) => state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: e.to_string(),
                    lock: false,
                }),
            }
        });
    }
    {
        let first = use_mut_ref(|| true);
        let state = state.clone();
        let storage = storage.clone();
        use_effect_with(state.0.orphans.clone(), move |orphans| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let (store, _) = &*storage;
            if let Err(e) = orphans::save(store.as_ref(), orphans) {
                state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: e.to_string(),
                    lock: false,
                });
            }
        });
    }

    // Importing annotations: a dialog that checks a file and previews it before anything
    // changes. Files come from the dialog, from a drop, or as pasted text.
    let import_open = use_state(|| false);
    let import_view = use_state(|| ImportView::Choose);
    let import_files = {
        let latest = latest.clone();
        let storage = storage.clone();
        let (import_open, import_view) = (import_open.clone(), import_view.clone());
        // The reader's id does not change once made; only it matters to an import.
        let me = profile.creator();
        use_memo((), move |_| {
            Callback::from(move |files: Vec<web_sys::File>| {
                let Some(file) = files.into_iter().next() else {
                    return;
                };
                let (latest, storage, import_open, import_view, me) = (
                    latest.clone(),
                    storage.clone(),
                    import_open.clone(),
                    import_view.clone(),
                    me.clone(),
                );
                import_open.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.name();
                    let read = share::read_bytes(&file, json::MAX_IMPORT_BYTES, |size| {
                        json::ImportError::TooLarge {
                            bytes: size,
                            limit: json::MAX_IMPORT_BYTES,
                        }
                        .to_string()
                    })
                    .await;
                    let state = latest.borrow().clone();
                    let (store, _) = &*storage;
                    match read {
                        Ok(bytes) => {
                            show_import(&state, store.as_ref(), &me, &import_view, &name, &bytes)
                        }
                        Err(message) => import_view.set(ImportView::Failed { name, message }),
                    }
                });
            })
        })
    };

    // The articles the reader added before: stored, and analysed again with the seeds.
    let stored_articles = use_mut_ref(HashSet::<String>::new);
    {
        let state = state.clone();
        let storage = storage.clone();
        let stored_articles = stored_articles.clone();
        use_effect_with((), move |_| {
            let (store, blocked) = &*storage;
            if let Some(message) = blocked {
                state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: message.clone(),
                    lock: false,
                });
            }
            let (found, problems) = library::load_all(store.as_ref());
            stored_articles
                .borrow_mut()
                .extend(found.iter().map(|(sha, _)| sha.clone()));
            if !found.is_empty() {
                let articles = found
                    .into_iter()
                    .map(|(_, a)| NewArticle {
                        file: a.file,
                        text: a.text,
                        added: a.added,
                    })
                    .collect();
                state.dispatch(Action::AddArticles {
                    articles,
                    select: false,
                });
            }
            if let Some(problem) = problems.first() {
                state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: problem.to_string(),
                    lock: false,
                });
            }
        });
    }

    // Load the stored tags of each article as it joins the list.
    {
        let loaded = use_mut_ref(HashSet::<String>::new);
        let state = state.clone();
        let storage = storage.clone();
        use_effect_with(state.0.generation, move |_| {
            let (store, _) = &*storage;
            let mut loaded = loaded.borrow_mut();
            for article in &state.0.articles {
                if !loaded.insert(article.sha256.clone()) {
                    continue;
                }
                match tags::load(store.as_ref(), &article.sha256) {
                    Ok(t) => state.dispatch(Action::TagsLoaded {
                        sha: article.sha256.clone(),
                        tags: t,
                    }),
                    Err(e) => state.dispatch(Action::StorageProblem {
                        sha: Some(article.sha256.clone()),
                        message: e.to_string(),
                        lock: true,
                    }),
                }
            }
        });
    }

    // Keep the reader's own articles stored: new ones written, removed ones deleted.
    {
        let state = state.clone();
        let storage = storage.clone();
        let stored_articles = stored_articles.clone();
        use_effect_with(state.0.generation, move |_| {
            let (store, _) = &*storage;
            let mut stored = stored_articles.borrow_mut();
            let own: HashSet<&str> = state
                .0
                .articles
                .iter()
                .filter(|a| a.is_own())
                .map(|a| a.sha256.as_str())
                .collect();
            let pending: HashSet<&str> = state
                .0
                .job
                .iter()
                .flat_map(|j| j.inputs.iter().map(|i| i.sha256.as_str()))
                .collect();
            let unsaved: Vec<_> = state
                .0
                .articles
                .iter()
                .filter(|a| a.is_own() && !stored.contains(&a.sha256))
                .collect();
            for a in unsaved {
                let entry = StoredArticle {
                    file: a.file.clone(),
                    added: a.added.unwrap_or(0.0),
                    text: a.text.clone(),
                };
                match library::save(store.as_ref(), &a.sha256, &entry) {
                    Ok(()) => {
                        stored.insert(a.sha256.clone());
                    }
                    Err(e) => state.dispatch(Action::StorageProblem {
                        sha: None,
                        message: e.to_string(),
                        lock: false,
                    }),
                }
            }
            let gone: Vec<String> = stored
                .iter()
                .filter(|s| !own.contains(s.as_str()) && !pending.contains(s.as_str()))
                .cloned()
                .collect();
            for sha in gone {
                if library::remove(store.as_ref(), &sha).is_ok() {
                    stored.remove(&sha);
                }
            }
        });
    }

    // Analysis jobs go to the worker as they are created.
    {
        let slot = use_mut_ref(WorkerSlot::default);
        let state = state.clone();
        let latest = latest.clone();
        let job = state.0.job.clone();
        use_effect_with(job.as_ref().map(|j| j.id), move |_| {
            if let Some(job) = job {
                run_job(&state, &latest, &slot, &job);
            }
        });
    }

    // Files dragged over the page: a visible drop target, and the drop adds them.
    let dragging = use_state(|| false);
    {
        let state = state.clone();
        let dragging = dragging.clone();
        let import_files = import_files.clone();
        use_effect_with((), move |_| {
            // Without a window (not a page) there is nothing to listen to.
            let listeners = web_sys::window().map(|window| {
            let has_files = |e: &web_sys::DragEvent| {
                e.data_transfer()
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0))
            };
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(
                    &window,
                    "dragover",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(e) = event.dyn_ref::<web_sys::DragEvent>() else {
                            return;
                        };
                        if has_files(e) {
                            e.prevent_default();
                            dragging.set(true);
                        }
                    },
                )
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&window, "dragleave", move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    // Leaving the window, not just one element for another.
                    if e.related_target().is_none() {
                        dragging.set(false);
                    }
                })
            };
            let drop_listener = EventListener::new_with_options(
                &window,
                "drop",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    e.prevent_default();
                    dragging.set(false);
                    let files = files_of(e.data_transfer().and_then(|d| d.files()));
                    let (annotations, articles): (Vec<_>, Vec<_>) = files
                        .into_iter()
                        .partition(|f| is_annotation_file(&f.name()));
                    add_files(&state, articles);
                    if annotations.len() > 1 {
                        state.dispatch(Action::Notice(format!("Import one annotation file at a time: “{}” is shown, the others were left.", annotations.first().map(web_sys::File::name).unwrap_or_default())));
                    }
                    if !annotations.is_empty() {
                        import_files.emit(annotations);
                    }
                },
            );
            (over, leave, drop_listener)
            });
            move || drop(listeners)
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
                // Another tab may have written this article since: keep its claims, and
                // write only the claims changed here. An entry that cannot be read is
                // locked above and never reaches this point.
                let merged = match tags::load(store.as_ref(), sha) {
                    Ok(stored) => tags::merge_for_save(saved.get(sha), current, &stored),
                    Err(_) => current.clone(),
                };
                match tags::save(store.as_ref(), sha, &merged) {
                    Ok(()) => {
                        if &merged != current {
                            state.dispatch(Action::TagsChangedElsewhere {
                                sha: sha.clone(),
                                tags: merged.clone(),
                            });
                        }
                        saved.insert(sha.clone(), merged);
                    }
                    Err(e) => {
                        state.dispatch(Action::StorageProblem {
                            sha: None,
                            message: e.to_string(),
                            lock: false,
                        });
                        break;
                    }
                }
            }
        });
    }

    // Tags changed in another tab of this browser (the `storage` event).
    {
        let state = state.clone();
        let stored_articles = stored_articles.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(key) = e.key() else { return };
                    if key == orphans::KEY {
                        match e
                            .new_value()
                            .map_or_else(|| Ok(Vec::new()), |raw| orphans::decode(&raw))
                        {
                            Ok(o) => state.dispatch(Action::OrphansLoaded(o)),
                            Err(err) => state.dispatch(Action::StorageProblem {
                                sha: None,
                                message: err.to_string(),
                                lock: false,
                            }),
                        }
                        return;
                    }
                    if let Some(sha) = library::article_of_key(&key) {
                        // Another tab added or removed one of the reader's articles.
                        match e.new_value().map(|raw| library::decode(&key, &raw)) {
                            Some(Ok(a)) => {
                                stored_articles.borrow_mut().insert(sha.to_string());
                                state.dispatch(Action::AddArticles {
                                    articles: vec![NewArticle {
                                        file: a.file,
                                        text: a.text,
                                        added: a.added,
                                    }],
                                    select: false,
                                });
                            }
                            Some(Err(err)) => state.dispatch(Action::StorageProblem {
                                sha: None,
                                message: err.to_string(),
                                lock: false,
                            }),
                            None => state.dispatch(Action::RemoveArticle(sha.to_string())),
                        }
                        return;
                    }
                    let Some(sha) = tags::article_of_key(&key) else {
                        return;
                    };
                    let parsed = match e.new_value() {
                        Some(raw) => tags::decode(&key, &raw),
                        None => Ok(ArticleTags::new()),
                    };
                    match parsed {
                        Ok(t) => state.dispatch(Action::TagsChangedElsewhere {
                            sha: sha.to_string(),
                            tags: t,
                        }),
                        Err(err) => state.dispatch(Action::StorageProblem {
                            sha: Some(sha.to_string()),
                            message: err.to_string(),
                            lock: true,
                        }),
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Keyboard shortcuts for the whole page: one listener, reading the latest state when a
    // key is pressed (a listener re-made after each render could see a stale focus), and
    // not passive, so the keys it handles do not also scroll the page.
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let document = web_sys::window().and_then(|w| w.document());
            let listener = document.map(|document| {
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
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
                })
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
                let document = web_sys::window().and_then(|w| w.document());
                if let Some(el) = document.and_then(|d| d.query_selector(&selector).ok().flatten())
                {
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
    // The callbacks the paragraphs of the reading pane receive are made once: a new
    // callback on every render would make every paragraph of a long article render again.
    let dispatcher = state.dispatcher();
    let on_focus = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |i: usize| d.dispatch(Action::Focus(i)))
        })
    };
    let on_verdict = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |(claim, verdict): (String, Option<Verdict>)| {
                d.dispatch(Action::SetVerdict {
                    claim,
                    verdict,
                    at: now_ms(),
                })
            })
        })
    };
    let on_note = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |(claim, note): (String, String)| {
                d.dispatch(Action::SetNote {
                    claim,
                    note,
                    at: now_ms(),
                })
            })
        })
    };
    let on_cancel_note = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |_: ()| d.dispatch(Action::CancelNote))
        })
    };
    let on_edit_note = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |_: ()| d.dispatch(Action::EditNote))
        })
    };
    let on_filter = {
        let d = dispatcher.clone();
        use_memo((), move |_| {
            Callback::from(move |f: Filter| d.dispatch(Action::SetFilter(f)))
        })
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
        use_memo(state.0.generation, move |_| entity_index(&articles))
    };
    let add_open = use_state(|| false);
    let (on_add, on_close_add) = (setter(&add_open, true), setter(&add_open, false));
    let on_paste = {
        let state = state.clone();
        let add_open = add_open.clone();
        Callback::from(move |text: String| {
            if add_paste(&state, &text) {
                add_open.set(false);
            }
        })
    };
    let on_files = {
        let state = state.clone();
        let add_open = add_open.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            add_open.set(false);
            add_files(&state, files);
        })
    };
    let on_remove = {
        let state = state.clone();
        Callback::from(move |sha: String| state.dispatch(Action::RemoveArticle(sha)))
    };
    // Export.
    let export_open = use_state(|| false);
    let export_status = use_state(|| None::<String>);
    let on_export = {
        let state = state.clone();
        let profile = profile.clone();
        let export_status = export_status.clone();
        let storage = storage.clone();
        Callback::from(move |request: ExportRequest| {
            let (store, _) = &*storage;
            if matches!(profile::read(store.as_ref()), Ok(None)) {
                // Unsaved, the next export would name another creator; it still works. An
                // unreadable stored profile is never saved over.
                let _ = profile::save(store.as_ref(), &profile);
            }
            let me = profile.creator();
            let (text, n) = match export_text(&state.0, &me, request) {
                Ok(done) => done,
                Err(e) => {
                    // Nothing is downloaded or copied: an empty file is no export.
                    export_status.set(Some(format!(
                        "The export could not be written ({e}); nothing was saved."
                    )));
                    return;
                }
            };
            let date = to_date(now_ms());
            let plural = if n == 1 { "" } else { "s" };
            match request.kind {
                ExportKind::Download | ExportKind::ClaimReview => {
                    let (name, mime, what) = if request.kind == ExportKind::ClaimReview {
                        (
                            format!("newsmark-claimreview-{date}.json"),
                            "application/ld+json",
                            format!("{n} claim review{plural}"),
                        )
                    } else {
                        (
                            format!("newsmark-annotations-{date}.jsonld"),
                            "application/ld+json",
                            format!("{n} annotation{plural}"),
                        )
                    };
                    export_status.set(Some(match share::download(&name, mime, &text) {
                        Ok(()) => format!("Downloaded {what} as {name}."),
                        Err(e) => format!("The download failed: {e}."),
                    }));
                }
                ExportKind::Copy => {
                    let export_status = export_status.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        export_status.set(Some(match share::copy(&text).await {
                            Ok(()) => format!("Copied {n} annotation{plural} to the clipboard."),
                            Err(e) => format!("Copying failed ({e}); use Download instead."),
                        }));
                    });
                }
            }
        })
    };
    let on_name = {
        let profile = profile.clone();
        let storage = storage.clone();
        let state = state.clone();
        Callback::from(move |name: String| {
            let p = Profile {
                name: name.trim().to_string(),
                ..(*profile).clone()
            };
            let (store, _) = &*storage;
            if let Err(e) = profile::save(store.as_ref(), &p) {
                state.dispatch(Action::StorageProblem {
                    sha: None,
                    message: e.to_string(),
                    lock: false,
                });
            }
            profile.set(p);
        })
    };
    let open_export = {
        let (export_open, export_status) = (export_open.clone(), export_status.clone());
        Callback::from(move |_: ()| {
            export_status.set(None);
            export_open.set(true);
        })
    };
    let close_export = setter(&export_open, false);
    let open_import = {
        let (import_open, import_view) = (import_open.clone(), import_view.clone());
        Callback::from(move |_: ()| {
            import_view.set(ImportView::Choose);
            import_open.set(true);
        })
    };
    let close_import = {
        let (import_open, import_view) = (import_open.clone(), import_view.clone());
        Callback::from(move |_: ()| {
            import_open.set(false);
            import_view.set(ImportView::Choose);
        })
    };
    let import_back = {
        let import_view = import_view.clone();
        Callback::from(move |_: ()| import_view.set(ImportView::Choose))
    };
    let import_paste = {
        let (state, storage, import_view) = (state.clone(), storage.clone(), import_view.clone());
        let profile = profile.clone();
        Callback::from(move |text: String| {
            let (store, _) = &*storage;
            show_import(
                &state,
                store.as_ref(),
                &profile.creator(),
                &import_view,
                "Pasted annotations",
                text.as_bytes(),
            );
        })
    };
    let import_apply = {
        let (state, import_open, import_view) =
            (state.clone(), import_open.clone(), import_view.clone());
        Callback::from(move |choices: Vec<usize>| {
            if let ImportView::Preview { plan, .. } = &*import_view {
                state.dispatch(Action::ApplyImport {
                    plan: plan.clone(),
                    choices,
                    at: now_ms(),
                });
            }
            import_open.set(false);
            import_view.set(ImportView::Choose);
        })
    };
    let orphans_open = use_state(|| false);
    let (open_orphans, close_orphans) = (setter(&orphans_open, true), setter(&orphans_open, false));
    let tagged_here = s
        .selected_article()
        .and_then(|a| s.tags.get(&a.sha256))
        .map_or(0, |t| t.values().filter(|t| !t.is_empty()).count());
    let tagged_all = s
        .tags
        .values()
        .map(|t| t.values().filter(|t| !t.is_empty()).count())
        .sum::<usize>()
        + s.orphans.len();
    let job_view = state.0.job.as_ref().map(|j| JobView {
        adding: j.adding(&state.0.articles),
        done: j.done,
        total: j.total,
        stage: if j.stage.is_empty() {
            "starting".into()
        } else {
            j.stage.clone()
        },
    });
    let article_labels: Vec<String> = (1..=state.0.articles.len())
        .map(|i| i.to_string())
        .collect();
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
            if *add_open {
                { backdrop(&on_close_add) }
                <AddDialog {on_paste} {on_files} on_close={on_close_add} />
            }
            if *export_open {
                { backdrop(&close_export) }
                <ExportDialog article={s.selected_article().map(|a| a.headline().to_string())} {tagged_here} {tagged_all}
                    name={profile.name.clone()} status={(*export_status).clone()} {on_export} {on_name} on_close={close_export} />
            }
            if *import_open {
                { backdrop(&close_import) }
                <ImportDialog view={(*import_view).clone()} on_files={(*import_files).clone()} on_paste={import_paste}
                    on_apply={import_apply} on_back={import_back} on_close={close_import} />
            }
            if *orphans_open {
                { backdrop(&close_orphans) }
                <OrphanList orphans={s.orphans.clone()} on_close={close_orphans} />
            }
            if *dragging {
                <div class="drop-target" aria-hidden="true"><p>{ "Drop .txt, .md or .html files to add them, or a .json annotation file to import it" }</p></div>
            }
            if let Some(message) = &s.notice {
                <div class="notice" role="alert">
                    <span>{ message.clone() }</span>
                    <button type="button" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <div class="layout">
                <ArticleList articles={s.articles.clone()} {counts} selected={s.selected} job={job_view} {on_select} {on_add} {on_remove}
                    on_export={open_export} on_import={open_import} orphans={s.orphans.len()} on_orphans={open_orphans} />
                <EntityPanel {groups} {article_labels} highlighted={s.highlighted.clone()} {on_highlight} />
                {
                    match s.selected_article() {
                        Some(a) => {
                            let tags: Rc<ArticleTags> = Rc::new(s.tags.get(&a.sha256).cloned().unwrap_or_default());
                            html! {
                                <ReadingPane article={a.clone()} {tags} focused={s.focused} filter={s.filter}
                                    editing_note={s.editing_note.clone()} highlighted={s.highlighted.clone()} hidden_marks={s.hidden_marks.clone()} {on_toggle_marks} on_focus={(*on_focus).clone()} on_verdict={(*on_verdict).clone()} on_note={(*on_note).clone()} on_cancel_note={(*on_cancel_note).clone()} on_edit_note={(*on_edit_note).clone()} on_filter={(*on_filter).clone()} />
                            }
                        }
                        None => html! { <main class="reading empty"><p>{ "No article loaded." }</p></main> },
                    }
                }
            </div>
        </div>
    }
}
