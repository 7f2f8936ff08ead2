//! Which part of a web page is the article: Readability-style scoring of the tree that
//! [`crate::html`] already parsed (issue 16: on pages without `<article>`, "Most read"
//! headlines, teasers and cookie banners were read as the article and coded as events).
//!
//! The method is Mozilla Readability's, on our own tree and in linear time:
//! 1. One pass measures every element: visible text, text inside links, commas, and the
//!    text that is its own (not inside a block child), which is what a paragraph holds.
//!    Furniture by tag, role or `hidden` ([`crate::html`]'s rules) and elements whose class
//!    or id say comments, sidebar, related, most read, share, cookie, newsletter, promo
//!    ([`UNLIKELY`]) are not measured at all.
//! 2. Every paragraph (a `<p>`, `<pre>`, `<td>`, or a container's own text) of 25
//!    characters or more scores `1 + commas + min(length / 100, 3)`, given whole to its
//!    container, half to the next ancestor and `1 / (3 × level)` to the three above.
//!    A container starts from its tag (`div` +5, lists −3, headings −5, `<article>` and
//!    `<main>` +10) and its class and id (+25 for article/content/story/body..., −25 for
//!    sidebar/comment/promo/share...); its total is scaled by `1 − link density`.
//! 3. The best container is widened where Readability widens it (three strong candidates
//!    outside it under one ancestor, an ancestor scoring more than it, a wrapper around
//!    it alone), then its siblings join when they score at least a fifth of it or are
//!    long, link-poor paragraphs.
//! 4. Inside what was chosen, link-heavy blocks and lists, blocks with a negative class
//!    weight and form-heavy blocks are dropped, innermost first, so that a wrapper is
//!    judged on what is left of it (and a block left with a heading alone goes too).
//!
//! Why not a crate: `dom_smoothie` (MIT, a maintained Readability port) parses the page a
//! second time into its own DOM (`dom_query`, plus `gjson`, `phf`, `flagset`,
//! `html-escape`), reruns the whole algorithm up to four times with rules relaxed when the
//! result is short, and returns HTML or Markdown rather than the one-line-per-block text
//! whose byte offsets aras reports; ours reuses the parse, stays one pass plus bounded
//! walks (5 ancestors a paragraph), and never recurses.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::Node;

/// Class or id fragments of page furniture: such elements are never article text unless
/// they also name the content ([`MAYBE`]). Readability's list, plus the furniture of
/// current news sites (most read, cookie consent, newsletter, share bars, teasers).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-slot",
    "adslot",
    "advert",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "masthead",
    "menu",
    "mostread",
    "most-read",
    "most_read",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "popular",
    "popup",
    "promo",
    "recommend",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "shoutbox",
    "sidebar",
    "signup",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "supplemental",
    "taboola",
    "teaser",
    "trending",
    "you-may",
    "yom-remote",
    "agegate",
];

/// Class or id fragments that keep an element otherwise [`UNLIKELY`]
/// (`sidebar-content`, `article-header`).
const MAYBE: &[&str] = &["article", "body", "column", "content", "main", "shadow"];

/// Whole class or id words (split at `-`, `_` and spaces) of furniture, too short to
/// match as fragments: `ad` would match "head", `nav` "canvas".
const UNLIKELY_WORDS: &[&str] = &["ad", "ads", "nav", "navbar", "skip", "tags", "toolbar"];

/// Class or id fragments of article content: +25.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Class or id fragments of furniture: −25.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "teaser",
    "cookie",
    "newsletter",
    "most-read",
    "popular",
];

/// Elements whose own text is a paragraph of their parent (Readability's scored tags);
/// any other block with text of its own is the container of that text.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "td", "blockquote", "dd", "address"];

/// Blocks whose own text is never scored: headings, list items, captions.
const UNSCORED: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "th",
    "caption",
    "figcaption",
    "legend",
    "summary",
    "option",
    "html",
];

/// A paragraph shorter than this (in characters) is not scored.
const MIN_PARAGRAPH: usize = 25;

/// Ancestors a paragraph's score reaches.
const SCORE_LEVELS: usize = 5;

/// Candidates looked at for a common ancestor.
const TOP_CANDIDATES: usize = 5;

/// What one element holds, its subtree included (skipped furniture excluded).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Stats {
    /// Characters of visible text (a run of whitespace counts one).
    pub text: usize,
    /// Of which inside `<a>`.
    pub link: usize,
    pub commas: usize,
    /// Text not inside a block child: the paragraph this element holds itself.
    pub own_text: usize,
    pub own_commas: usize,
    pub paragraphs: usize,
    pub inputs: usize,
    pub embeds: usize,
    is_block: bool,
}

impl Stats {
    fn minus(&self, o: &Stats) -> Stats {
        Stats {
            text: self.text.saturating_sub(o.text),
            link: self.link.saturating_sub(o.link),
            commas: self.commas.saturating_sub(o.commas),
            paragraphs: self.paragraphs.saturating_sub(o.paragraphs),
            inputs: self.inputs.saturating_sub(o.inputs),
            embeds: self.embeds.saturating_sub(o.embeds),
            ..*self
        }
    }

    fn plus(&self, o: &Stats) -> Stats {
        Stats {
            text: self.text + o.text,
            link: self.link + o.link,
            commas: self.commas + o.commas,
            paragraphs: self.paragraphs + o.paragraphs,
            inputs: self.inputs + o.inputs,
            embeds: self.embeds + o.embeds,
            ..*self
        }
    }

    pub(crate) fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

/// Element names that end a line of text (and so hold paragraphs of their own).
fn is_block(name: &str) -> bool {
    crate::html::BLOCKS.contains(&name) || matches!(name, "td" | "th")
}

fn class_and_id(el: &Element) -> String {
    let mut s = String::new();
    for attr in ["class", "id"] {
        if let Some(v) = el.attr(attr) {
            s.push_str(&hints_of(v));
            s.push(' ');
        }
    }
    s
}

/// A class or id lowercased, "commentary" (an opinion piece, not readers' comments)
/// taken out so that it does not read as "comment".
fn hints_of(value: &str) -> String {
    value.to_ascii_lowercase().replace("commentary", "opinion")
}

/// Whether an element's class or id marks it as page furniture.
pub(crate) fn is_unlikely(el: &Element) -> bool {
    if matches!(el.name(), "html" | "body" | "article" | "main" | "a") {
        return false;
    }
    let hints = class_and_id(el);
    if hints.trim().is_empty() {
        return false;
    }
    let words = || hints.split(|c: char| c == '-' || c == '_' || c.is_whitespace());
    let furniture =
        UNLIKELY.iter().any(|u| hints.contains(u)) || words().any(|w| UNLIKELY_WORDS.contains(&w));
    furniture && !MAYBE.iter().any(|m| hints.contains(m))
}

/// Readability's class weight: ±25 for each of class and id.
fn class_weight(el: &Element) -> f64 {
    let mut w = 0.0;
    for attr in ["class", "id"] {
        let Some(v) = el.attr(attr) else { continue };
        let v = hints_of(v);
        if NEGATIVE.iter().any(|n| v.contains(n)) {
            w -= 25.0;
        }
        if POSITIVE.iter().any(|p| v.contains(p)) {
            w += 25.0;
        }
    }
    if el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        w += 25.0;
    }
    w
}

/// A container's score before any paragraph: its tag and its class weight.
fn initial_score(el: &Element) -> f64 {
    let tag = match el.name() {
        "article" | "main" => 10.0,
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let main_role = el
        .attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
    tag + class_weight(el) + if main_role { 10.0 } else { 0.0 }
}

/// Length of a text node as collapsed text: words plus one space each.
fn text_len(s: &str) -> usize {
    s.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// The measured page: every element's [`Stats`] (furniture has none).
pub(crate) struct Measures {
    stats: HashMap<NodeId, Stats>,
}

impl Measures {
    /// Measures every element under `root` in one pass. `skipped` says which elements are
    /// furniture by tag or role; those and [`is_unlikely`] ones are not entered.
    pub(crate) fn of(root: NodeRef<'_, Node>, skipped: impl Fn(NodeRef<'_, Node>) -> bool) -> Self {
        let mut stats = HashMap::new();
        let mut stack: Vec<(NodeId, Stats, bool)> = Vec::new();
        let mut skipping = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Element(el) => {
                            if node != root && (skipped(node) || is_unlikely(el)) {
                                skipping = Some(node.id());
                                continue;
                            }
                            let s = Stats {
                                is_block: is_block(el.name()),
                                ..Stats::default()
                            };
                            stack.push((node.id(), s, el.name() == "a"));
                        }
                        Node::Text(t) => {
                            if let Some((_, s, _)) = stack.last_mut() {
                                let n = text_len(t);
                                let c = t.chars().filter(|&c| c == ',' || c == '，').count();
                                s.text += n;
                                s.own_text += n;
                                s.commas += c;
                                s.own_commas += c;
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    let Some(el) = node.value().as_element() else {
                        continue;
                    };
                    let Some((id, mut s, is_link)) = stack.pop() else {
                        continue;
                    };
                    if is_link {
                        s.link = s.text;
                    }
                    match el.name() {
                        "p" => s.paragraphs += 1,
                        "input" | "select" | "textarea" | "button" => s.inputs += 1,
                        "iframe" | "embed" | "object" | "video" => s.embeds += 1,
                        _ => {}
                    }
                    if let Some((_, parent, _)) = stack.last_mut() {
                        parent.text += s.text;
                        parent.link += s.link;
                        parent.commas += s.commas;
                        parent.paragraphs += s.paragraphs;
                        parent.inputs += s.inputs;
                        parent.embeds += s.embeds;
                        if !s.is_block {
                            parent.own_text += s.own_text;
                            parent.own_commas += s.own_commas;
                        }
                    }
                    stats.insert(id, s);
                }
            }
        }
        Measures { stats }
    }

    pub(crate) fn get(&self, node: NodeRef<'_, Node>) -> Option<&Stats> {
        self.stats.get(&node.id())
    }

    /// The blocks under `root` that are furniture after all (Readability's "clean
    /// conditionally"), decided innermost first, each on what is left of it once the
    /// clutter inside is gone: a sidebar of links does not make its wrapper link-heavy.
    pub(crate) fn clutter(&self, root: NodeRef<'_, Node>) -> HashSet<NodeId> {
        let mut clutter = HashSet::new();
        // Per open element: what its removed descendants held.
        let mut removed: Vec<Stats> = Vec::new();
        let mut skipping = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() || !node.value().is_element() {
                        continue;
                    }
                    if self.get(node).is_none() {
                        skipping = Some(node.id());
                        continue;
                    }
                    removed.push(Stats::default());
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    let (Some(el), Some(raw)) = (node.value().as_element(), self.get(node)) else {
                        continue;
                    };
                    let gone = removed.pop().unwrap_or_default();
                    let left = raw.minus(&gone);
                    // A block left with a few words once its clutter is gone was that
                    // clutter's heading ("More on this story").
                    let emptied =
                        gone.text > 0 && left.text < MIN_PARAGRAPH && is_cleanable(el.name());
                    let gone = if node != root && (emptied || is_clutter(el, &left)) {
                        clutter.insert(node.id());
                        *raw
                    } else {
                        gone
                    };
                    if let Some(parent) = removed.last_mut() {
                        *parent = parent.plus(&gone);
                    }
                }
            }
        }
        clutter
    }

    /// The elements holding the article, in document order: the best-scoring container
    /// and the siblings that qualify. Empty when no paragraph was scored.
    pub(crate) fn content<'a>(&self, root: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
        let scores = self.scores(root);
        let Some(top) = scores
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .and_then(|(id, _)| root.tree().get(*id))
        else {
            return Vec::new();
        };
        let score = |n: NodeRef<'_, Node>| scores.get(&n.id()).copied();
        let top = self.widen(root, top, &scores);
        let top_score = score(top).unwrap_or(0.0);
        let Some(parent) = top.parent().filter(|_| top != root) else {
            return vec![top];
        };
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = top.value().as_element().and_then(|e| e.attr("class"));
        let mut out = Vec::new();
        for sibling in parent.children() {
            let Some(el) = sibling.value().as_element() else {
                continue;
            };
            if sibling == top {
                out.push(sibling);
                continue;
            }
            let Some(s) = self.get(sibling) else {
                continue; // skipped or unlikely
            };
            let bonus = match (top_class, el.attr("class")) {
                (Some(a), Some(b)) if !a.trim().is_empty() && a == b => top_score * 0.2,
                _ => 0.0,
            };
            let keep = match score(sibling) {
                Some(sc) if sc + bonus >= threshold => true,
                _ if el.name() == "p" || (s.is_block && s.own_text == s.text) => {
                    let density = s.link_density();
                    if s.text > 80 {
                        density < 0.25
                    } else {
                        s.text > 0 && density == 0.0 && ends_a_sentence(sibling)
                    }
                }
                _ => false,
            };
            if keep {
                out.push(sibling);
            }
        }
        out
    }

    /// Every container's score, scaled by its link density.
    fn scores(&self, root: NodeRef<'_, Node>) -> HashMap<NodeId, f64> {
        let mut scores: HashMap<NodeId, f64> = HashMap::new();
        for node in root.descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            let Some(s) = self.get(node) else { continue };
            if !s.is_block || UNSCORED.contains(&el.name()) || s.own_text < MIN_PARAGRAPH {
                continue;
            }
            let points = 1.0 + s.own_commas as f64 + (s.own_text / 100).min(3) as f64;
            let start = if PARAGRAPH_TAGS.contains(&el.name()) {
                node.parent()
            } else {
                Some(node)
            };
            let chain = start
                .into_iter()
                .flat_map(|n| std::iter::once(n).chain(n.ancestors()));
            for (level, container) in chain.take(SCORE_LEVELS).enumerate() {
                let Some(cel) = container.value().as_element() else {
                    break;
                };
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                *scores
                    .entry(container.id())
                    .or_insert_with(|| initial_score(cel)) += points / divider;
            }
        }
        for (id, sc) in scores.iter_mut() {
            let density = self.stats.get(id).map_or(0.0, Stats::link_density);
            *sc *= 1.0 - density;
        }
        scores
    }

    /// Readability's widening of the top candidate: to the nearest ancestor holding three
    /// of the strongest other candidates outside it (an article split into blocks, a live
    /// blog's posts), to a parent that scores higher, and past wrappers with one child.
    fn widen<'a>(
        &self,
        root: NodeRef<'a, Node>,
        mut top: NodeRef<'a, Node>,
        scores: &HashMap<NodeId, f64>,
    ) -> NodeRef<'a, Node> {
        let score = |n: NodeRef<'_, Node>| scores.get(&n.id()).copied();
        let top_score = score(top).unwrap_or(0.0);
        let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(k, v)| (*k, *v)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let strong: Vec<NodeRef<'a, Node>> = ranked
            .iter()
            .take(TOP_CANDIDATES + 1)
            .filter(|(id, sc)| *id != top.id() && *sc >= top_score * 0.75)
            .filter_map(|(id, _)| root.tree().get(*id))
            // Blocks inside the top candidate are already part of it.
            .filter(|c| !c.ancestors().any(|a| a == top))
            .collect();
        if strong.len() >= 3 {
            for ancestor in top.ancestors() {
                if ancestor == root.parent().unwrap_or(root) || is_named(ancestor, "body") {
                    break;
                }
                let holds = strong
                    .iter()
                    .filter(|c| c.ancestors().any(|a| a == ancestor))
                    .count();
                if holds >= 3 {
                    top = ancestor;
                    break;
                }
            }
        }
        // An ancestor scoring more than the top candidate holds more of the article.
        // (Readability compares with the last ancestor's score instead, which climbs to a
        // page wrapper whenever the scores dip on the way up.)
        let best = score(top).unwrap_or(0.0);
        let floor = best / 3.0;
        let mut parent = top.parent();
        while let Some(p) = parent {
            if p == root || is_named(p, "body") || p.value().as_element().is_none() {
                break;
            }
            if let Some(sc) = score(p) {
                if sc < floor {
                    break;
                }
                if sc > best {
                    top = p;
                    break;
                }
            }
            parent = p.parent();
        }
        // A wrapper around the top candidate alone is the same content.
        while let Some(p) = top.parent() {
            if top == root || is_named(p, "body") || p.value().as_element().is_none() {
                break;
            }
            if p.children().filter(|c| c.value().is_element()).count() != 1 {
                break;
            }
            top = p;
        }
        top
    }
}

/// Whether a block is furniture by what it holds: a negative class weight, or (with
/// fewer than ten commas, so not prose) mostly links or form fields, or embedded media.
fn is_clutter(el: &Element, s: &Stats) -> bool {
    let list = matches!(el.name(), "ul" | "ol" | "dl");
    if !is_cleanable(el.name()) {
        return false;
    }
    let weight = class_weight(el);
    if weight < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let density = s.link_density();
    s.inputs > s.paragraphs / 3
        || (list && density > 0.5)
        || (!list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || (s.embeds == 1 && s.text < 75)
        || s.embeds > 1
}

/// Blocks that may be cleaned out of the content: containers and lists, never a
/// paragraph.
fn is_cleanable(name: &str) -> bool {
    matches!(
        name,
        "div" | "section" | "table" | "form" | "fieldset" | "ul" | "ol" | "dl"
    )
}

fn is_named(node: NodeRef<'_, Node>, name: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == name)
}

/// Whether a short block reads as a sentence: text ending in a full stop.
fn ends_a_sentence(node: NodeRef<'_, Node>) -> bool {
    let text: String = node
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect();
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}

#[cfg(test)]
mod tests {
    use crate::html::html_to_text;

    /// Prose long enough to score: two sentences with commas.
    fn prose(topic: &str) -> String {
        format!(
            "<p>The {topic} was discussed on Monday by ministers, officials and advisers, who met in the capital for several hours.</p>\
             <p>After the meeting, the {topic} was sent to a committee, which is expected to report back within a month.</p>"
        )
    }

    #[test]
    fn furniture_is_left_out_and_the_article_kept() {
        let body = prose("budget");
        // (case, page, text that must be kept, text that must stay out)
        let cases: Vec<(&str, String, &str, &str)> = vec![
            (
                "sidebar of headlines",
                format!("<div class=\"main\">{body}</div><div class=\"side\"><ul><li><a href=\"/a\">Turkey attacks Greek vessel near islets</a></li><li><a href=\"/b\">Army shells border town</a></li></ul></div>"),
                "sent to a committee",
                "Turkey attacks",
            ),
            (
                "comments by id",
                format!("<div>{body}</div><div id=\"comments\"><p>I think this budget is a disgrace, frankly, and the ministers, all of them, should resign at once.</p></div>"),
                "discussed on Monday",
                "disgrace",
            ),
            (
                "share bar inside <article>",
                format!("<article><div class=\"share-tools\"><a href=\"#\">Share on Facebook</a></div>{body}</article>"),
                "sent to a committee",
                "Share on Facebook",
            ),
            (
                "list of links inside the content",
                format!("<div>{body}<ul><li><a href=\"/1\">Earlier: ministers clash over spending plans</a></li><li><a href=\"/2\">Opposition walks out of budget debate</a></li></ul></div>"),
                "sent to a committee",
                "walks out",
            ),
            (
                "cookie banner",
                format!("<div class=\"cookie-consent\"><p>We use cookies to personalise content, ads and analytics, and to improve your experience of our site.</p></div><div>{body}</div>"),
                "discussed on Monday",
                "We use cookies",
            ),
            (
                "a list without links is text",
                format!("<div>{body}<ul><li>Upland gets 55 percent</li><li>Lowland gets 45 percent</li></ul></div>"),
                "Lowland gets 45 percent",
                "Nothing else",
            ),
            (
                "a heading left alone once its links are gone",
                format!("<article>{body}<div><p>More on this story</p><ul><li><a href=\"/m\">Why the budget matters to you</a></li></ul></div></article>"),
                "sent to a committee",
                "More on this story",
            ),
        ];
        for (case, html, kept, out) in cases {
            let text = html_to_text(&html);
            assert!(text.contains(kept), "{case}: lost {kept:?} in {text:?}");
            assert!(!text.contains(out), "{case}: leaked {out:?} in {text:?}");
        }
    }

    #[test]
    fn class_hints() {
        let el = |class: &str| {
            let html = format!("<div class=\"{class}\"></div>");
            let page = scraper::Html::parse_fragment(&html);
            let node = page
                .tree
                .root()
                .descendants()
                .find_map(|n| {
                    n.value()
                        .as_element()
                        .filter(|e| e.name() == "div")
                        .cloned()
                })
                .expect("a div");
            node
        };
        // (class, furniture by its name)
        for (class, unlikely) in [
            ("sidebar", true),
            ("most-read", true),
            ("share-buttons", true),
            ("ad", true),
            ("ad-slot", true),
            ("head", false),
            ("sidebar-content", false),
            ("article-header", false),
            ("story-body", false),
            ("entry-content", false),
            ("cookie-bar", true),
            ("canvas-wrap", false),
            ("commentary", false),
            ("comment-list", true),
        ] {
            assert_eq!(super::is_unlikely(&el(class)), unlikely, "{class}");
        }
    }

    /// Many paragraphs and deep wrappers: every pass is linear (issue 16).
    #[test]
    fn wide_and_deep_pages_stay_fast() {
        let t = std::time::Instant::now();
        let wide = format!(
            "<div class=\"side\">{}</div><div>{}</div>",
            "<a href=\"/x\">A headline about something</a><br>".repeat(20_000),
            "<p>A paragraph of the article, with a comma, long enough to be scored.</p>"
                .repeat(50_000)
        );
        let text = html_to_text(&wide);
        assert_eq!(text.lines().count(), 50_000);
        let deep = format!(
            "{}{}",
            "<div><p>A paragraph of the article, with a comma, long enough to be scored.</p>"
                .repeat(1_500),
            "</div>".repeat(1_500)
        );
        assert_eq!(html_to_text(&deep).lines().count(), 1_500);
        assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    }
}
