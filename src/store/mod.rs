//! The app state and its pure reducer: `AppState::apply(&self, Action) -> AppState`.
//!
//! No browser here: the Yew glue (`Reducible`) lives in `ui`, side effects in hooks. Time
//! enters through actions (`at`), so `apply` is deterministic.

pub mod entity_index;
pub mod library;
pub mod orphans;
pub mod profile;
pub mod sharing;
pub mod tags;

use crate::analysis::{analyze, Analysis};
use crate::annotation::plan::{Orphan, Plan};
use crate::annotation::{annotations_of, Annotation, ArticleRef, Creator};
use crate::seeds::SEEDS;
use crate::text::sha256_hex;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use tags::{ArticleTags, Tag, Verdict};

/// One loaded article and its analysis.
#[derive(Debug, Clone)]
pub struct Article {
    /// File name or a label for pasted text.
    pub file: String,
    pub text: String,
    /// Lower-case hex SHA-256 of the text's UTF-8 bytes: the article's identity.
    pub sha256: String,
    /// Shared: the page compares articles on every render, by identity of the analysis.
    pub analysis: Rc<Analysis>,
    /// When the reader added it (ms since the Unix epoch); `None` for a bundled seed.
    pub added: Option<f64>,
}

impl Article {
    /// Analyse an article on its own.
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let analysis = analyze(&text);
        Article::with_analysis(file, text, analysis)
    }

    /// An article whose analysis was made elsewhere (with the rest of its set).
    pub fn with_analysis(
        file: impl Into<String>,
        text: impl Into<String>,
        analysis: Analysis,
    ) -> Self {
        let text = text.into();
        Article {
            file: file.into(),
            sha256: sha256_hex(text.as_bytes()),
            analysis: Rc::new(analysis),
            text,
            added: None,
        }
    }

    /// Whether the reader added it (and can remove it).
    pub fn is_own(&self) -> bool {
        self.added.is_some()
    }

    /// The headline, or the file name when no headline was found.
    pub fn headline(&self) -> &str {
        self.analysis
            .title
            .and_then(|t| t.slice(&self.text))
            .unwrap_or(&self.file)
    }
}

/// Two articles are the same when they have the same text (by hash), name and origin and
/// share one analysis: comparing analyses field by field on every render of a long article
/// would cost more than the render.
impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        self.sha256 == other.sha256
            && self.file == other.file
            && self.added == other.added
            && Rc::ptr_eq(&self.analysis, &other.analysis)
    }
}

/// An article on its way in: named and with its text, not yet analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArticle {
    pub file: String,
    pub text: String,
    /// When the reader added it (ms since the Unix epoch).
    pub added: f64,
}

/// One member of the set an analysis job works on.
#[derive(Debug, Clone, PartialEq)]
pub struct JobInput {
    pub file: String,
    pub text: Rc<str>,
    pub sha256: String,
    pub added: Option<f64>,
}

/// The analysis of a changed set of articles, running in the background.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: u32,
    /// The whole set, in list order: the articles shown now and the ones being added.
    pub inputs: Rc<Vec<JobInput>>,
    pub done: u32,
    pub total: u32,
    pub stage: String,
    /// The article to show when the job is done.
    pub select: Option<String>,
}

impl Job {
    /// How many of the inputs are not in the list yet.
    pub fn adding(&self, shown: &[Rc<Article>]) -> usize {
        self.inputs
            .iter()
            .filter(|i| !shown.iter().any(|a| a.sha256 == i.sha256))
            .count()
    }
}

/// One change to one tag, kept for undo and redo.
#[derive(Debug, Clone, PartialEq)]
struct Edit {
    sha: String,
    claim: String,
    before: Option<Tag>,
    after: Option<Tag>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub articles: Vec<Rc<Article>>,
    /// Index into `articles` of the article in the reading pane.
    pub selected: usize,
    /// Index of the focused claim of the selected article.
    pub focused: Option<usize>,
    /// Tags by article content hash.
    pub tags: Rc<HashMap<String, ArticleTags>>,
    /// Articles whose stored tags could not be read: never written over.
    pub locked: BTreeSet<String>,
    /// The one problem the user should know about, if any.
    pub notice: Option<String>,
    pub filter: Filter,
    /// The claim whose note is being edited.
    pub editing_note: Option<String>,
    pub help_open: bool,
    /// The canonical name whose mentions are highlighted.
    pub highlighted: Option<String>,
    /// Mark kinds the reader has switched off in the legend.
    pub hidden_marks: BTreeSet<MarkKind>,
    /// The analysis running in the background, if any.
    pub job: Option<Job>,
    /// Imported annotations that could not be placed: kept, listed and exported again.
    pub orphans: Rc<Vec<Orphan>>,
    /// Changes whenever the list of articles or their analyses change, so that the page
    /// can tell cheaply when to recompute what depends on them.
    pub generation: u32,
    next_job: u32,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show the article at this index; out-of-range indices are ignored.
    Select(usize),
    /// Focus the claim at this index of the selected article.
    Focus(usize),
    FocusNext,
    FocusPrevious,
    /// Set (or with `None` clear) the verdict of a claim of the selected article.
    SetVerdict {
        claim: String,
        verdict: Option<Verdict>,
        at: f64,
    },
    /// Open the note editor on the focused claim.
    EditNote,
    /// Save (or with an empty text remove) the note of a claim of the selected article.
    SetNote {
        claim: String,
        note: String,
        at: f64,
    },
    CancelNote,
    SetFilter(Filter),
    ToggleHelp,
    /// Highlight the mentions of an entity (by canonical name); the same again clears it.
    Highlight(String),
    /// Switch a kind of mark off, or back on.
    ToggleMarks(MarkKind),
    Undo,
    Redo,
    /// Tags read from storage for one article.
    TagsLoaded {
        sha: String,
        tags: ArticleTags,
    },
    /// Another tab changed an article's stored tags: they replace ours for that article.
    TagsChangedElsewhere {
        sha: String,
        tags: ArticleTags,
    },
    /// Storage failed; `lock` marks an article whose stored tags must not be overwritten.
    StorageProblem {
        sha: Option<String>,
        message: String,
        lock: bool,
    },
    DismissNotice,
    /// Something the reader should know (a file that could not be read, say).
    Notice(String),
    /// Add articles: the set is analysed again with them (see [`Job`]). Texts already in
    /// the list are not added twice. With `select`, the first new one is shown when ready.
    AddArticles {
        articles: Vec<NewArticle>,
        select: bool,
    },
    /// The analysis job reached a stage.
    JobProgress {
        job: u32,
        done: u32,
        total: u32,
        stage: String,
    },
    /// The analysis job finished: one analysis per input, in order.
    JobDone {
        job: u32,
        analyses: Vec<Analysis>,
    },
    /// The analysis job could not be run.
    JobFailed {
        job: u32,
        message: String,
    },
    /// Remove an article the reader added. Its tags stay stored, so adding the same text
    /// again brings them back.
    RemoveArticle(String),
    /// The stored orphans, read at start or changed by another tab.
    OrphansLoaded(Vec<Orphan>),
    /// Apply a previewed import: new tags, the reader's `choices` (an index into
    /// [`crate::annotation::plan::Conflict::options`], one per conflict; missing means keep
    /// what is here), the orphans, and the articles the file carried.
    ApplyImport {
        plan: Rc<Plan>,
        choices: Vec<usize>,
        at: f64,
    },
}

/// Which claims the reading pane shows in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Open,
    Confirmed,
    Disputed,
}

impl Filter {
    pub fn admits(self, verdict: Option<Verdict>) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => verdict.is_none(),
            Filter::Confirmed => verdict == Some(Verdict::Confirmed),
            Filter::Disputed => verdict == Some(Verdict::Disputed),
        }
    }
}

/// The kinds of inline mark the legend can switch off and on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkKind {
    Person,
    Org,
    Place,
    Other,
    Quote,
    Number,
}

impl MarkKind {
    pub const ALL: [MarkKind; 6] = [
        MarkKind::Person,
        MarkKind::Org,
        MarkKind::Place,
        MarkKind::Other,
        MarkKind::Quote,
        MarkKind::Number,
    ];

    /// The CSS class and legend label of the kind.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Person => "person",
            MarkKind::Org => "organisation",
            MarkKind::Place => "place",
            MarkKind::Other => "other",
            MarkKind::Quote => "quote",
            MarkKind::Number => "number",
        }
    }
}

/// How many claims of an article carry each verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub confirmed: usize,
    pub disputed: usize,
    pub open: usize,
}

impl AppState {
    /// The state the app opens with: the bundled seed articles, the first one selected.
    pub fn with_seeds() -> Self {
        let texts: Vec<&str> = SEEDS.iter().map(|s| s.text).collect();
        let analyses = crate::analysis::analyze_set(&texts);
        let articles = SEEDS
            .iter()
            .zip(analyses)
            .map(|(s, analysis)| Rc::new(Article::with_analysis(s.file, s.text, analysis)))
            .collect();
        AppState {
            articles,
            selected: 0,
            focused: None,
            tags: Rc::default(),
            locked: BTreeSet::new(),
            notice: None,
            filter: Filter::All,
            editing_note: None,
            help_open: false,
            highlighted: None,
            hidden_marks: BTreeSet::new(),
            job: None,
            orphans: Rc::default(),
            generation: 0,
            next_job: 1,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn selected_article(&self) -> Option<&Rc<Article>> {
        self.articles.get(self.selected)
    }

    /// The tag of a claim of an article, if any.
    pub fn tag(&self, sha: &str, claim: &str) -> Option<&Tag> {
        self.tags.get(sha).and_then(|t| t.get(claim))
    }

    pub fn verdict(&self, sha: &str, claim: &str) -> Option<Verdict> {
        self.tag(sha, claim).and_then(|t| t.verdict)
    }

    pub fn counts(&self, article: &Article) -> Counts {
        let mut c = Counts::default();
        for claim in &article.analysis.claims {
            match self.verdict(&article.sha256, &claim.id) {
                Some(Verdict::Confirmed) => c.confirmed += 1,
                Some(Verdict::Disputed) => c.disputed += 1,
                None => c.open += 1,
            }
        }
        c
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn claim_count(&self) -> usize {
        self.selected_article()
            .map_or(0, |a| a.analysis.claims.len())
    }

    /// The claim ids of the selected article that the filter admits, in order.
    fn admitted(&self) -> Vec<usize> {
        let Some(a) = self.selected_article() else {
            return Vec::new();
        };
        a.analysis
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| self.filter.admits(self.verdict(&a.sha256, &c.id)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Replace a tag of the selected article and record the change for undo.
    fn edit(&mut self, claim: &str, change: impl FnOnce(Option<Tag>) -> Option<Tag>) {
        let Some(article) = self.selected_article() else {
            return;
        };
        if !article.analysis.claims.iter().any(|c| c.id == claim) {
            return;
        }
        let sha = article.sha256.clone();
        let before = self.tag(&sha, claim).cloned();
        let after = change(before.clone()).filter(|t| !t.is_empty());
        if before.as_ref().map(|t| (t.verdict, &t.note))
            == after.as_ref().map(|t| (t.verdict, &t.note))
        {
            return;
        }
        self.put(&sha, claim, after.clone());
        self.undo.push(Edit {
            sha,
            claim: claim.to_string(),
            before,
            after,
        });
        self.redo.clear();
    }

    fn put(&mut self, sha: &str, claim: &str, tag: Option<Tag>) {
        // A claim keeps its entry while any reader's tag on it says something.
        let all = Rc::make_mut(&mut self.tags);
        let article = all.entry(sha.to_string()).or_default();
        match tag.filter(|t| !t.is_blank()) {
            Some(t) => {
                article.insert(claim.to_string(), t);
            }
            None => {
                article.remove(claim);
            }
        }
    }

    #[must_use]
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Select(i) if i < self.articles.len() => {
                next.selected = i;
                next.focused = None;
                next.editing_note = None;
            }
            Action::Select(_) => {}
            Action::Focus(i) => next.focused = (i < self.claim_count()).then_some(i),
            Action::FocusNext => {
                // Moves among the claims the filter admits.
                let admitted = self.admitted();
                next.focused = match self.focused {
                    None => admitted.first().copied(),
                    Some(i) => admitted.iter().copied().find(|&k| k > i).or(Some(i)),
                };
            }
            Action::FocusPrevious => {
                let admitted = self.admitted();
                next.focused = match self.focused {
                    None => admitted.first().copied(),
                    Some(i) => admitted.iter().rev().copied().find(|&k| k < i).or(Some(i)),
                };
            }
            Action::SetVerdict { claim, verdict, at } => {
                next.edit(&claim, |before| {
                    Some(own_change(before, |mine| Tag {
                        created: Some(mine.map_or(at, Tag::first_made)),
                        ..Tag::new(
                            verdict,
                            mine.map(|t| t.note.clone()).unwrap_or_default(),
                            at,
                        )
                    }))
                });
            }
            Action::EditNote => {
                next.editing_note = self
                    .selected_article()
                    .and_then(|a| self.focused.and_then(|i| a.analysis.claims.get(i)))
                    .map(|c| c.id.clone());
            }
            Action::SetNote { claim, note, at } => {
                next.edit(&claim, |before| {
                    Some(own_change(before, |mine| Tag {
                        created: Some(mine.map_or(at, Tag::first_made)),
                        ..Tag::new(mine.and_then(|t| t.verdict), note.trim(), at)
                    }))
                });
                next.editing_note = None;
            }
            Action::CancelNote => next.editing_note = None,
            Action::SetFilter(f) => {
                next.filter = f;
                if let Some(i) = next.focused {
                    if !next.admitted().contains(&i) {
                        next.focused = None;
                    }
                }
            }
            Action::ToggleHelp => next.help_open = !self.help_open,
            Action::ToggleMarks(kind) => {
                if !next.hidden_marks.remove(&kind) {
                    next.hidden_marks.insert(kind);
                }
            }
            Action::Highlight(name) => {
                next.highlighted =
                    (self.highlighted.as_deref() != Some(name.as_str())).then_some(name);
            }
            Action::Undo => {
                if let Some(edit) = next.undo.pop() {
                    next.put(&edit.sha, &edit.claim, edit.before.clone());
                    next.redo.push(edit);
                }
            }
            Action::Redo => {
                if let Some(edit) = next.redo.pop() {
                    next.put(&edit.sha, &edit.claim, edit.after.clone());
                    next.undo.push(edit);
                }
            }
            Action::TagsLoaded { sha, tags } => {
                // Tags made in this session win over what storage held for the same claim.
                let all = Rc::make_mut(&mut next.tags);
                let current = all.entry(sha).or_default();
                for (claim, tag) in tags {
                    current.entry(claim).or_insert(tag);
                }
            }
            Action::TagsChangedElsewhere { sha, tags } => {
                // Undoing across another tab's change would overwrite it: forget that
                // article's history here.
                next.undo.retain(|e| e.sha != sha);
                next.redo.retain(|e| e.sha != sha);
                Rc::make_mut(&mut next.tags).insert(sha, tags);
            }
            Action::StorageProblem { sha, message, lock } => {
                if let (Some(sha), true) = (sha, lock) {
                    next.locked.insert(sha);
                }
                next.notice = Some(message);
            }
            Action::DismissNotice => next.notice = None,
            Action::Notice(message) => next.notice = Some(message),
            Action::AddArticles { articles, select } => next.add_articles(articles, select),
            Action::JobProgress {
                job,
                done,
                total,
                stage,
            } => {
                if let Some(j) = next.job.as_mut().filter(|j| j.id == job) {
                    (j.done, j.total, j.stage) = (done, total, stage);
                }
            }
            Action::JobDone { job, analyses } => next.finish_job(job, analyses),
            Action::JobFailed { job, message } => {
                if next.job.as_ref().is_some_and(|j| j.id == job) {
                    next.job = None;
                    next.notice = Some(format!("The articles could not be analysed: {message}"));
                }
            }
            Action::RemoveArticle(sha) => next.remove_article(&sha),
            Action::OrphansLoaded(orphans) => next.orphans = Rc::new(orphans),
            Action::ApplyImport { plan, choices, at } => next.apply_import(&plan, &choices, at),
        }
        next
    }

    /// The open articles as the annotation code sees them.
    pub fn article_refs(&self) -> Vec<ArticleRef<'_>> {
        self.articles
            .iter()
            .map(|a| ArticleRef {
                file: &a.file,
                title: a.headline(),
                text: &a.text,
                sha256: &a.sha256,
                claims: &a.analysis.claims,
            })
            .collect()
    }

    /// Every tag as a portable annotation: of one article (by hash), or of all of them with
    /// the orphans after. `me` is the reader, the creator of the tags made here.
    pub fn annotations(&self, only: Option<&str>, me: &Creator) -> Vec<Annotation> {
        let mut out: Vec<Annotation> = self
            .article_refs()
            .into_iter()
            .filter(|a| only.is_none_or(|sha| a.sha256 == sha))
            .flat_map(|a| {
                self.tags
                    .get(a.sha256)
                    .map(|t| annotations_of(a, t, me))
                    .unwrap_or_default()
            })
            .collect();
        if only.is_none() {
            out.extend(self.orphans.iter().map(|o| o.annotation.clone()));
        }
        out
    }

    fn apply_import(&mut self, plan: &Plan, choices: &[usize], at: f64) {
        let mut changed = 0;
        let mut refused = BTreeSet::new();
        let me = plan
            .reader
            .clone()
            .unwrap_or_else(crate::annotation::plan::unknown_reader);
        // An imported tag takes its creator's place on the claim: it replaces that reader's
        // tag and leaves the others' beside it.
        let mut set = |state: &mut AppState, sha: &str, claim: &str, tag: Option<Tag>| {
            if state.locked.contains(sha) {
                refused.insert(sha.to_string());
                return;
            }
            let before = state.tag(sha, claim).cloned();
            let tag = match (before.clone(), tag) {
                (Some(b), Some(t)) => Some(b.with_reader(t, &me)),
                (_, t) => t,
            };
            state.put(sha, claim, tag.clone());
            state.undo.push(Edit {
                sha: sha.to_string(),
                claim: claim.to_string(),
                before,
                after: tag,
            });
            changed += 1;
        };
        for p in &plan.new {
            set(self, &p.sha256, &p.claim, Some(p.tag.clone()));
        }
        for (i, c) in plan.conflicts.iter().enumerate() {
            let choice = choices.get(i).copied().unwrap_or(0);
            let keeps_stored = c.stored.is_some() && choice == 0;
            if let (false, Some(tag)) = (keeps_stored, c.options().get(choice)) {
                set(self, &c.sha256, &c.claim, Some((*tag).clone()));
            }
        }
        self.redo.clear();
        let mut orphans = self.orphans.as_ref().clone();
        let before = orphans.len();
        for o in &plan.orphans {
            if !orphans.iter().any(|k| k.annotation.same_as(&o.annotation)) {
                orphans.push(o.clone());
            }
        }
        let kept = orphans.len() - before;
        if kept > 0 {
            self.orphans = Rc::new(orphans);
        }
        if !plan.articles.is_empty() {
            let articles = plan
                .articles
                .iter()
                .map(|t| NewArticle {
                    file: t.label.clone().unwrap_or_else(|| "Imported article".into()),
                    text: t.text.clone(),
                    added: at,
                })
                .collect();
            self.add_articles(articles, false);
        }
        let mut parts = vec![format!(
            "{changed} tag{} imported",
            if changed == 1 { "" } else { "s" }
        )];
        if !plan.articles.is_empty() {
            parts.push(format!(
                "{} article{} added",
                plan.articles.len(),
                if plan.articles.len() == 1 { "" } else { "s" }
            ));
        }
        if kept > 0 {
            parts.push(format!("{kept} kept as unplaced"));
        }
        let mut message = format!("Import done: {}.", parts.join(", "));
        if !refused.is_empty() {
            message.push_str(&format!(
                " {} article(s) whose stored tags cannot be read were left as they are.",
                refused.len()
            ));
        }
        self.notice = Some(message);
    }

    /// The set as it will be once the running job (if any) is done.
    fn current_inputs(&self) -> Vec<JobInput> {
        if let Some(job) = &self.job {
            return job.inputs.as_ref().clone();
        }
        self.articles
            .iter()
            .map(|a| JobInput {
                file: a.file.clone(),
                text: Rc::from(a.text.as_str()),
                sha256: a.sha256.clone(),
                added: a.added,
            })
            .collect()
    }

    fn add_articles(&mut self, articles: Vec<NewArticle>, select: bool) {
        let mut inputs = self.current_inputs();
        let before = inputs.len();
        let mut first_new = None;
        let mut already = Vec::new();
        for a in articles {
            let sha = sha256_hex(a.text.as_bytes());
            if let Some(existing) = inputs.iter().find(|i| i.sha256 == sha) {
                already.push(format!(
                    "“{}” is already open as “{}”",
                    a.file, existing.file
                ));
                first_new.get_or_insert(sha);
                continue;
            }
            first_new.get_or_insert(sha.clone());
            inputs.push(JobInput {
                file: a.file,
                text: Rc::from(a.text),
                sha256: sha,
                added: Some(a.added),
            });
        }
        // Only the reader's own request deserves the remark; a restored or synced article
        // that is already here is simply skipped.
        if select && !already.is_empty() {
            self.notice = Some(format!("{}.", already.join("; ")));
        }
        let select = if select {
            first_new
        } else {
            self.job.as_ref().and_then(|j| j.select.clone())
        };
        if inputs.len() == before {
            // Nothing new: show the article that was asked for, if it is in the list.
            if let Some(i) =
                select.and_then(|sha| self.articles.iter().position(|a| a.sha256 == sha))
            {
                self.show(i);
            }
            return;
        }
        self.start_job(inputs, select);
    }

    fn finish_job(&mut self, job: u32, analyses: Vec<Analysis>) {
        let Some(j) = self.job.take_if(|j| j.id == job) else {
            return;
        };
        if analyses.len() != j.inputs.len() {
            self.notice = Some(format!(
                "The analysis returned {} results for {} articles; the list is unchanged.",
                analyses.len(),
                j.inputs.len()
            ));
            return;
        }
        let shown = self.selected_article().map(|a| a.sha256.clone());
        self.generation += 1;
        self.articles = j
            .inputs
            .iter()
            .zip(analyses)
            .map(|(input, analysis)| {
                // The hash is the input's: hashing a long text again would only repeat it.
                Rc::new(Article {
                    file: input.file.clone(),
                    text: input.text.to_string(),
                    sha256: input.sha256.clone(),
                    analysis: Rc::new(analysis),
                    added: input.added,
                })
            })
            .collect();
        let target = j.select.or(shown.clone());
        let index = target
            .and_then(|sha| self.articles.iter().position(|a| a.sha256 == sha))
            .unwrap_or(0);
        if shown.as_deref() != self.articles.get(index).map(|a| a.sha256.as_str()) {
            self.show(index);
        } else {
            self.selected = index;
        }
    }

    fn remove_article(&mut self, sha: &str) {
        // A running job that includes it starts again without it: its result would put
        // the article back.
        if let Some(job) = self.job.take() {
            let inputs: Vec<JobInput> = job
                .inputs
                .iter()
                .filter(|i| i.sha256 != sha || i.added.is_none())
                .cloned()
                .collect();
            let select = job.select.filter(|s| s != sha);
            self.start_job(inputs, select);
        }
        let Some(index) = self
            .articles
            .iter()
            .position(|a| a.sha256 == sha && a.is_own())
        else {
            return;
        };
        let shown = self.selected_article().map(|a| a.sha256.clone());
        self.articles.remove(index);
        self.generation += 1;
        match shown.and_then(|s| self.articles.iter().position(|a| a.sha256 == s)) {
            Some(i) => self.selected = i,
            None => self.show(index.min(self.articles.len().saturating_sub(1))),
        }
    }

    fn start_job(&mut self, inputs: Vec<JobInput>, select: Option<String>) {
        let id = self.next_job;
        self.next_job += 1;
        self.job = Some(Job {
            id,
            inputs: Rc::new(inputs),
            done: 0,
            total: crate::analysis::STAGES.len() as u32,
            stage: String::new(),
            select,
        });
    }

    /// Show another article from the top.
    fn show(&mut self, index: usize) {
        self.selected = index;
        self.focused = None;
        self.editing_note = None;
    }
}

/// The reader's own change to a claim's tag: `change` gets the reader's own tag, if any,
/// and returns the new one. Other readers' tags stay as they are; a colleague's tag that
/// held the claim's own place moves beside the reader's.
fn own_change(before: Option<Tag>, change: impl FnOnce(Option<&Tag>) -> Tag) -> Tag {
    let Some(mut before) = before else {
        return change(None);
    };
    let mut others = std::mem::take(&mut before.others);
    let mine = if before.creator.is_none() {
        Some(before)
    } else {
        others.insert(0, before);
        None
    };
    let mut tag = change(mine.as_ref());
    tag.others = others.into_iter().filter(|t| !t.is_empty()).collect();
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_the_five_seeds() {
        let s = AppState::with_seeds();
        assert_eq!(s.articles.len(), 5);
        assert_eq!(
            s.selected_article().map(|a| a.headline()),
            Some("Putin to Witkoff: “No compromise” on occupied Ukraine")
        );
    }

    #[test]
    fn select_moves_and_ignores_out_of_range() {
        let s = AppState::with_seeds();
        let t = s.apply(Action::Select(3));
        assert_eq!(t.selected, 3);
        assert_eq!(t.apply(Action::Select(99)).selected, 3);
    }

    fn first_claim(s: &AppState) -> (String, String) {
        let a = s.selected_article().unwrap();
        (a.sha256.clone(), a.analysis.claims[0].id.clone())
    }

    #[test]
    fn verdicts_undo_redo_and_counts() {
        let s = AppState::with_seeds();
        let (sha, claim) = first_claim(&s);
        let total = s.counts(&s.articles[0]).open;
        let t = s.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: Some(Verdict::Disputed),
            at: 5.0,
        });
        assert_eq!(t.verdict(&sha, &claim), Some(Verdict::Disputed));
        assert_eq!(
            t.counts(&t.articles[0]),
            Counts {
                confirmed: 0,
                disputed: 1,
                open: total - 1
            }
        );
        let u = t.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: Some(Verdict::Confirmed),
            at: 6.0,
        });
        assert_eq!(u.verdict(&sha, &claim), Some(Verdict::Confirmed));
        let back = u.apply(Action::Undo);
        assert_eq!(back.verdict(&sha, &claim), Some(Verdict::Disputed));
        let back2 = back.apply(Action::Undo);
        assert_eq!(back2.verdict(&sha, &claim), None);
        assert!(
            back2.tags.get(&sha).is_none_or(|t| t.is_empty()),
            "cleared tags leave nothing"
        );
        let fwd = back2.apply(Action::Redo).apply(Action::Redo);
        assert_eq!(fwd.verdict(&sha, &claim), Some(Verdict::Confirmed));
        assert!(!fwd.can_redo());
        // A new edit after undo drops the redo history.
        let branch = back.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: None,
            at: 7.0,
        });
        assert!(!branch.can_redo());
    }

    #[test]
    fn unknown_claims_and_no_op_edits_are_ignored() {
        let s = AppState::with_seeds();
        let t = s.apply(Action::SetVerdict {
            claim: "c000".into(),
            verdict: Some(Verdict::Confirmed),
            at: 1.0,
        });
        assert!(!t.can_undo());
        let (_, claim) = first_claim(&s);
        let t = s.apply(Action::SetVerdict {
            claim,
            verdict: None,
            at: 1.0,
        });
        assert!(!t.can_undo(), "clearing an untagged claim changes nothing");
    }

    #[test]
    fn focus_moves_within_the_article() {
        let s = AppState::with_seeds();
        let n = s.selected_article().unwrap().analysis.claims.len();
        let t = s.apply(Action::FocusNext);
        assert_eq!(t.focused, Some(0));
        assert_eq!(t.apply(Action::FocusPrevious).focused, Some(0));
        let end = (0..n + 3).fold(t, |st, _| st.apply(Action::FocusNext));
        assert_eq!(end.focused, Some(n - 1));
        assert_eq!(end.apply(Action::Select(2)).focused, None);
    }

    #[test]
    fn loaded_tags_do_not_override_this_sessions_edits() {
        let s = AppState::with_seeds();
        let (sha, claim) = first_claim(&s);
        let t = s.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: Some(Verdict::Confirmed),
            at: 2.0,
        });
        let mut stored = ArticleTags::new();
        stored.insert(claim.clone(), Tag::new(Some(Verdict::Disputed), "", 1.0));
        stored.insert("cother".into(), Tag::new(Some(Verdict::Disputed), "", 1.0));
        let u = t.apply(Action::TagsLoaded {
            sha: sha.clone(),
            tags: stored,
        });
        assert_eq!(u.verdict(&sha, &claim), Some(Verdict::Confirmed));
        assert_eq!(u.verdict(&sha, "cother"), Some(Verdict::Disputed));
    }

    #[test]
    fn changes_from_another_tab_replace_ours_and_our_history_for_that_article() {
        let s = AppState::with_seeds();
        let (sha, claim) = first_claim(&s);
        let t = s.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: Some(Verdict::Confirmed),
            at: 2.0,
        });
        let mut theirs = ArticleTags::new();
        theirs.insert(claim.clone(), Tag::new(Some(Verdict::Disputed), "", 3.0));
        let u = t.apply(Action::TagsChangedElsewhere {
            sha: sha.clone(),
            tags: theirs,
        });
        assert_eq!(u.verdict(&sha, &claim), Some(Verdict::Disputed));
        assert!(!u.can_undo());
        let gone = u.apply(Action::TagsChangedElsewhere {
            sha: sha.clone(),
            tags: ArticleTags::new(),
        });
        assert_eq!(gone.verdict(&sha, &claim), None);
    }

    #[test]
    fn notes_keep_the_verdict_and_undo() {
        let s = AppState::with_seeds().apply(Action::FocusNext);
        let (sha, claim) = first_claim(&s);
        let t = s.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: Some(Verdict::Disputed),
            at: 1.0,
        });
        let t = t.apply(Action::EditNote);
        assert_eq!(t.editing_note.as_deref(), Some(claim.as_str()));
        let u = t.apply(Action::SetNote {
            claim: claim.clone(),
            note: "  Kremlin says Wednesday ".into(),
            at: 2.0,
        });
        assert_eq!(u.editing_note, None);
        let tag = u.tag(&sha, &claim).unwrap();
        assert_eq!(
            (tag.verdict, tag.note.as_str()),
            (Some(Verdict::Disputed), "Kremlin says Wednesday")
        );
        assert_eq!(u.apply(Action::Undo).tag(&sha, &claim).unwrap().note, "");
        // A note alone keeps a tag; clearing the verdict then leaves the note.
        let v = u.apply(Action::SetVerdict {
            claim: claim.clone(),
            verdict: None,
            at: 3.0,
        });
        assert_eq!(
            v.tag(&sha, &claim).map(|t| t.note.as_str()),
            Some("Kremlin says Wednesday")
        );
    }

    #[test]
    fn filters_limit_focus_movement() {
        let s = AppState::with_seeds();
        let a = s.selected_article().unwrap().clone();
        let c2 = a.analysis.claims[2].id.clone();
        let c5 = a.analysis.claims[5].id.clone();
        let t = s
            .apply(Action::SetVerdict {
                claim: c2,
                verdict: Some(Verdict::Disputed),
                at: 1.0,
            })
            .apply(Action::SetVerdict {
                claim: c5,
                verdict: Some(Verdict::Disputed),
                at: 1.0,
            })
            .apply(Action::SetFilter(Filter::Disputed));
        let f = t.apply(Action::FocusNext);
        assert_eq!(f.focused, Some(2));
        assert_eq!(f.apply(Action::FocusNext).focused, Some(5));
        assert_eq!(
            f.apply(Action::FocusNext).apply(Action::FocusNext).focused,
            Some(5)
        );
        assert_eq!(
            f.apply(Action::FocusNext)
                .apply(Action::FocusPrevious)
                .focused,
            Some(2)
        );
        assert_eq!(f.apply(Action::SetFilter(Filter::Confirmed)).focused, None);
        assert!(Filter::Open.admits(None) && !Filter::Open.admits(Some(Verdict::Confirmed)));
    }

    #[test]
    fn mark_kinds_toggle() {
        let s = AppState::with_seeds().apply(Action::ToggleMarks(MarkKind::Place));
        assert!(s.hidden_marks.contains(&MarkKind::Place));
        assert!(s
            .apply(Action::ToggleMarks(MarkKind::Place))
            .hidden_marks
            .is_empty());
    }

    #[test]
    fn highlight_toggles() {
        let s = AppState::with_seeds().apply(Action::Highlight("Vladimir Putin".into()));
        assert_eq!(s.highlighted.as_deref(), Some("Vladimir Putin"));
        assert_eq!(
            s.apply(Action::Highlight("Vladimir Putin".into()))
                .highlighted,
            None
        );
    }

    #[test]
    fn storage_problems_lock_and_notify() {
        let s = AppState::with_seeds().apply(Action::StorageProblem {
            sha: Some("x".into()),
            message: "m".into(),
            lock: true,
        });
        assert!(s.locked.contains("x"));
        assert_eq!(s.notice.as_deref(), Some("m"));
        assert_eq!(s.apply(Action::DismissNotice).notice, None);
    }

    fn new_article(file: &str, text: &str) -> NewArticle {
        NewArticle {
            file: file.into(),
            text: text.into(),
            added: 10.0,
        }
    }

    /// Run the state's job in process, as the worker would.
    fn finish(s: &AppState) -> AppState {
        let job = s.job.clone().expect("a job");
        let texts: Vec<&str> = job.inputs.iter().map(|i| i.text.as_ref()).collect();
        s.apply(Action::JobDone {
            job: job.id,
            analyses: crate::analysis::analyze_set(&texts),
        })
    }

    #[test]
    fn added_articles_join_the_set_after_analysis_and_are_shown() {
        let s = AppState::with_seeds().apply(Action::Select(2));
        let t = s.apply(Action::AddArticles {
            articles: vec![new_article(
                "mine.txt",
                "Storm hits coast\n\nMayor Jo Park said the town was ready.",
            )],
            select: true,
        });
        assert_eq!(t.articles.len(), 5, "not listed before it is analysed");
        let job = t.job.clone().unwrap();
        assert_eq!((job.inputs.len(), job.adding(&t.articles)), (6, 1));
        let p = t.apply(Action::JobProgress {
            job: job.id,
            done: 2,
            total: 4,
            stage: "Attributing quotes".into(),
        });
        assert_eq!(p.job.as_ref().map(|j| j.done), Some(2));
        let u = finish(&p);
        assert!(u.job.is_none());
        assert_eq!(u.articles.len(), 6);
        assert_eq!(u.selected, 5);
        assert_eq!(u.selected_article().unwrap().headline(), "Storm hits coast");
        assert!(u.selected_article().unwrap().is_own() && !u.articles[0].is_own());
        assert!(u
            .selected_article()
            .unwrap()
            .analysis
            .entities
            .iter()
            .any(|e| e.canonical == "Jo Park"));
    }

    #[test]
    fn the_same_text_is_not_added_twice() {
        let s = finish(&AppState::with_seeds().apply(Action::AddArticles {
            articles: vec![new_article("a.txt", "Title here\n\nBody text.")],
            select: false,
        }));
        assert_eq!(
            s.selected, 0,
            "restored articles do not take the reading pane"
        );
        let again = s.apply(Action::AddArticles {
            articles: vec![new_article("copy.txt", "Title here\n\nBody text.")],
            select: true,
        });
        assert!(again.job.is_none());
        assert_eq!(again.selected, 5);
        assert!(again
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("already open as “a.txt”")));
        let seed = s.apply(Action::AddArticles {
            articles: vec![new_article("seed.txt", SEEDS[1].text)],
            select: true,
        });
        assert_eq!((seed.articles.len(), seed.selected), (6, 1));
    }

    #[test]
    fn stale_and_mismatched_job_results_change_nothing() {
        let s = AppState::with_seeds().apply(Action::AddArticles {
            articles: vec![new_article("a.txt", "Title one\n\nBody one.")],
            select: true,
        });
        let first = s.job.clone().unwrap().id;
        let t = s.apply(Action::AddArticles {
            articles: vec![new_article("b.txt", "Title two\n\nBody two.")],
            select: true,
        });
        assert_ne!(
            t.job.as_ref().unwrap().id,
            first,
            "a changed set is a new job"
        );
        assert_eq!(
            t.job.as_ref().unwrap().inputs.len(),
            7,
            "the new job includes the pending article"
        );
        let stale = t.apply(Action::JobDone {
            job: first,
            analyses: Vec::new(),
        });
        assert_eq!(stale, t);
        let short = t.apply(Action::JobDone {
            job: t.job.as_ref().unwrap().id,
            analyses: Vec::new(),
        });
        assert_eq!(short.articles.len(), 5);
        assert!(short.notice.is_some());
        let failed = t.apply(Action::JobFailed {
            job: t.job.as_ref().unwrap().id,
            message: "boom".into(),
        });
        assert!(
            failed.job.is_none() && failed.notice.as_deref().is_some_and(|n| n.contains("boom"))
        );
    }

    #[test]
    fn own_articles_can_be_removed_and_seeds_cannot() {
        let s = finish(&AppState::with_seeds().apply(Action::AddArticles {
            articles: vec![
                new_article("a.txt", "Title one\n\nBody one."),
                new_article("b.txt", "Title two\n\nBody two."),
            ],
            select: true,
        }));
        assert_eq!((s.articles.len(), s.selected), (7, 5));
        let sha = s.articles[5].sha256.clone();
        let t = s.apply(Action::RemoveArticle(sha));
        assert_eq!(t.articles.len(), 6);
        assert_eq!(t.selected_article().unwrap().file, "b.txt");
        let seed = t.articles[0].sha256.clone();
        assert_eq!(t.apply(Action::RemoveArticle(seed)).articles.len(), 6);
        // Removing an article that is still being analysed restarts the job without it.
        let u = t.apply(Action::AddArticles {
            articles: vec![new_article("c.txt", "Title three\n\nBody three.")],
            select: true,
        });
        let c = u
            .job
            .as_ref()
            .unwrap()
            .inputs
            .last()
            .unwrap()
            .sha256
            .clone();
        let v = u.apply(Action::RemoveArticle(c));
        assert_eq!(v.job.as_ref().unwrap().inputs.len(), 6);
        assert_eq!(finish(&v).articles.len(), 6);
    }
}
