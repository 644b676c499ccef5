//! The scored CSV read back by the dashboard, and what it refuses.

use super::*;
use crate::{SourceFile, load_catalogue};

fn catalogue() -> Catalogue {
    load_catalogue(&SourceFile::new(
        "catalogue.yaml",
        include_str!("../../../../question-banks/catalogue.yaml"),
    ))
    .into_result()
    .expect("catalogue")
}

#[test]
fn scored_csv_rows_become_records() {
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = format!(
        "\u{feff}respondent,bank,tier,industry,prefecture,overall_score,{id}_score,{id}_level\nA,small,small,retail,saga,40.0,25.0,2\nB,small,small\nC,small,giant,retail,saga,1,1,1\n"
    );
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].scores, [(id.clone(), 25.0)]);
    assert_eq!(problems.len(), 2);
    assert!(
        problems[0].to_string().starts_with("3: 3 fields"),
        "{problems:?}"
    );
}

#[test]
fn unknown_dimensions_and_impossible_scores_are_refused() {
    // Review D2: a header `=1+1_score`, scores NaN, inf, 1e308.
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = "tier,=1+1_score\nsmall,1\n";
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert!(records.is_empty());
    assert!(
        problems[0].message.contains("no dimension `=1+1`"),
        "{problems:?}"
    );
    let text = format!("tier,{id}_score\nsmall,NaN\nsmall,inf\nsmall,1e308\nsmall,-5\nsmall,100\n");
    let (records, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert_eq!(records.len(), 1);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems.iter().all(|p| p.message.contains("from 0 to 100")));
    let text = format!("tier,tier,{id}_score\nsmall,small,1\n");
    let (_, problems) = records_from_scored_csv(text.as_bytes(), &catalogue);
    assert!(problems[0].message.contains("twice"), "{problems:?}");
}

#[test]
fn a_cp932_scored_csv_reads() {
    let catalogue = catalogue();
    let id = &catalogue.dimensions[0].id;
    let text = format!("respondent,tier,{id}_score\n山田商店,small,50\n");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let (records, problems) = records_from_scored_csv(&bytes, &catalogue);
    assert_eq!((records.len(), problems.len()), (1, 0));
}
