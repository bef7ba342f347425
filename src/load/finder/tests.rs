use super::*;

fn names(r: &Reading) -> Vec<&str> {
    r.candidates.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn a_section_each_with_a_trailing_space_and_no_bullets_runs_to_the_next_person_only() {
    let text = "# 2024 Governance Committee Candidates\n\n## List of candidates\n\n- [Ann Lee](#ann-lee)\n- [Bo Ma](#bo-ma)\n- [Cy Do](#cy-do)\n\n### Ann Lee \n\n- Company: Acme\n- GitHub: [@annlee](https://github.com/annlee)\n\nAnn's words.\n\n#### Why\n\nBecause.\n\n---\n\n### Bo Ma \n\nBo's own words, no bullets at all.\n\n---\n\n### Cy Do\n\n![Cy](cy.png)\n\n- Company: Beta\n\nCy's words.\n";
    let r = find(text, "candidates.md", "candidates");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma", "Cy Do"]);
    assert!(r.many);
    assert_eq!(r.facts.title.as_deref(), Some("2024 Governance Committee"));
    let [ann, bo, cy] = r.candidates.as_slice() else {
        panic!()
    };
    assert_eq!(ann.affiliation.as_deref(), Some("Acme"));
    assert!(ann.links.contains(&("github".into(), "annlee".into())));
    assert_eq!(ann.statement, "Ann's words.\n\n#### Why\n\nBecause.\n");
    assert_eq!(bo.statement, "Bo's own words, no bullets at all.\n");
    assert!(cy.links.contains(&("photo".into(), "cy.png".into())));
    assert_eq!(cy.statement, "Cy's words.\n");
    assert!(
        r.how.contains("3 candidates from its level-3 headings"),
        "{}",
        r.how
    );
}

#[test]
fn a_listed_name_found_nowhere_is_a_warning_naming_it() {
    let text = "# Candidates\n\n- [Ann Lee](#ann-lee)\n- [Bo Ma](#bo-ma)\n- [Dee Ray](#dee-ray)\n\n### Ann Lee\n\n- Company: A\n\nx\n\n### Bo Ma\n\n- Company: B\n\ny\n";
    let r = find(text, "c.md", "c");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma"]);
    let warnings: Vec<&String> = r.candidates.iter().flat_map(|c| &c.warnings).collect();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("'Dee Ray'"), "{warnings:?}");
}

#[test]
fn a_jekyll_post_with_a_section_per_candidate_and_nicks() {
    let text = "---\n\ntitle: Voting Is Now Open for the Example Board Election 2025\nlayout: post\n---\n\nThis year we are electing **two Board seats**. Joining them are Ann Lee and Bo Ma.\n\n---\n\n## Meet the Candidates\n\n---\n\n### Ann Lee (alee)\n\nAnn was nominated by X.<br>\n\n---\n\n### Bo Ma (bma)\n\nBo is running again.\n\n---\n\n**Please vote.**\n";
    let r = find(text, "2026-03-01-post.md", "post");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma"]);
    assert_eq!(
        r.facts.title.as_deref(),
        Some("Voting Is Now Open for the Example Board Election 2025")
    );
    assert_eq!(r.facts.seats, Some(2));
    assert!(
        r.candidates[0]
            .links
            .contains(&("nick".into(), "alee".into()))
    );
    assert_eq!(r.candidates[0].statement, "Ann was nominated by X.<br>\n");
    assert_eq!(
        r.candidates[1].statement, "Bo is running again.\n",
        "the post's closing words are not the last candidate's"
    );
    let description = r.facts.description.as_deref().unwrap();
    assert!(description.contains("two Board seats"));
    assert!(
        description.trim_end().ends_with("\n**Please vote.**"),
        "nothing lost at the end, its emphasis kept: {description:?}"
    );
}

#[test]
fn without_rules_between_sections_the_last_keeps_its_closing_words() {
    // No rule closes each section, so nothing tells the last candidate's words from the post's.
    let text = "# Example Board Election 2025\n\n## Candidates\n\n### Ann Lee (alee)\n\nAnn is here.\n\n### Bo Ma (bma)\n\nBo is running again.\n\n---\n\nThank you all.\n";
    let r = find(text, "2026-03-01-post.md", "post");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma"]);
    assert!(r.candidates[1].statement.contains("Thank you all."));
}

#[test]
fn closing_words_after_rules_leave_the_last_of_several_candidates() {
    let people = [
        "Ann Lee", "Bo Ma", "Cy Dunn", "Di Roe", "Ed Fox", "Flo Kim", "Gus Ray",
    ];
    for count in [2usize, 3, 7] {
        let mut text = String::from("# Example Board Election 2025\n\n");
        for (i, name) in people.iter().take(count).enumerate() {
            text.push_str(&format!(
                "### {name} (nick{i})\n\nStatement {i}.\n\n---\n\n"
            ));
        }
        text.push_str("Voting closes Friday.\n");
        let r = find(&text, "post.md", "post");
        assert_eq!(r.candidates.len(), count, "{count} candidates");
        for (i, c) in r.candidates.iter().enumerate() {
            assert_eq!(c.statement, format!("Statement {i}.\n"), "{count}: {i}");
        }
        assert!(
            r.facts
                .description
                .as_deref()
                .is_some_and(|d| d.contains("Voting closes Friday.")),
            "{count}: the closing words are the election's"
        );
    }
}

#[test]
fn a_nominee_table_and_results_in_one_document() {
    let text = "# Example Steering Committee Election 2025\n\n- Voting Opens: 2025-08-01 12:01AM Pacific\n- Voting Ends: 2025-08-06\n\n## Nominees\n\n| Name | Github Handle | Employer | Rationale Link (Optional) |\n|--|--|--|--|\n| Mark Roth | [markdroth](https://github.com/markdroth) | Google | |\n| Jung-Yu (Gina) Yeh | [ginayeh](https://github.com/ginayeh) | Acme | [why](https://x.example/why) |\n\n## Results\n\n### Sum Matrix\n| | Mark Roth | Jung-Yu (Gina) Yeh |\n|--|--|--|\n| Mark Roth | | 3 |\n";
    let r = find(text, "steering-committee-election-2025.md", "x");
    assert_eq!(names(&r), ["Mark Roth", "Jung-Yu (Gina) Yeh"]);
    assert_eq!(
        r.facts.title.as_deref(),
        Some("Example Steering Committee Election 2025")
    );
    assert_eq!(r.facts.dates[0].0, "Voting Opens");
    assert!(r.facts.results.as_deref().unwrap().contains("Sum Matrix"));
    let gina = &r.candidates[1];
    assert_eq!(gina.affiliation.as_deref(), Some("Acme"));
    assert!(gina.links.contains(&("github".into(), "ginayeh".into())));
    assert!(
        gina.links
            .contains(&("statement".into(), "https://x.example/why".into()))
    );
    assert!(gina.statement.contains("https://x.example/why"));
    assert!(r.candidates[0].statement.contains("No statement"));
}

#[test]
fn nominees_as_links_in_restructured_text() {
    let text = "PEP: 9999\nTitle: 2030 Term Steering Council election\n\nCandidates\n==========\n\nNominees:\n\n- `Ann Lee <https://d.example/ann>`_\n- `Bo Ma <https://d.example/bo>`_\n\nWithdrawn nominations:\n\n- None\n\nResults\n=======\n\n* Bo Ma\n";
    let r = find(text, "pep-9999.rst", "pep-9999");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma"]);
    assert_eq!(
        r.facts.title.as_deref(),
        Some("2030 Term Steering Council election")
    );
    assert!(
        r.candidates[0]
            .links
            .contains(&("statement".into(), "https://d.example/ann".into()))
    );
    assert!(r.facts.results.is_some());
}

#[test]
fn a_file_per_nominee_named_by_its_candidate_section_and_the_template_left_out() {
    let text = "# Nomination for TSC seat\n\n### Candidate\n\nAnn Lee - [annlee](https://github.com/annlee)\n\n### Statement\n\nI would be honoured.\n";
    let r = find(text, "Ann-Lee.md", "Ann-Lee");
    assert_eq!(names(&r), ["Ann Lee"]);
    assert!(
        r.candidates[0]
            .links
            .contains(&("github".into(), "annlee".into()))
    );
    assert_eq!(r.candidates[0].statement, text, "every word kept");
    let sample = text.replace(
        "Ann Lee - [annlee](https://github.com/annlee)",
        "John Doe - GitHub Username / ID",
    );
    let r = find(&sample, "sample-nomination.md", "sample-nomination");
    assert!(r.candidates.is_empty());
    assert!(r.left_out.as_deref().unwrap().contains("John Doe"));
}

#[test]
fn a_page_that_renders_data_is_no_candidate() {
    let text = "---\ntitle: \"Election\"\nsubTitle: \"2019 Board Election Process\"\n---\n\nThe nominees for the two board slots open.\n\n{% for p in site.data.candidates %}\n<h4>{{ p.name }}</h4>\n{% endfor %}\n";
    let r = find(text, "election-2019.md", "election-2019");
    assert!(r.candidates.is_empty());
    assert_eq!(r.renders.as_deref(), Some("candidates"));
    assert_eq!(
        r.facts.title.as_deref(),
        Some("2019 Board Election Process")
    );
    assert_eq!(r.facts.seats, Some(2));
}

#[test]
fn one_statement_with_headings_that_look_like_names_stays_one() {
    let text = "I am running.\n\n## Open Source\n\nI do open source.\n\n## Technical Leadership\n\nI lead.\n";
    let r = find(text, "JaneRoe.md", "Jane Roe");
    assert_eq!(names(&r), ["Jane Roe"]);
    assert_eq!(r.candidates[0].statement, text);
    assert!(r.how.contains("file name"));
}

#[test]
fn dates_and_seats_stated_in_sentences() {
    let text = "# Example Election 2030\n\nWe elect two seats. Voting opens 2030-03-09 and voting closes on 2030-03-16.\n\n## Ann Lee\n\n- GitHub: @al\n\nx\n\n## Bo Ma\n\n- GitHub: @bm\n\ny\n";
    let r = find(text, "e.md", "e");
    assert_eq!(r.facts.seats, Some(2));
    assert_eq!(
        r.facts.dates,
        [
            ("Voting opens".to_string(), "2030-03-09".to_string()),
            ("voting closes".to_string(), "2030-03-16".to_string())
        ]
    );
}

#[test]
fn a_post_about_candidates_with_plain_name_headings_is_read_as_sections() {
    let text = "# Steering Council candidates\n\nThe candidates are below.\n\n## Andrew Godwin\n\nI have worked on migrations.\n\n## Carlton Gibson\n\nI maintained releases.\n\n## Frank Wiles\n\nI run a consultancy.\n";
    let r = find(text, "2030-12-10-steering-council-candidates.md", "x");
    assert_eq!(
        names(&r),
        ["Andrew Godwin", "Carlton Gibson", "Frank Wiles"]
    );
    assert_eq!(r.candidates[1].statement, "I maintained releases.\n");
    // The same headings in a statement that is about no election stay one statement.
    let text = "I am running.\n\n## Andrew Godwin\n\nMy mentor.\n\n## Carlton Gibson\n\nMy other mentor.\n";
    assert_eq!(names(&find(text, "JaneRoe.md", "Jane Roe")), ["Jane Roe"]);
}

#[test]
fn bold_names_alone_on_their_lines_head_candidates_where_no_heading_does() {
    let text = "# Board election 2030: the candidates\n\n**Ann Lee**\n\nI will listen.\n\n**Bo Ma**, Beta Corp\n\nI care.\n\n**Cy Do**\n\nI will build. **Strong words** here are Cy's.\n";
    let r = find(text, "candidates.md", "x");
    assert_eq!(names(&r), ["Ann Lee", "Bo Ma", "Cy Do"], "{}", r.how);
    assert_eq!(r.candidates[1].affiliation.as_deref(), Some("Beta Corp"));
    assert_eq!(r.candidates[0].statement, "I will listen.\n");
    assert!(r.candidates[2].statement.contains("Strong words"));
    assert!(r.how.contains("bold names"), "{}", r.how);
    // In a statement, bold words are emphasis, not people.
    let text = "I stand.\n\n**Ann Lee**\n\nMy mentor.\n\n**Bo Ma**\n\nAnother.\n";
    assert_eq!(names(&find(text, "JaneRoe.md", "Jane Roe")), ["Jane Roe"]);
}
