//! Every entity across the loaded articles, grouped by type and canonical name, with its
//! spellings and how often each article mentions it.

use super::Article;
use crate::analysis::entities::EntityType;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    pub canonical: String,
    pub kind: EntityType,
    /// Each spelling as written, with its number of mentions.
    pub spellings: BTreeMap<String, usize>,
    /// Mentions per article, in the order of the articles.
    pub per_article: Vec<usize>,
    pub total: usize,
}

/// Group the entities of the articles; most-mentioned first, then by name.
pub fn entity_index(articles: &[Rc<Article>]) -> Vec<EntityGroup> {
    let mut groups: BTreeMap<(EntityType, String), EntityGroup> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for e in &a.analysis.entities {
            let g = groups
                .entry((e.kind, e.canonical.clone()))
                .or_insert_with(|| EntityGroup {
                    canonical: e.canonical.clone(),
                    kind: e.kind,
                    spellings: BTreeMap::new(),
                    per_article: vec![0; articles.len()],
                    total: 0,
                });
            *g.spellings
                .entry(e.span.slice(&a.text).unwrap_or("").to_string())
                .or_insert(0) += 1;
            if let Some(n) = g.per_article.get_mut(i) {
                *n += 1;
            }
            g.total += 1;
        }
    }
    let mut out: Vec<EntityGroup> = groups.into_values().collect();
    out.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.canonical.cmp(&b.canonical))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AppState;

    #[test]
    fn groups_spellings_and_counts_per_article() {
        let s = AppState::with_seeds();
        let index = entity_index(&s.articles);
        let ushakov = index
            .iter()
            .find(|g| g.canonical == "Yuri Ushakov" && g.kind == EntityType::Person)
            .unwrap();
        assert!(
            ushakov.spellings.contains_key("Ushakov")
                && ushakov.spellings.contains_key("Yuri Ushakov")
        );
        assert_eq!(ushakov.total, ushakov.per_article.iter().sum::<usize>());
        assert_eq!(ushakov.total, ushakov.spellings.values().sum::<usize>());
        let first = &s.articles[0];
        let in_first = first
            .analysis
            .entities
            .iter()
            .filter(|e| e.canonical == "Yuri Ushakov")
            .count();
        assert_eq!(ushakov.per_article[0], in_first);
        // Sorted by mentions.
        assert!(index.windows(2).all(|w| w[0].total >= w[1].total));
    }
}
