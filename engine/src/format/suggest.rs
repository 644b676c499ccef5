//! "Did you mean": the nearest known id to a misspelt one.

/// "did you mean" for a misspelt id, else the list of known ids.
pub(crate) fn suggest(name: &str, known: &[&str], what: &str) -> String {
    match nearest(name, known) {
        Some(candidate) => format!("did you mean `{candidate}`?"),
        None if known.is_empty() => format!("no {what} are defined"),
        None if known.len() <= 12 => format!("known {what}: {}", known.join(", ")),
        None => format!("{} {what} are defined; check the spelling", known.len()),
    }
}

/// The known id closest to a misspelt one, if any is close enough to offer.
pub(crate) fn nearest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let length = name.chars().count();
    known
        .iter()
        // The distance is at least the difference in length: skipping those
        // too far apart keeps a megabyte-long name from costing seconds.
        .filter(|candidate| length.abs_diff(candidate.chars().count()) <= limit(candidate))
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|&(distance, candidate)| distance <= limit(candidate))
        .min()
        .map(|(_, candidate)| candidate)
}

/// The largest distance still offered as "did you mean".
fn limit(candidate: &str) -> usize {
    2.max(candidate.len() / 4)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
