use super::*;

fn headings(doc: &Document) -> Vec<(u8, String)> {
    doc.headings()
        .map(|(_, level, t)| (level, t.text.clone()))
        .collect()
}

#[test]
fn headings_of_every_spelling_read_alike() {
    let text = "Title\n=====\n\n### Ann Lee   \n\n<h3>Bo <em>Ma</em></h3>\n\n### **Cy Do** ###\n\nSub\n---\n\ntext\n";
    let doc = read(text, Markup::Markdown);
    assert_eq!(
        headings(&doc),
        [
            (1, "Title".to_string()),
            (3, "Ann Lee".to_string()),
            (3, "Bo Ma".to_string()),
            (3, "Cy Do".to_string()),
            (2, "Sub".to_string()),
        ]
    );
    // Spans are the source's own: the heading's line, then what follows.
    let (i, _, _) = doc.headings().nth(1).unwrap();
    assert!(text[doc.blocks[i].span.clone()].starts_with("### Ann Lee"));
    assert_eq!(&text[doc.section_end(i, text.len())..][..4], "<h3>");
}

#[test]
fn front_matter_yaml_and_toml_and_a_rule_that_is_none() {
    let doc = read(
        "---\n\ntitle: \"Vote &amp; more\"\ndate: 2026-03-01\ntags:\n- a\n---\n\nBody\n",
        Markup::Markdown,
    );
    assert_eq!(doc.front("Title"), Some("Vote &amp; more"));
    assert_eq!(doc.front("date"), Some("2026-03-01"));
    assert_eq!(doc.front("tags"), None, "lists are no text");
    assert!(matches!(&doc.blocks[0].kind, Kind::Paragraph(p) if p.text == "Body"));
    let doc = read(
        "+++\ntitle = \"T\"\nseats = 2\n+++\nBody\n",
        Markup::Markdown,
    );
    assert_eq!(doc.front("title"), Some("T"));
    assert_eq!(doc.front("seats"), Some("2"));
    let doc = read("---\n\nJust a rule above.\n\n---\n", Markup::Markdown);
    assert!(doc.front.is_empty());
    assert_eq!(doc.body_start, 0);
}

#[test]
fn tables_lists_links_and_entities() {
    let text = "| Name | Github Handle | Employer |\n|--|--|--|\n| Mark Roth | [markdroth](https://github.com/markdroth) | Google &amp; co |\n| Jung-Yu (Gina) Yeh | [ginayeh](https://github.com/ginayeh) | |\n\n- [Ann Lee](#ann-lee)\n- Bo Ma (Acme)\n  wrapped\n  - nested\n";
    let doc = read(text, Markup::Markdown);
    let Kind::Table(head, rows) = &doc.blocks[0].kind else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(head[1].text, "Github Handle");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][2].text, "Google & co");
    assert_eq!(rows[1][0].text, "Jung-Yu (Gina) Yeh");
    assert_eq!(rows[0][1].links[0].url, "https://github.com/markdroth");
    let Kind::List(items) = &doc.blocks[1].kind else {
        panic!("{:?}", doc.blocks[1]);
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].words.links[0].text, "Ann Lee");
    assert_eq!(items[1].words.text, "Bo Ma (Acme) wrapped nested");
}

#[test]
fn html_shows_its_words_never_its_tags() {
    let doc = read(
        "<div>\n<p>Hi &lt;there&gt; <a href=\"https://x.example\">x</a><br><img src=\"p.png\"><!-- hidden --></p>\n</div>\n",
        Markup::Markdown,
    );
    let Kind::Html(words) = &doc.blocks[0].kind else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(words.text, "Hi <there> x");
    assert_eq!(words.links[0].url, "https://x.example");
    assert_eq!(words.images, ["p.png"]);
}

#[test]
fn restructured_text_titles_fields_lists_and_links() {
    let text = "PEP: 8107\nTitle: 2026 Term Steering Council election\nAuthor: Ee\n  Durbin\n\n\nAbstract\n========\n\nAs in :pep:`13`, ``literal``.\n\nCandidates\n==========\n\nSub\n---\n\n- `Barry Warsaw <https://d.example/1>`_\n- `Donghee Na\n  <https://d.example/2>`_\n\n.. attention::\n   First to use STAR.\n\nResults\n=======\n";
    let doc = read(text, Markup::Rst);
    assert_eq!(
        doc.front("title"),
        Some("2026 Term Steering Council election")
    );
    assert_eq!(doc.front("author"), Some("Ee Durbin"));
    assert_eq!(
        headings(&doc),
        [
            (1, "Abstract".to_string()),
            (1, "Candidates".to_string()),
            (2, "Sub".to_string()),
            (1, "Results".to_string()),
        ]
    );
    let para = doc
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            Kind::Paragraph(p) => Some(p.text.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(para, "As in PEP 13, literal.");
    let items = doc
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            Kind::List(items) => Some(items.clone()),
            _ => None,
        })
        .unwrap();
    let names: Vec<&str> = items
        .iter()
        .map(|i| i.words.links[0].text.as_str())
        .collect();
    assert_eq!(names, ["Barry Warsaw", "Donghee Na"]);
    assert_eq!(items[1].words.links[0].url, "https://d.example/2");
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(&b.kind, Kind::Other(w) if w.text.contains("First to use STAR"))),
        "a directive's words stay visible"
    );
}

#[test]
fn restructured_text_is_written_again_as_markdown() {
    let text = "Title: T\n\nCandidates\n==========\n\nAs in :pep:`13`, see `the list <https://l.example>`_ [#n1]_.\n\n- `Barry Warsaw <https://d.example/1>`_\n\n.. note::\n   Kept.\n";
    let doc = read(text, Markup::Rst);
    let written = doc.written(text, doc.body_start..text.len());
    assert_eq!(
        written,
        "# Candidates\n\nAs in PEP 13, see [the list](https://l.example) [n1].\n\n- [Barry Warsaw](https://d.example/1)\n\nnote: Kept."
    );
    let md = "# A\n\n*b*\n";
    let doc = read(md, Markup::Markdown);
    assert_eq!(
        doc.written(md, 0..md.len()),
        md,
        "Markdown stays as written"
    );
}
