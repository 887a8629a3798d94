//! Markdown to article text, with pulldown-cmark (CommonMark): the words stay, the syntax
//! goes. Each block (heading, paragraph, list item, quotation, code block) becomes one
//! paragraph; links keep their text; images and raw HTML are dropped, never interpreted.

use super::normalise_text;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The text of a Markdown document, one block per paragraph.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    // Inside an image the events are its alt text, which is not article prose.
    let mut in_image = 0usize;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("\n\n"),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::Rule => out.push_str("\n\n"),
            // Raw HTML, footnote markers, math and task boxes carry no prose.
            _ => {}
        }
    }
    normalise_text(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_goes_words_stay() {
        let md = "# Storm hits *coast*\n\nThe [mayor](https://example.org) said \"we are ready\".\nMore\nwords.\n\n![a map](map.png)\n\n## Damage\n\n- First item\n- Second item\n\n> A quoted line.\n\n<script>alert(1)</script>\n\nEnd `code`.";
        assert_eq!(
            to_text(md),
            "Storm hits coast\n\nThe mayor said \"we are ready\". More words.\n\nDamage\n\nFirst item\n\nSecond item\n\nA quoted line.\n\nEnd code."
        );
    }
}
