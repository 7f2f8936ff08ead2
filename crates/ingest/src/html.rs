//! Web pages: the article text, not the page around it.
//!
//! Parsing uses `scraper` (html5ever, the HTML5 parsing algorithm of browsers, maintained
//! by the Servo project): it gives a tree for any input, however broken, and decodes
//! entities. We walk that tree ourselves rather than use CSS selectors, in one iterative
//! pass (no recursion, so deeply nested junk cannot overflow the stack).
//!
//! Extraction: which elements hold the article is decided by Readability-style scoring of
//! text density ([`crate::content`]); when that finds less than [`MIN_ARTICLE_BYTES`]
//! (a short note, a fragment), the content root is the `<article>` with the most text,
//! else the `<main>` (or `role="main"`) with the most text, else `<body>`. Inside,
//! scripts, styles, navigation, headers, footers, asides, forms, embedded media and hidden
//! elements are skipped, and so are blocks whose class or id names furniture (comments,
//! related, share, cookie...) or that are mostly links. Each block element (p, div, li,
//! h1-h6, blockquote, tr, ...) and `<br>` ends a line; whitespace inside a line is
//! collapsed to single spaces and trimmed, and empty lines are dropped, so paragraphs come
//! out separated by one `\n`. Feed items ([`fragment_text`]) are fragments: all their
//! text is kept.

use std::collections::HashSet;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::content::{is_unlikely, Measures};
use crate::document::{non_empty, stem_of, Document, Origin};
use crate::error::ErrorKind;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "input", "label", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "picture", "map", "dialog", "menu",
];

/// ARIA landmark roles of page furniture.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "menu",
    "menubar",
    "alert",
];

/// Elements that end a line of text.
pub(crate) const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Meta keys (`property`, `name` or `itemprop`, lowercased) holding the publication date,
/// best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "article:modified_time",
    "datemodified",
];

/// The article text of an HTML page, with the extraction rules of this module.
/// Never fails: the worst input gives an empty string.
pub fn html_to_text(html: &str) -> String {
    page_text(&Html::parse_document(html))
}

/// Text of an HTML fragment (a feed item's body): everything but scripts, styles and
/// the furniture skipped by tag, with no scoring, since a fragment is all article.
pub(crate) fn fragment_text(html: &str) -> String {
    let page = Html::parse_document(html);
    extract_text(content_root(&page), None)
}

/// Below this many bytes, what the scoring chose is too little to be the article (a
/// brief, or no paragraph scored), and the page's `<article>`, `<main>` or `<body>` is
/// read instead.
const MIN_ARTICLE_BYTES: usize = 200;

/// The article text of a parsed page: the scored content, else the content root.
fn page_text(page: &Html) -> String {
    let root = page.tree.root();
    let measures = Measures::of(root, is_skipped);
    let mut text = String::new();
    for node in measures.content(root) {
        let clutter = measures.clutter(node);
        let part = extract_text(node, Some(&clutter));
        if !part.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&part);
        }
    }
    if text.len() >= MIN_ARTICLE_BYTES {
        return text;
    }
    let root = content_root(page);
    extract_text(root, Some(&measures.clutter(root)))
}

/// The deepest element nesting a page may have. The HTML parser's scope checks walk the
/// stack of open elements, so 100,000 nested `<div>`s took minutes (issue 16); article
/// pages nest a few dozen deep.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// Elements that never hold others or whose end tag may be left out: not counted.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input", "li",
    "link", "meta", "option", "optgroup", "p", "param", "rp", "rt", "source", "tbody", "td",
    "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// An estimate of the deepest element nesting, from the tags alone, in one pass:
/// start tags open, end tags close, self-closing and [`UNNESTED`] tags do neither.
fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        i += k + 1;
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name_ok = len > 0 && b[start].is_ascii_alphabetic();
        let after = b.get(start + len).copied();
        if !name_ok || !matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if UNNESTED.contains(&name.as_str()) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
            continue;
        }
        let end = b[start..]
            .iter()
            .position(|&c| c == b'>')
            .map(|e| start + e);
        if end.is_some_and(|e| e > 0 && b[e - 1] == b'/') {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

/// Builds the document of one web page (BOM already removed).
pub(crate) fn parse(path: &str, html: &str) -> Result<Document, ErrorKind> {
    let depth = nesting_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(ErrorKind::Html(format!(
            "elements nested {depth} deep (at most {MAX_HTML_DEPTH} are read): not an article page"
        )));
    }
    let page = Html::parse_document(html);
    let text = page_text(&page);
    if text.is_empty() {
        return Err(ErrorKind::Html("no text found in the page".into()));
    }
    let meta = PageMeta::read(&page);
    Ok(Document {
        id: stem_of(path),
        title: meta.title,
        date: meta.date,
        source: meta.source,
        url: meta.url,
        lang: meta.lang,
        text,
        origin: Origin {
            path: path.to_string(),
            line: None,
            item: None,
        },
    })
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    node.value().as_element().map(|e| e.name())
}

/// The subtree holding the article: largest `<article>`, else largest `<main>`, else body.
fn content_root(page: &Html) -> NodeRef<'_, Node> {
    let root = page.tree.root();
    let mut articles = Vec::new();
    let mut mains = Vec::new();
    let mut body = None;
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        match el.name() {
            "article" => articles.push(node),
            "main" => mains.push(node),
            "body" if body.is_none() => body = Some(node),
            _ if el.attr("role") == Some("main") => mains.push(node),
            _ => {}
        }
    }
    for candidates in [articles, mains] {
        let best = candidates
            .into_iter()
            .map(|node| (extract_text(node, None).len(), node))
            .filter(|(len, _)| *len > 0)
            .max_by_key(|(len, _)| *len);
        if let Some((_, node)) = best {
            return node;
        }
    }
    body.unwrap_or(root)
}

pub(crate) fn is_skipped(node: NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    SKIP.contains(&el.name())
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el
            .attr("role")
            .is_some_and(|r| SKIP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
}

/// Furniture found by class or id, or a block of links inside the content.
fn is_clutter(clutter: &HashSet<NodeId>, node: NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(is_unlikely) || clutter.contains(&node.id())
}

/// Text of a subtree: one line per block, whitespace collapsed. With `clutter`, blocks of
/// page furniture by class or id, and those in `clutter`, are left out too.
fn extract_text(root: NodeRef<'_, Node>, clutter: Option<&HashSet<NodeId>>) -> String {
    let mut out = TextBuilder::default();
    // While inside a skipped element, the id of that element.
    let mut skipping = None;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if node != root
                    && (is_skipped(node) || clutter.is_some_and(|c| is_clutter(c, node)))
                {
                    skipping = Some(node.id());
                    continue;
                }
                match node.value() {
                    Node::Text(t) if pre_depth > 0 => out.pre_text(t),
                    Node::Text(t) => out.text(t),
                    Node::Element(el) => match el.name() {
                        "br" => out.break_line(),
                        "td" | "th" => out.space(),
                        "pre" => {
                            pre_depth += 1;
                            out.break_line();
                        }
                        name if BLOCKS.contains(&name) => out.break_line(),
                        _ => {}
                    },
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
                match element_name(node) {
                    Some("pre") => {
                        pre_depth = pre_depth.saturating_sub(1);
                        out.break_line();
                    }
                    Some("td" | "th") => out.space(),
                    Some(name) if BLOCKS.contains(&name) => out.break_line(),
                    _ => {}
                }
            }
        }
    }
    out.finish()
}

/// Accumulates lines of collapsed text.
#[derive(Default)]
struct TextBuilder {
    out: String,
    line: String,
    pending_space: bool,
}

impl TextBuilder {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                if self.pending_space {
                    self.line.push(' ');
                    self.pending_space = false;
                }
                self.line.push(c);
            }
        }
    }

    /// Text inside `<pre>`: its line breaks are kept as line breaks.
    fn pre_text(&mut self, s: &str) {
        for (i, segment) in s.split('\n').enumerate() {
            if i > 0 {
                self.break_line();
            }
            self.text(segment);
        }
    }

    fn space(&mut self) {
        if !self.line.is_empty() {
            self.pending_space = true;
        }
    }

    fn break_line(&mut self) {
        if !self.line.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            self.out.push_str(&self.line);
            self.line.clear();
        }
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.out
    }
}

/// Metadata of a page, from `<meta>`, `<link>`, `<title>`, `<time>` and `<html lang>`.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

impl PageMeta {
    fn read(page: &Html) -> PageMeta {
        let mut og_title = None;
        let mut title_el = None;
        let mut dates: Vec<(usize, String)> = Vec::new();
        let mut time_el = None;
        let mut canonical = None;
        let mut og_url = None;
        let mut source = None;
        let mut lang = None;
        let mut content_lang = None;
        for node in page.tree.root().descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            match el.name() {
                "html" => lang = lang.or_else(|| el.attr("lang").and_then(non_empty)),
                "title" if title_el.is_none() && !inside(node, "svg") => {
                    title_el = non_empty(&collapse(&text_of(node)));
                }
                "link" => {
                    let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                        canonical = el.attr("href").and_then(non_empty);
                    }
                }
                "time" if time_el.is_none() => {
                    time_el = el.attr("datetime").and_then(non_empty);
                }
                "meta" => {
                    let Some(content) = el.attr("content").and_then(non_empty) else {
                        continue;
                    };
                    if el
                        .attr("http-equiv")
                        .is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                    {
                        content_lang.get_or_insert(content.clone());
                    }
                    for key in ["property", "name", "itemprop"] {
                        let Some(k) = el.attr(key) else { continue };
                        let k = k.trim().to_ascii_lowercase();
                        match k.as_str() {
                            "og:title" | "twitter:title" => {
                                og_title.get_or_insert(content.clone());
                            }
                            "og:url" => {
                                og_url.get_or_insert(content.clone());
                            }
                            "og:site_name" => {
                                source.get_or_insert(content.clone());
                            }
                            _ => {
                                if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
                                    dates.push((rank, content.clone()));
                                }
                            }
                        }
                    }
                }
                _ => {
                    if el.attr("itemprop") == Some("datePublished") {
                        if let Some(d) = el.attr("datetime").or(el.attr("content")) {
                            if let Some(d) = non_empty(d) {
                                dates.push((DATE_KEYS.len(), d));
                            }
                        }
                    }
                }
            }
        }
        dates.sort_by_key(|(rank, _)| *rank);
        let date = dates.into_iter().map(|(_, d)| d).next().or(time_el);
        PageMeta {
            title: og_title.or(title_el),
            date,
            source,
            url: canonical.or(og_url),
            lang: lang.or(content_lang),
        }
    }
}

fn inside(node: NodeRef<'_, Node>, name: &str) -> bool {
    node.ancestors().any(|a| element_name(a) == Some(name))
}

fn text_of(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn blocks_and_whitespace() {
        let html = "<div>One\n  <b>two</b>,<br>three</div><p>  four &amp; five&nbsp;six </p><ul><li>a</li><li>b</li></ul>";
        assert_eq!(html_to_text(html), "One two,\nthree\nfour & five six\na\nb");
    }

    #[test]
    fn skips_furniture_and_prefers_article() {
        let html = "<body><nav>Home</nav><p>teaser</p><article><header><h1>T</h1></header><p>Body.</p><script>x()</script><aside>Ad</aside></article><footer>(c)</footer></body>";
        assert_eq!(html_to_text(html), "Body.");
    }

    #[test]
    fn table_cells_and_pre() {
        let html = "<table><tr><td>a</td><td>b</td></tr></table><pre>x  y\nz</pre>";
        assert_eq!(html_to_text(html), "a b\nx y\nz");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep";
        assert_eq!(html_to_text(&html), "deep");
    }
}

#[cfg(test)]
mod issue16 {
    use super::*;

    /// Issue 16: 100,000 nested `<div>`s took 30 s or more in the HTML parser.
    #[test]
    fn issue16_deeply_nested_pages_are_refused_at_once() {
        let n = 100_000;
        let page = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = std::time::Instant::now();
        let err = parse("deep.html", &page).expect_err("refused");
        assert!(err.to_string().contains("nested"), "{err}");
        assert!(t.elapsed().as_secs() < 5);
        // Ordinary pages: unclosed paragraphs and list items do not count.
        let ok = format!(
            "<html><body><article>{}</article></body></html>",
            "<p>Text.<li>x".repeat(5000)
        );
        assert!(nesting_depth(&ok) < 10);
        assert_eq!(
            nesting_depth("<div><br/><img src=x><span>a</span></div>"),
            2
        );
    }
}
