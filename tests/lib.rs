//! Golden tests live in `it/`; this library holds the generated inputs that
//! the tests and the benchmark (`benches/engine.rs`) share.

/// A bank (for the fixture catalogue, `banks/catalogue.yaml`) whose
/// `show_if` conditions form a chain of `links` references, each to the
/// next question (a forward reference, an error), plus a pair of
/// questions that refer to each other. With `closed`, the last question of
/// the chain refers back to the first, so the whole chain is one loop.
/// The review found the loop check cubic: 2,000 links took a minute.
pub fn show_if_chain(links: usize, closed: bool) -> String {
    let mut text = String::from(
        "kind: bank\nid: chain\nversion: \"1\"\ntier: small\ncatalogue: fixture\n\
         title: {ja: 連鎖, en: Chain}\nquestions:\n\
         - {id: h, dimension: hiring, kind: yes_no, source: s, text: {ja: 質問, en: Q}}\n",
    );
    let question = |id: &str, refers_to: &str| {
        format!(
            "- {{id: {id}, dimension: commitment, kind: yes_no, source: s, text: {{ja: 質問, en: Q}}, show_if: {{question: {refers_to}, equals: \"yes\"}}}}\n"
        )
    };
    for link in 0..links {
        text.push_str(&question(&format!("c{link}"), &format!("c{}", link + 1)));
    }
    let last = if closed { "c0" } else { "h" };
    text.push_str(&question(&format!("c{links}"), last));
    text.push_str(&question("loop_a", "loop_b"));
    text.push_str(&question("loop_b", "loop_a"));
    text
}
