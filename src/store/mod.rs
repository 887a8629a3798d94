//! The app state and its pure reducer: `AppState::apply(&self, Action) -> AppState`.
//!
//! No browser here: the Yew glue (`Reducible`) lives in `ui`, side effects in hooks.

use crate::analysis::{analyze, Analysis};
use crate::seeds::SEEDS;
use crate::text::sha256_hex;
use std::rc::Rc;

/// One loaded article and its analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File name or a label for pasted text.
    pub file: String,
    pub text: String,
    /// Lower-case hex SHA-256 of the text's UTF-8 bytes: the article's identity.
    pub sha256: String,
    pub analysis: Analysis,
}

impl Article {
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let analysis = analyze(&text);
        Article { file: file.into(), sha256: sha256_hex(text.as_bytes()), analysis, text }
    }

    /// The headline, or the file name when no headline was found.
    pub fn headline(&self) -> &str {
        self.analysis.title.and_then(|t| t.slice(&self.text)).unwrap_or(&self.file)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub articles: Vec<Rc<Article>>,
    /// Index into `articles` of the article in the reading pane.
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the article at this index; out-of-range indices are ignored.
    Select(usize),
}

impl AppState {
    /// The state the app opens with: the bundled seed articles, the first one selected.
    pub fn with_seeds() -> Self {
        AppState {
            articles: SEEDS.iter().map(|s| Rc::new(Article::new(s.file, s.text))).collect(),
            selected: 0,
        }
    }

    pub fn selected_article(&self) -> Option<&Rc<Article>> {
        self.articles.get(self.selected)
    }

    #[must_use]
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::Select(i) if i < self.articles.len() => AppState { selected: i, ..self.clone() },
            Action::Select(_) => self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_the_five_seeds() {
        let s = AppState::with_seeds();
        assert_eq!(s.articles.len(), 5);
        assert_eq!(s.selected_article().map(|a| a.headline()), Some("Putin to Witkoff: “No compromise” on occupied Ukraine"));
    }

    #[test]
    fn select_moves_and_ignores_out_of_range() {
        let s = AppState::with_seeds();
        let t = s.apply(Action::Select(3));
        assert_eq!(t.selected, 3);
        assert_eq!(t.apply(Action::Select(99)).selected, 3);
    }
}
