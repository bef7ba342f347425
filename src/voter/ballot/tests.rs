//! The ballot's rules, one by one.

use super::*;

/// `b` with its gaps closed, as it is cast.
fn closed(b: &Ballot) -> Ballot {
    let mut closed = b.clone();
    closed.close_gaps();
    closed
}

/// The ranking's groups, as text.
pub(crate) fn ranking(b: &Ballot) -> Vec<Vec<&str>> {
    b.ranking
        .iter()
        .map(|g| g.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn candidates_start_unranked() {
    let b = Ballot::default();
    assert_eq!(b.placement("A"), Placement::Unranked);
}

#[test]
fn moving_an_unranked_candidate_up_makes_it_the_last_ranked() {
    let mut b = Ballot::default();
    assert!(b.move_up("A"));
    assert!(b.move_up("B"));
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["B"]]);
    assert!(b.move_up("B"));
    assert_eq!(ranking(&b), vec![vec!["B"], vec!["A"]]);
    assert!(!b.move_up("B"), "already first");
}

#[test]
fn moving_the_last_ranked_down_unranks_it() {
    let mut b = Ballot::default();
    b.move_up("A");
    b.move_up("B");
    assert!(b.move_down("A"));
    assert_eq!(ranking(&b), vec![vec!["B"], vec!["A"]]);
    assert!(b.move_down("A"));
    assert_eq!(b.placement("A"), Placement::Unranked);
    assert!(!b.move_down("A"));
}

#[test]
fn equals_ties_with_the_one_above() {
    let mut b = Ballot::default();
    for n in ["A", "B", "C"] {
        b.move_up(n);
    }
    assert!(b.tie_with_above("C"));
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["B", "C"]]);
    assert_eq!(
        b.placement("C"),
        Placement::Ranked {
            group: 1,
            tied: true
        }
    );
    assert!(!b.tie_with_above("A"));
    assert!(b.tie_with_above("D"), "an unranked one joins the last rank");
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["B", "C", "D"]]);
    assert!(
        b.tie_with_above("C"),
        "a tied one moves into the rank above"
    );
    assert_eq!(ranking(&b), vec![vec!["A", "C"], vec!["B", "D"]]);
}

#[test]
fn a_tied_candidate_steps_out_of_its_tie() {
    let tied = || Ballot {
        ranking: vec![vec!["A".into()], vec!["B".into(), "C".into()]],
        ..Ballot::default()
    };
    let mut b = tied();
    assert!(b.move_up("C"));
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["C"], vec!["B"]]);
    let mut b = tied();
    assert!(b.move_down("B"));
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["C"], vec!["B"]]);
}

#[test]
fn top_bottom_no_opinion_and_unrank() {
    let mut b = Ballot::default();
    for n in ["A", "B", "C"] {
        b.move_up(n);
    }
    assert!(b.to_top("C"));
    assert_eq!(ranking(&b), vec![vec!["C"], vec!["A"], vec!["B"]]);
    assert!(b.to_bottom("C"));
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["B"], vec!["C"]]);
    b.toggle_no_opinion("B");
    assert_eq!(b.placement("B"), Placement::NoOpinion);
    assert_eq!(
        ranking(&b),
        vec![vec!["A"], vec![], vec!["C"]],
        "C keeps its rank 3; rank 2 is a gap"
    );
    b.toggle_no_opinion("B");
    assert_eq!(b.placement("B"), Placement::Unranked);
    assert!(b.unrank("A"));
    assert_eq!(ranking(&b), vec![vec![], vec![], vec!["C"]]);
    assert_eq!(b.gaps(), [1, 2]);
    assert!(b.to_top("A"), "a move counts ranks without gaps");
    assert_eq!(ranking(&b), vec![vec!["A"], vec!["C"]]);
}

#[test]
fn entries_saved_by_name_move_to_the_key_unless_two_share_the_name() {
    let mut b = Ballot {
        ranking: vec![vec!["Alice Apple".into()], vec!["Bob".into()]],
        ..Ballot::default()
    };
    b.notes.insert("Alice Apple".into(), "trusted".into());
    b.read.insert("Bob".into());
    b.notes.insert("gone@x".into(), "kept".into());
    let candidates = [("alice@real.org", "Alice Apple"), ("bob@x.org", "Bob")];
    assert!(b.adopt_keys(&candidates));
    assert_eq!(
        b.placement("alice@real.org"),
        Placement::Ranked {
            group: 0,
            tied: false
        }
    );
    assert_eq!(b.note("alice@real.org"), Some("trusted"));
    assert!(b.read.contains("bob@x.org"));
    assert_eq!(
        b.note("gone@x"),
        Some("kept"),
        "what matches nobody is kept as it is"
    );
    assert!(!b.adopt_keys(&candidates), "once is enough");

    let mut b = Ballot {
        ranking: vec![vec!["Alice Apple".into()]],
        ..Ballot::default()
    };
    let twins = [
        ("alice@real.org", "Alice Apple"),
        ("alice@fake.org", "Alice Apple"),
    ];
    assert!(!b.adopt_keys(&twins));
    assert_eq!(
        b.placement("alice@fake.org"),
        Placement::Unranked,
        "no one inherits"
    );
    assert_eq!(b.placement("alice@real.org"), Placement::Unranked);
}

#[test]
fn a_typed_rank_is_that_rank_as_typed() {
    let mut b = Ballot::default();
    assert!(b.set_rank("A", 1));
    assert!(
        b.set_rank("B", 5),
        "past the last: that rank, the ones between empty"
    );
    assert_eq!(
        ranking(&b),
        vec![vec!["A"], vec![], vec![], vec![], vec!["B"]]
    );
    assert_eq!(b.gaps(), [2, 3, 4]);
    assert_eq!(
        ranking(&closed(&b)),
        vec![vec!["A"], vec!["B"]],
        "closed as it is cast"
    );
    assert!(b.set_rank("C", 1), "the same rank: a tie");
    assert_eq!(ranking(&b).first(), Some(&vec!["A", "C"]));
    assert!(!b.set_rank("C", 1), "already there");
    b.toggle_no_opinion("D");
    assert!(b.set_rank("D", 2));
    assert!(!b.no_opinion.contains("D"));
    assert!(b.set_rank("A", 2), "A leaves its tie for rank 2");
    assert_eq!(
        ranking(&b),
        vec![vec!["C"], vec!["D", "A"], vec![], vec![], vec!["B"]]
    );
    assert!(b.set_rank("B", 3), "the last rank's gap closes behind it");
    assert_eq!(ranking(&b), vec![vec!["C"], vec!["D", "A"], vec!["B"]]);
    assert!(b.gaps().is_empty());
}

#[test]
fn ranks_typed_out_of_order_mean_what_was_typed() {
    // Eight candidates: 2 on the first, then 1 on the second.
    let mut b = Ballot::default();
    assert!(b.set_rank("c1", 2));
    assert!(b.set_rank("c2", 1));
    assert_eq!(ranking(&b), vec![vec!["c2"], vec!["c1"]], "not tied at 1");
    // Then 3 for the fifth and 5 for the fourth: the gap at 4 until the ballot is cast.
    assert!(b.set_rank("c5", 3));
    assert!(b.set_rank("c4", 5));
    assert_eq!(b.gaps(), [4]);
    assert_eq!(
        ranking(&closed(&b)),
        vec![vec!["c2"], vec!["c1"], vec!["c5"], vec!["c4"]]
    );
    let warnings = b.warnings(&[("c1", "One"), ("c2", "Two"), ("c4", "Four"), ("c5", "Five")]);
    assert!(warnings.contains(&Warning::Gaps(vec![4])), "{warnings:?}");
}

#[test]
fn a_warning_names_a_handful_and_counts_the_rest() {
    let names: Vec<String> = (1..=20).map(|i| format!("N{i}")).collect();
    let text = Warning::Unread(names.clone()).to_string();
    assert!(text.ends_with("N1, N2, N3, N4, N5 and 15 more"), "{text}");
    let six = Warning::Unranked(names[..6].to_vec()).to_string();
    assert!(
        six.ends_with("N1, N2, N3, N4, N5, N6"),
        "six are named, not five and one more: {six}"
    );
}

#[test]
fn warnings_name_what_the_voter_should_know() {
    let mut b = Ballot::default();
    let all = [("a", "A"), ("b", "B"), ("c", "C")];
    let w = b.warnings(&all);
    assert!(w.contains(&Warning::NoEffect(0)));
    b.ranking = vec![vec!["a".into(), "b".into()]];
    assert!(b.warnings(&all).contains(&Warning::NoEffect(2)), "all tied");
    b.ranking = vec![vec!["a".into()], vec!["b".into()]];
    b.read.insert("a".into());
    let w = b.warnings(&all);
    assert!(!w.iter().any(|w| matches!(w, Warning::NoEffect(_))));
    assert!(w.contains(&Warning::Unranked(vec!["C".into()])));
    assert!(w.contains(&Warning::Unread(vec!["B".into(), "C".into()])));
}
