//! The reading pane: the selected article as readable typography, with its claims and
//! inline marks.
//!
//! Article text is untrusted: it is only ever rendered as text nodes, never as markup.
//! Marks nest as claim ⊃ quote ⊃ entity/number; a quote that spans two sentences is shown
//! as one piece in each.

use crate::analysis::entities::Entity;
use crate::analysis::layout::{Block, BlockKind};
use crate::analysis::numbers::{NumberMention, Value};
use crate::analysis::quotes::QuoteKind;
use crate::store::tags::{ArticleTags, Verdict};
use crate::store::{Article, Filter, MarkKind};
use crate::text::Span;
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub article: Rc<Article>,
    /// Tags of this article's claims, by claim id.
    pub tags: Rc<ArticleTags>,
    pub focused: Option<usize>,
    pub filter: Filter,
    /// The claim whose note editor is open.
    pub editing_note: Option<String>,
    /// The canonical name whose mentions are highlighted.
    pub highlighted: Option<String>,
    /// Mark kinds switched off in the legend.
    pub hidden_marks: BTreeSet<MarkKind>,
    pub on_toggle_marks: Callback<MarkKind>,
    pub on_focus: Callback<usize>,
    pub on_verdict: Callback<(String, Option<Verdict>)>,
    pub on_note: Callback<(String, String)>,
    pub on_cancel_note: Callback<()>,
    /// Open the note editor on the focused claim.
    pub on_edit_note: Callback<()>,
    pub on_filter: Callback<Filter>,
}

#[derive(Properties, PartialEq)]
struct NoteEditorProps {
    claim: String,
    initial: String,
    on_save: Callback<(String, String)>,
    on_cancel: Callback<()>,
}

/// A small editor for a claim's note: Save (or ctrl+Enter) keeps it, Cancel (or Esc)
/// drops the edit.
#[function_component(NoteEditor)]
fn note_editor(props: &NoteEditorProps) -> Html {
    let area = super::use_focus_on_mount();
    let save = {
        let area = area.clone();
        let on_save = props.on_save.clone();
        let claim = props.claim.clone();
        move || {
            let text = area
                .cast::<HtmlTextAreaElement>()
                .map(|el| el.value())
                .unwrap_or_default();
            on_save.emit((claim.clone(), text));
        }
    };
    let onkeydown = {
        let save = save.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && e.ctrl_key() {
                e.prevent_default();
                save();
            }
        })
    };
    let onclick_save = Callback::from(move |e: MouseEvent| {
        e.stop_propagation();
        save();
    });
    let onclick_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(());
        })
    };
    html! {
        <span class="note-editor">
            <label>
                <span class="visually-hidden">{ "Note on this claim" }</span>
                <textarea ref={area} rows="2" maxlength="2000" placeholder="Note (ctrl+Enter saves)" {onkeydown} value={props.initial.clone()} />
            </label>
            <button type="button" onclick={onclick_save}>{ "Save note" }</button>
            <button type="button" onclick={onclick_cancel}>{ "Cancel" }</button>
        </span>
    }
}

fn entity_label(e: &Entity) -> String {
    format!("{}: {}", e.kind.label(), e.canonical)
}

fn number_label(n: &NumberMention) -> String {
    let value = match &n.value {
        Some(Value::Number(v)) => format!("{v}"),
        Some(Value::Range([a, b])) => format!("{a}–{b}"),
        Some(Value::Iso(s)) => s.clone(),
        None => "unresolved".to_string(),
    };
    let unit = n
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let qualifier = n
        .qualifier
        .as_deref()
        .map(|q| format!(" ({q})"))
        .unwrap_or_default();
    let kind = serde_json::to_value(n.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!("{kind}: {value}{unit}{qualifier}")
}

/// Text of a range as a text node (never markup).
fn text_of(text: &str, start: usize, end: usize) -> Html {
    Html::from(text.get(start..end).unwrap_or("").to_string())
}

/// How marks are drawn: which entity is highlighted, and whether the marks can take the
/// keyboard focus (those of the focused claim can, so Tab reaches their details).
#[derive(Clone, Copy)]
struct MarkStyle<'a> {
    highlighted: Option<&'a str>,
    focusable: bool,
}

impl MarkStyle<'_> {
    fn tabindex(&self) -> Option<&'static str> {
        self.focusable.then_some("0")
    }
}

/// Entities and numbers inside `range`, as marks between plain text.
fn inner_marks(a: &Article, range: Span, style: MarkStyle) -> Vec<Html> {
    let highlighted = style.highlighted;
    let text = &a.text;
    enum Inner<'a> {
        E(&'a Entity),
        N(&'a NumberMention),
    }
    let mut marks: Vec<(Span, Inner)> = Vec::new();
    let first_e = a
        .analysis
        .entities
        .partition_point(|e| e.span.end <= range.start);
    marks.extend(
        a.analysis
            .entities
            .get(first_e..)
            .unwrap_or(&[])
            .iter()
            .take_while(|e| e.span.start < range.end)
            .filter(|e| range.contains(&e.span))
            .map(|e| (e.span, Inner::E(e))),
    );
    let first_n = a
        .analysis
        .numbers
        .partition_point(|n| n.span.end <= range.start);
    marks.extend(
        a.analysis
            .numbers
            .get(first_n..)
            .unwrap_or(&[])
            .iter()
            .take_while(|n| n.span.start < range.end)
            .filter(|n| range.contains(&n.span))
            .map(|n| (n.span, Inner::N(n))),
    );
    marks.sort_by_key(|(s, _)| *s);
    let mut out = Vec::new();
    let mut pos = range.start;
    for (span, m) in marks {
        if span.start < pos {
            continue;
        }
        out.push(text_of(text, pos, span.start));
        let inner = text_of(text, span.start, span.end);
        out.push(match m {
            Inner::E(e) => html! {
                <span class={classes!("mark", "entity", e.kind.code().to_lowercase(), (highlighted == Some(e.canonical.as_str())).then_some("highlighted"))} data-mark="entity" data-entity-type={e.kind.code()} title={entity_label(e)} data-detail={entity_label(e)} tabindex={style.tabindex()}>{ inner }</span>
            },
            Inner::N(n) => html! {
                <span class="mark number" data-mark="number" title={number_label(n)} data-detail={number_label(n)} tabindex={style.tabindex()}>{ inner }</span>
            },
        });
        pos = span.end;
    }
    out.push(text_of(text, pos, range.end));
    out
}

/// Quotes (clipped to `range`) with the entities and numbers inside and between them.
fn marks_in(a: &Article, range: Span, hl: MarkStyle) -> Vec<Html> {
    let mut out = Vec::new();
    let mut pos = range.start;
    let first = a
        .analysis
        .quotes
        .partition_point(|q| q.span.end <= range.start);
    for q in a
        .analysis
        .quotes
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|q| q.span.start < range.end)
    {
        let piece = Span::new(q.span.start.max(range.start), q.span.end.min(range.end));
        if piece.is_empty() || piece.start < pos {
            continue;
        }
        out.extend(inner_marks(a, Span::new(pos, piece.start), hl));
        let kind = if q.kind == QuoteKind::Scare {
            "scare"
        } else {
            "direct"
        };
        let detail = q.describe(&a.text);
        out.push(html! {
            <span class={classes!("mark", "quote", kind)} data-mark="quote" data-speaker={q.speaker.clone()} title={detail.clone()} data-detail={detail} tabindex={hl.tabindex()}>
                { for inner_marks(a, piece, hl) }
            </span>
        });
        pos = piece.end;
    }
    out.extend(inner_marks(a, Span::new(pos, range.end), hl));
    out
}

fn verdict_name(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Confirmed) => "confirmed",
        Some(Verdict::Disputed) => "disputed",
        None => "none",
    }
}

/// What the reader can do to a claim. Made once by the app, so that comparing the props
/// of unchanged paragraphs finds them equal (callbacks compare by identity).
#[derive(Clone, PartialEq)]
struct ClaimActions {
    on_focus: Callback<usize>,
    on_verdict: Callback<(String, Option<Verdict>)>,
    on_note: Callback<(String, String)>,
    on_cancel_note: Callback<()>,
    on_edit_note: Callback<()>,
}

/// What a paragraph needs to know about one of its claims' tags.
#[derive(Debug, Clone, PartialEq)]
struct ClaimState {
    verdict: Option<Verdict>,
    note: Option<String>,
    /// Colleagues' tags on the claim, from imported files: (who, verdict, note).
    readers: Vec<(String, Option<Verdict>, String)>,
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    article: Rc<Article>,
    block: Block,
    /// Index of the block's first claim in the article.
    first_claim: usize,
    /// The tags of the block's claims, in order.
    claims: Vec<ClaimState>,
    /// The focused claim, if it is in this block.
    focused: Option<usize>,
    /// The claim whose note is being edited, if it is in this block.
    editing_note: Option<String>,
    /// The highlighted canonical name, if this block mentions it.
    highlighted: Option<String>,
    filter: Filter,
    actions: ClaimActions,
}

/// One paragraph (or subheading) of the article. Its props hold only what concerns this
/// block, so tagging one claim renders one paragraph again, not the whole article.
#[function_component(Paragraph)]
fn paragraph(props: &ParagraphProps) -> Html {
    let a = &props.article;
    let block_span = props.block.span;
    let hl = props.highlighted.as_deref();
    let plain = MarkStyle {
        highlighted: hl,
        focusable: false,
    };
    let body = if !props.block.kind.holds_claims() {
        marks_in(a, block_span, plain).into_iter().collect::<Html>()
    } else {
        let mut parts: Vec<Html> = Vec::new();
        let mut pos = block_span.start;
        let claims = a.analysis.claims.get(props.first_claim..).unwrap_or(&[]);
        for ((offset, c), state) in claims.iter().enumerate().zip(&props.claims) {
            let i = props.first_claim + offset;
            parts.extend(marks_in(a, Span::new(pos, c.span.start), plain));
            let verdict = state.verdict;
            let focused = props.focused == Some(i);
            let muted = !props.filter.admits(verdict);
            let onfocus = {
                let cb = props.actions.on_focus.clone();
                Callback::from(move |_: FocusEvent| {
                    if !focused {
                        cb.emit(i);
                    }
                })
            };
            let tool = |label: &'static str, class: &'static str, v: Option<Verdict>| {
                let cb = props.actions.on_verdict.clone();
                let id = c.id.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    cb.emit((id.clone(), v));
                });
                html! { <button type="button" class={classes!("tool", class)} aria-pressed={(verdict == v && v.is_some()).to_string()} {onclick}>{ label }</button> }
            };
            let style = MarkStyle {
                highlighted: hl,
                focusable: focused,
            };
            parts.push(html! {
                <span class={classes!("claim", verdict_name(verdict), focused.then_some("focused"), muted.then_some("muted"))}
                      data-claim-id={c.id.clone()} data-claim-index={i.to_string()} data-verdict={verdict_name(verdict)}
                      tabindex="0" {onfocus}>
                    { for marks_in(a, c.span, style) }
                    if let Some(n) = state.note.clone() {
                        <span class="note" data-note="">{ format!("Note: {n}") }</span>
                    }
                    if !state.readers.is_empty() {
                        <span class="readers" aria-label="Colleagues' tags">
                            { for state.readers.iter().map(|(who, v, note)| {
                                let said = match v {
                                    Some(Verdict::Confirmed) => "✓ confirmed",
                                    Some(Verdict::Disputed) => "✗ disputed",
                                    None => "note",
                                };
                                let title = (!note.is_empty()).then(|| note.clone());
                                html! { <span class={classes!("reader", verdict_name(*v))} data-reader={who.clone()} {title}>{ format!("{who}: {said}") }</span> }
                            }) }
                        </span>
                    }
                    if props.editing_note.as_deref() == Some(c.id.as_str()) {
                        <NoteEditor claim={c.id.clone()} initial={state.note.clone().unwrap_or_default()} on_save={props.actions.on_note.clone()} on_cancel={props.actions.on_cancel_note.clone()} />
                    } else if focused {
                        <span class="claim-tools" role="group" aria-label="Tag this claim">
                            { tool("✓ Confirm", "confirm", Some(Verdict::Confirmed)) }
                            { tool("✗ Dispute", "dispute", Some(Verdict::Disputed)) }
                            { tool("Clear", "clear", None) }
                            <button type="button" class="tool note-tool" onclick={
                                let cb = props.actions.on_edit_note.clone();
                                Callback::from(move |e: MouseEvent| {
                                    e.stop_propagation();
                                    cb.emit(());
                                })
                            }>{ "Note…" }</button>
                        </span>
                    }
                </span>
            });
            pos = c.span.end;
        }
        parts.extend(marks_in(a, Span::new(pos, block_span.end), plain));
        parts.into_iter().collect::<Html>()
    };
    match props.block.kind {
        BlockKind::Subheading => html! { <h2>{ body }</h2> },
        BlockKind::Standfirst => html! { <p class="standfirst">{ body }</p> },
        BlockKind::Caption => html! { <p class="caption">{ body }</p> },
        _ => html! { <p>{ body }</p> },
    }
}

/// A paragraph of the article with the range of its claims (`first..end`). `Eq`, so that
/// comparing the shared list checks identity first (the standard library's `Rc` does so
/// for `Eq` types) instead of every element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ParagraphSpec {
    block: Block,
    first: usize,
    end: usize,
}

/// How many paragraphs a [`Section`] holds: with a few thousand paragraphs, a tag then
/// builds a few dozen sections and one section's paragraphs, not every paragraph.
const SECTION: usize = 64;

#[derive(Properties, PartialEq)]
struct SectionProps {
    article: Rc<Article>,
    paragraphs: Rc<Vec<ParagraphSpec>>,
    /// Indices into `paragraphs`.
    start: usize,
    end: usize,
    /// The tags of the section's claims, in order (from the first paragraph's first claim).
    claims: Vec<ClaimState>,
    focused: Option<usize>,
    editing_note: Option<String>,
    highlighted: Option<String>,
    filter: Filter,
    actions: ClaimActions,
}

/// Whether a block mentions the entity with this canonical name.
fn mentions(a: &Article, span: Span, name: &str) -> bool {
    let e0 = a
        .analysis
        .entities
        .partition_point(|e| e.span.end <= span.start);
    a.analysis
        .entities
        .get(e0..)
        .unwrap_or(&[])
        .iter()
        .take_while(|e| e.span.start < span.end)
        .any(|e| e.canonical == name)
}

#[function_component(Section)]
fn section(props: &SectionProps) -> Html {
    let a = &props.article;
    let specs = props.paragraphs.get(props.start..props.end).unwrap_or(&[]);
    let base = specs.first().map_or(0, |p| p.first);
    specs
        .iter()
        .map(|p| {
            let in_block = |i: usize| (p.first..p.end).contains(&i);
            let states = props.claims.get(p.first - base..p.end - base).unwrap_or(&[]).to_vec();
            let editing = props.editing_note.clone().filter(|id| a.analysis.claims.get(p.first..p.end).unwrap_or(&[]).iter().any(|c| &c.id == id));
            let highlighted = props.highlighted.clone().filter(|name| mentions(a, p.block.span, name));
            html! {
                <Paragraph key={p.block.span.start} article={a.clone()} block={p.block} first_claim={p.first} claims={states}
                    focused={props.focused.filter(|&i| in_block(i))} editing_note={editing} {highlighted} filter={props.filter}
                    actions={props.actions.clone()} />
            }
        })
        .collect::<Html>()
}

#[function_component(ReadingPane)]
pub fn reading_pane(props: &ReadingPaneProps) -> Html {
    let a = &props.article;
    let folded = a.analysis.boilerplate.len();
    let claims = &a.analysis.claims;
    let hl = props.highlighted.as_deref();
    let title_style = MarkStyle {
        highlighted: hl,
        focusable: false,
    };
    let specs = use_memo(a.clone(), |a| {
        let claims = &a.analysis.claims;
        a.analysis
            .content_blocks()
            .filter(|b| b.kind != BlockKind::Title)
            .map(|b| {
                let first = claims.partition_point(|c| c.span.start < b.span.start);
                let end = if b.kind.holds_claims() {
                    first
                        + claims
                            .get(first..)
                            .unwrap_or(&[])
                            .iter()
                            .take_while(|c| c.span.end <= b.span.end)
                            .count()
                } else {
                    first
                };
                ParagraphSpec {
                    block: *b,
                    first,
                    end,
                }
            })
            .collect::<Vec<_>>()
    });
    let actions = ClaimActions {
        on_focus: props.on_focus.clone(),
        on_verdict: props.on_verdict.clone(),
        on_note: props.on_note.clone(),
        on_cancel_note: props.on_cancel_note.clone(),
        on_edit_note: props.on_edit_note.clone(),
    };
    let sections = (0..specs.len()).step_by(SECTION).map(|start| {
        let end = (start + SECTION).min(specs.len());
        let first = specs.get(start).map_or(0, |p| p.first);
        let last = specs.get(end.saturating_sub(1)).map_or(first, |p| p.end);
        let states: Vec<ClaimState> = claims
            .get(first..last)
            .unwrap_or(&[])
            .iter()
            .map(|c| {
                let tag = props.tags.get(&c.id);
                let readers = tag
                    .into_iter()
                    .flat_map(|t| t.all_readers())
                    .filter_map(|t| Some((t.creator.as_ref()?.display().to_string(), t.verdict, t.note.trim().to_string())))
                    .collect();
                ClaimState { verdict: tag.and_then(|t| t.verdict), note: tag.map(|t| t.note.clone()).filter(|n| !n.is_empty()), readers }
            })
            .collect();
        let in_section = |i: usize| (first..last).contains(&i);
        let editing = props.editing_note.clone().filter(|id| claims.get(first..last).unwrap_or(&[]).iter().any(|c| &c.id == id));
        let highlighted = props.highlighted.clone().filter(|name| specs.get(start..end).unwrap_or(&[]).iter().any(|p| mentions(a, p.block.span, name)));
        html! {
            <Section key={start} article={a.clone()} paragraphs={specs.clone()} {start} {end} claims={states}
                focused={props.focused.filter(|&i| in_section(i))} editing_note={editing} {highlighted} filter={props.filter}
                actions={actions.clone()} />
        }
    });
    html! {
        <main class={classes!("reading", props.hidden_marks.iter().map(|k| format!("hide-{}", k.name())).collect::<Vec<_>>())} aria-label="Article">
            <article>
                <h1>{
                    match a.analysis.title {
                        Some(t) => marks_in(a, t, title_style).into_iter().collect::<Html>(),
                        None => Html::from(a.headline().to_string()),
                    }
                }</h1>
                <p class="byline">{
                    // Pasted text is named by its first words, which the heading shows.
                    if a.file == a.headline() { format!("{} claims", claims.len()) } else { format!("{} · {} claims", a.file, claims.len()) }
                }</p>
                <div class="filters" role="radiogroup" aria-label="Show claims">
                    { for [(Filter::All, "All"), (Filter::Open, "Open"), (Filter::Confirmed, "Confirmed"), (Filter::Disputed, "Disputed")].into_iter().map(|(f, label)| {
                        let cb = props.on_filter.clone();
                        let onclick = Callback::from(move |_: MouseEvent| cb.emit(f));
                        html! { <button type="button" role="radio" aria-checked={(props.filter == f).to_string()} {onclick}>{ label }</button> }
                    }) }
                </div>
                <div class="legend" role="group" aria-label="Marks shown">
                    { for MarkKind::ALL.into_iter().map(|kind| {
                        let shown = !props.hidden_marks.contains(&kind);
                        let cb = props.on_toggle_marks.clone();
                        let onclick = Callback::from(move |_: MouseEvent| cb.emit(kind));
                        let sample = match kind {
                            MarkKind::Person => "mark entity person",
                            MarkKind::Org => "mark entity org",
                            MarkKind::Place => "mark entity place",
                            MarkKind::Other => "mark entity other",
                            MarkKind::Quote => "mark quote direct",
                            MarkKind::Number => "mark number",
                        };
                        html! {
                            <button type="button" class="legend-toggle" aria-pressed={shown.to_string()} {onclick}>
                                <span class={sample}>{ kind.name() }</span>
                            </button>
                        }
                    }) }
                    <span class="legend-claims">{ "Click a kind to hide or show its marks. Click a sentence, or move with j/k, to confirm or dispute it; Tab then reaches the details of its marks." }</span>
                </div>
                { for sections }
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
