//! Every fixed text of the interface, Japanese first, English second. Bank
//! texts come from the banks; only the frame of the sheet is here.

use shindan_engine::{Lang, Text};

/// A fixed interface text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Msg {
    ja: &'static str,
    en: &'static str,
}

impl Msg {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// The text in `lang` with each `{}` filled in, in order.
    pub fn fill(self, lang: Lang, values: &[&dyn std::fmt::Display]) -> String {
        use std::fmt::Write;
        let mut text = String::new();
        let mut rest = self.get(lang);
        for value in values {
            let Some((before, after)) = rest.split_once("{}") else {
                break;
            };
            text.push_str(before);
            let _ = write!(text, "{value}");
            rest = after;
        }
        text.push_str(rest);
        text
    }

    /// Both versions, for a message kept until the language changes.
    pub fn text(self) -> Text {
        Text::new(self.ja, self.en)
    }
}

const fn msg(ja: &'static str, en: &'static str) -> Msg {
    Msg { ja, en }
}

pub const APP_TITLE: Msg = msg(
    "企業規模別 人材自己診断シート",
    "HR self-diagnosis sheet by company size",
);
pub const OTHER_LANGUAGE: Msg = msg("English", "日本語");
pub const OTHER_LANGUAGE_LABEL: Msg = msg("Switch to English", "日本語に切り替え");
pub const SKIP_TO_CONTENT: Msg = msg("本文へ移動", "Skip to content");
pub const CLOSE: Msg = msg("閉じる", "Close");
/// The last line of a notice's cut-short list of details.
pub const MORE_DETAILS: Msg = msg("… ほか {} 件", "… and {} more");
pub const LANDING_LEAD: Msg = msg(
    "人材の確保・育成・定着について、経営者の方が自社の取り組みを振り返るためのシートです。分野ごとに5段階のレベルと、次の一歩、使える公的支援を示します。",
    "A sheet for executives to review how the company finds, develops and keeps people. It shows a level from 1 to 5 per area, the next steps, and the public support that fits.",
);
pub const LANDING_TIME: Msg = msg(
    "所要時間：約8〜18分（企業規模により質問数が異なります）",
    "Takes about 8–18 minutes (the questions depend on company size)",
);
pub const LANDING_PRIVACY: Msg = msg(
    "回答はこのブラウザの中だけに保存され、どこにも送信されません。",
    "Your answers stay in this browser and are sent nowhere.",
);
pub const START: Msg = msg("診断を始める", "Start the diagnosis");
pub const RESUME: Msg = msg("続きから再開する", "Resume where you left off");
pub const START_OVER: Msg = msg("最初からやり直す", "Start over");
pub const CONFIRM_START_OVER: Msg = msg(
    "これまでの回答をすべて消去して最初からやり直します。よろしいですか？",
    "This deletes every answer and starts again. Continue?",
);
pub const START_OVER_TITLE: Msg = msg("最初からやり直しますか？", "Start over?");
pub const START_OVER_YES: Msg = msg(
    "回答を消去してやり直す",
    "Delete the answers and start over",
);
pub const CANCEL: Msg = msg("キャンセル", "Cancel");
pub const IMPORT_RESULT: Msg = msg("保存した結果（JSON）を開く", "Open a saved result (JSON)");
/// A download the browser refused to make.
pub const SAVE_FAILED: Msg = msg(
    "{} を保存できませんでした。このブラウザーでダウンロードが許可されているか確認して、もう一度お試しください。",
    "{} could not be saved; check that this browser allows downloads, then try again",
);
/// Why a picked file was not read (after its name).
pub const FILE_TOO_LARGE: Msg = msg(
    "{} MB を超えるため読み込みませんでした。選んだファイルをご確認ください。",
    "larger than {} MB, so it was not read; check that this is the right file",
);
pub const FILE_NOT_READ: Msg = msg(
    "ブラウザーが読み込めませんでした。もう一度選んでください。",
    "the browser could not read it; choose the file again",
);
pub const IMPORT_FAILED: Msg = msg(
    "このファイルは読み込めませんでした。現在の回答はそのままです。",
    "This file could not be opened. Your current answers are unchanged.",
);
pub const NOT_A_RESULT: Msg = msg(
    "診断結果のファイルではないか、壊れています。",
    "This is not a result file, or it is damaged.",
);
pub const RESULT_BANK_UNAVAILABLE: Msg = msg(
    "この結果の質問票を読み込めませんでした。",
    "The question set of this result could not be loaded.",
);
pub const RESULT_BANK_UNKNOWN: Msg = msg(
    "この結果は、このサイトにない質問票のものです。",
    "This result answers a question set this site does not have.",
);
pub const RESULT_EDITION_UNKNOWN: Msg = msg(
    "この結果の版の質問票は、このサイトにありません。最新の版で診断し直すか、その版を使っていたサイトで開いてください。",
    "This site does not have the edition of the question set this result answers. Diagnose again with the current edition, or open the file where that edition is used.",
);
pub const RESULT_ANSWERS_DO_NOT_FIT: Msg = msg(
    "回答の一部が質問票に合いません。",
    "Some answers do not fit the question set.",
);
pub const RESULT_PLAN_DOES_NOT_FIT: Msg = msg(
    "目標・行動計画の一部が質問票に合いません。",
    "Part of the targets and action plan does not fit the question set.",
);

pub const PROFILE_HEADING: Msg = msg("会社について", "About the company");
pub const INDUSTRY: Msg = msg("主たる業種", "Main industry");
pub const EMPLOYEES: Msg = msg("常時使用する従業員数（人）", "Regular employees");
pub const EMPLOYEES_HELP: Msg = msg(
    "パート・アルバイトのうち短時間の方、役員は含みません。",
    "Excluding short-hour part-timers and directors.",
);
/// The company's head count on the result sheet.
pub const EMPLOYEE_COUNT: Msg = msg("{}人", "{} employees");
pub const CAPITAL: Msg = msg("資本金（万円・任意）", "Capital in ¥10,000 (optional)");
pub const PREFECTURE: Msg = msg("所在地", "Location");
pub const TIER_RESULT: Msg = msg("判定された企業規模", "Company size found");
pub const TIER_CHOICE: Msg = msg("回答する質問票", "Question set to answer");
pub const TIER_CHOSEN_OTHER: Msg = msg(
    "判定とは異なる質問票を選んでいます。",
    "You chose a question set other than the one found.",
);
pub const EMPLOYEES_INVALID: Msg = msg(
    "従業員数を0以上の整数で入力してください。",
    "Enter the number of employees as a whole number, 0 or more.",
);
pub const CAPITAL_INVALID: Msg = msg(
    "資本金は0以上の数で入力するか、空欄にしてください。",
    "Enter capital as a number, 0 or more, or leave it empty.",
);
/// Number answers out of range; `{}` is the bound.
pub const NUMBER_BETWEEN: Msg = msg(
    "{}〜{} の数を入力してください。",
    "Enter a number from {} to {}.",
);
pub const NUMBER_AT_LEAST: Msg = msg(
    "{} 以上の数を入力してください。",
    "Enter a number of at least {}.",
);
pub const NUMBER_AT_MOST: Msg = msg(
    "{} 以下の数を入力してください。",
    "Enter a number of at most {}.",
);
pub const NUMBER_EXPECTED: Msg = msg("数を入力してください。", "Enter a number.");
pub const LOADING_BANK: Msg = msg("質問票を読み込んでいます…", "Loading the questions…");
pub const BANK_UNAVAILABLE: Msg = msg(
    "質問票を読み込めませんでした。接続を確認して、もう一度お試しください。",
    "The questions could not be loaded. Check the connection and try again.",
);

pub const SAVED_BANK_GONE: Msg = msg(
    "保存された回答の質問票は、このサイトでは提供されていません。「最初からやり直す」で新しく始めてください。",
    "The question set of your saved answers is no longer offered here. Use “Start over” to begin again.",
);

pub const BACK: Msg = msg("戻る", "Back");
pub const NEXT: Msg = msg("次へ", "Next");
pub const SHOW_RESULT: Msg = msg("結果を見る", "See the result");
pub const PROGRESS: Msg = msg("回答済み", "Answered");
pub const PAGE: Msg = msg("ページ", "Page");
pub const HELP: Msg = msg("補足説明", "More about this question");
pub const NOT_APPLICABLE: Msg = msg("該当しない", "Not applicable");
pub const YES: Msg = msg("はい", "Yes");
pub const NO: Msg = msg("いいえ", "No");
pub const GATES_HEADING: Msg = msg("法令・制度の確認", "Legal and basic checks");
pub const GATES_LEAD: Msg = msg(
    "点数には含めません。「いいえ」の項目は結果シートに確認事項として示します。",
    "Not scored. Any “no” is listed on the result sheet as a point to check.",
);

pub const RESULT_HEADING: Msg = msg("診断結果", "Result");
pub const OVERALL: Msg = msg("総合", "Overall");
pub const LEVEL: Msg = msg("レベル", "Level");
pub const SCORE: Msg = msg("得点", "Score");
pub const NO_ANSWER: Msg = msg("未回答", "Not answered");
pub const DIMENSION: Msg = msg("分野", "Area");
pub const MEANING: Msg = msg("この段階の姿", "What this level means");
pub const STRENGTHS: Msg = msg("強み", "Strengths");
pub const WEAKEST: Msg = msg("優先して取り組みたい分野", "Areas to work on first");
pub const NONE_YET: Msg = msg("まだありません", "None yet");
pub const GATE_FINDINGS: Msg = msg(
    "確認事項（法令・制度）",
    "Points to check (legal and basic)",
);
pub const NO_GATE_FINDINGS: Msg = msg("確認事項はありません。", "Nothing to check.");
pub const TARGET: Msg = msg("次回の目標", "Target");
pub const ADD_TO_PLAN: Msg = msg(
    "行動計画に入れる（5つまで）",
    "Add to the action plan (up to five)",
);
pub const ACTION_WHO: Msg = msg("担当", "Who");
pub const ACTION_BY: Msg = msg("期限", "By");
pub const PLAN_HEADING: Msg = msg(
    "次回までの目標と行動計画",
    "Targets and action plan for the next review",
);
pub const NEXT_STEPS: Msg = msg("次の一歩と使える支援", "Next steps and support that fits");
pub const NO_NEXT_STEPS: Msg = msg("該当する提案はありません。", "No suggestion applies.");
pub const CHOOSE: Msg = msg("選択してください", "Please choose");
pub const INDUSTRY_MISSING: Msg = msg("主な業種を選んでください。", "Choose the main industry.");
pub const MORE_STEPS: Msg = msg("ほかの支援策", "Other support");
pub const GATES_NOT_APPLICABLE: Msg = msg(
    "該当しません（会社の規模や業種などから、この会社には義務がない項目）",
    "Not applicable (duties that do not bind this company, by its size, industry or answers)",
);
pub const PROVIDED_BY: Msg = msg("実施", "Run by");
pub const COMPLETENESS: Msg = msg("回答率", "Answered");
pub const DATE: Msg = msg("診断日", "Date");
pub const BANK: Msg = msg("質問票", "Question set");
pub const PRINT: Msg = msg("印刷する", "Print");
pub const EXPORT_JSON: Msg = msg("結果を保存（JSON）", "Save the result (JSON)");
pub const EXPORT_CSV: Msg = msg("表計算用に保存（CSV）", "Save for spreadsheets (CSV)");
pub const EDIT_ANSWERS: Msg = msg("回答を見直す", "Review the answers");
pub const RADAR_LABEL: Msg = msg(
    "分野別レベルのレーダーチャート",
    "Radar chart of the level per area",
);
pub const PRIORITY: Msg = msg("優先度", "Priority");

pub const STILL_THERE: Msg = msg("続けますか？", "Are you still there?");
pub const IDLE_RESET_IN: Msg = msg(
    "操作がないため、{} 秒後に回答を消去して最初に戻ります。",
    "With no input, the answers are deleted and the sheet starts again in {} seconds.",
);
pub const CONTINUE: Msg = msg("続ける", "Continue");
pub const TAKE_HOME: Msg = msg("スマートフォンで結果を見る", "See the result on your phone");
pub const TAKE_HOME_HELP: Msg = msg(
    "QRコードを読み取ると、この結果がスマートフォンに表示されます。結果はURLの中だけにあり、どこにも保存・送信されません。",
    "Scan the code to see this result on your phone. The result is only in the link itself; it is stored and sent nowhere.",
);
pub const QR_LABEL: Msg = msg("結果を開くQRコード", "QR code that opens the result");
pub const PART_UNAVAILABLE: Msg = msg(
    "この部分を読み込めませんでした。接続を確かめて、もう一度お試しください。",
    "This part of the sheet could not be loaded. Check the connection and try again.",
);
pub const TO_FIRST_PAGE: Msg = msg("最初の画面に戻る", "Back to the first page");
pub const HANDOFF_FAILED: Msg = msg(
    "このリンクの結果は開けませんでした。",
    "The result in this link could not be opened.",
);
pub const HANDOFF_TITLE: Msg = msg("共有された結果を開きますか？", "Open the shared result?");
pub const HANDOFF_REPLACES: Msg = msg(
    "このブラウザには保存された診断があります。リンクの結果を開くと、保存された診断はリンクの結果に置き換わります。",
    "This browser holds a saved diagnosis. Opening the link's result replaces it.",
);
pub const HANDOFF_OPEN: Msg = msg("リンクの結果を開く", "Open the shared result");
pub const HANDOFF_KEEP: Msg = msg("自分の診断を続ける", "Keep my diagnosis");
pub const PEERS: Msg = msg(
    "同規模・同業種との比較",
    "Compared with peers of the same size and industry",
);
pub const PEER_COLUMN: Msg = msg("同業比較", "Among peers");
pub const DEVIATION: Msg = msg("偏差値", "Deviation score");
pub const PERCENTILE: Msg = msg("百分位", "Percentile");
pub const SAMPLE_DATA: Msg = msg(
    "サンプルデータ：比較の基準は試作用の合成データで、実際の調査結果ではありません。",
    "Sample data: the comparison uses synthetic data, not survey results.",
);
pub const NO_PEERS: Msg = msg(
    "この規模・業種の比較データはまだありません（少数のグループは公表しません）。",
    "No peer data for this size and industry yet (small groups are not published).",
);
pub const PEER_BAND: Msg = msg(
    "網掛けは同業の中央50%（25〜75パーセンタイル）のレベルです。",
    "The shaded band is the middle half of peers (25th to 75th percentile).",
);
// Moving between the questions and the result sheet.
pub const PAGE_NAV: Msg = msg("質問のページ", "Question pages");
pub const GATES_SHORT: Msg = msg("法令の確認", "Legal checks");
pub const REVIEW_AREA: Msg = msg("この分野を見直す", "Review this area");
pub const BACK_TO_RESULT: Msg = msg("結果シートに戻る", "Back to the result sheet");

/// Texts of the tools build's screens, which only that build has.
#[cfg(feature = "tools")]
pub mod tools {
    use super::{Msg, msg};

    /// The consultation screen.
    pub mod consult {
        use super::{Msg, msg};

        pub const CONSULT_HEADING: Msg =
            msg("相談対応：結果の比較", "Consultation: compare results");
        pub const FOLLOW_UP: Msg = msg(
            "前回の目標と行動計画の振り返り",
            "Follow-up of the targets and action plan set",
        );
        pub const REACHED: Msg = msg("今回のレベル", "Level reached");
        pub const TARGET_STATE: Msg = msg("達成", "Met");
        pub const TARGET_MET: Msg = msg("達成", "met");
        pub const TARGET_NOT_MET: Msg = msg("未達", "not yet");
        pub const ACTION_DONE: Msg = msg(
            "実施済み（提案から外れました）",
            "Done (no longer suggested)",
        );
        pub const ACTION_OPEN: Msg = msg("継続中", "Still open");
        pub const CONSULT_LEAD: Msg = msg(
            "同じ企業の結果ファイル（JSON）を2つ以上開くと、前回と今回の比較と推移を示します。ファイルはこのブラウザの中だけで読み込みます。",
            "Open two or more result files (JSON) of one company to see what moved and the trend. Files are read in this browser only.",
        );
        pub const OPEN_RESULTS: Msg = msg(
            "結果ファイルを開く（複数可）",
            "Open result files (several allowed)",
        );
        pub const BEFORE: Msg = msg("前回", "Before");
        pub const AFTER: Msg = msg("今回", "After");
        pub const CHANGE: Msg = msg("変化", "Change");
        pub const NOTES: Msg = msg("メモ", "Notes");
        pub const ADDRESSED: Msg = msg(
            "対応が進んだ提案（今回は該当しない）",
            "Suggestions addressed (no longer apply)",
        );
        pub const NEW_SUGGESTIONS: Msg = msg("新たに該当した提案", "New suggestions");
        pub const REMAINING: Msg = msg("引き続き該当する提案", "Suggestions that still apply");
        pub const TREND: Msg = msg("推移", "Trend");
        pub const SAVE_WITH_NOTES: Msg = msg(
            "メモ付きで今回の結果を保存",
            "Save the latest result with notes",
        );
        pub const EDITIONS_DIFFER: Msg = msg(
            "比べる結果は、質問票（企業規模の区分または版）が異なります。共通の分野で比べますが、次の分野は質問が異なるため、点数の差には質問の違いも含まれます：",
            "The results compared answer different question sets (another company size or edition). They are compared on the areas both have; in these areas the questions differ, so part of the difference comes from the questions themselves:",
        );
        pub const OTHER_COMPANY: Msg = msg(
            "次のファイルは、最新の結果と会社の名前・業種・所在地が違うため、まだ比較に入れていません。同じ会社（名前を変えた場合など）なら比較に入れ、違う会社なら外してください。",
            "These files differ from the latest result in company name, industry or prefecture, so they are not compared yet. Include a file if it is the same company (after a rename, say), or leave it out.",
        );
        pub const SAME_COMPANY: Msg = msg("同じ会社として比べる", "Same company: compare");
        pub const DROP_FILE: Msg = msg("外す", "Leave out");
        pub const QUESTIONS_CHANGED: Msg = msg("※質問変更", "* questions changed");
        /// A result of another question set of the same tier, left out.
        pub const OTHER_QUESTION_SET: Msg = msg(
            "{}: 質問票 `{}` の結果のため、`{}` の結果との比較から外しました",
            "{}: question set `{}`, not `{}`; left out",
        );
        pub const NEED_TWO: Msg = msg(
            "比較には同じ質問票の結果が2つ以上必要です。",
            "Comparing needs two or more results of the same question set.",
        );
    }

    /// The dashboard.
    pub mod dashboard {
        use super::{Msg, msg};

        pub const HEADING: Msg = msg("集計ダッシュボード", "Aggregate dashboard");
        pub const LEAD: Msg = msg(
            "結果ファイル（JSON、複数可。フォルダーごとドロップしても、多いときはフォルダーを ZIP に圧縮したものでも可）か、集計済みアンケートのCSV（shindan score --responses の出力）を選ぶかここにドロップすると、分野ごとの分布をグループ別に示します。件数の少ないグループは表示しません。ファイルはこのブラウザの中だけで読み込みます。",
            "Pick or drop result files (JSON, many at once, or drop their folder; many thousands read fastest as one ZIP of their folder) or a scored survey CSV (from shindan score --responses) to see each area's distribution by group. Small groups are not shown. Files are read in this browser only.",
        );
        pub const OPEN: Msg = msg("ファイルを選ぶ（複数可）", "Choose files (many allowed)");
        pub const GROUP_BY: Msg = msg("グループ", "Group by");
        pub const BY_TIER: Msg = msg("企業規模", "Company size");
        pub const BY_INDUSTRY: Msg = msg("業種", "Industry group");
        pub const BY_PREFECTURE: Msg = msg("所在地", "Prefecture");
        pub const NO_GROUPS: Msg = msg("全体", "Everything");
        pub const TIER_FILTER: Msg = msg("企業規模で絞り込み", "Company size");
        pub const ALL_TIERS: Msg = msg("すべて", "All");
        pub const INDUSTRY_FILTER: Msg = msg("業種で絞り込み", "Industry group");
        pub const PREFECTURE_FILTER: Msg = msg("所在地で絞り込み", "Prefecture");
        pub const MIN_GROUP: Msg = msg("表示する最小件数", "Smallest group shown");
        pub const EXPORT: Msg = msg("集計をCSVで保存", "Save the aggregate (CSV)");
        pub const SUPPRESSED: Msg = msg(
            "{} グループ（計 {} 件）は {} 件未満のため表示していません。",
            "{} groups ({} results) have fewer than {} results and are not shown.",
        );
        pub const MEDIAN: Msg = msg("中央値", "Median");
        pub const QUARTILES: Msg = msg("四分位範囲", "Quartiles");
        pub const HISTOGRAM: Msg = msg(
            "得点分布（0–20–40–60–80–100）",
            "Scores (0–20–40–60–80–100)",
        );
        pub const REFUSED: Msg = msg("読み込めなかったファイル・行", "Files and rows not read");
        pub const NOT_ANALYSED: Msg = msg("設問分析から除外", "left out of the item analysis");
        pub const MANY_FILES: Msg = msg(
            "ファイルが多いときは、フォルダーごと ZIP ファイルに圧縮して、その ZIP を選ぶと速く読み込めます（1万件ではおよそ5分の1の時間）。Windows 11 ではフォルダーを右クリックして「ZIP ファイルに圧縮する」、Windows 10 では「送る」→「圧縮 (zip 形式) フォルダー」です。",
            "Many files read faster as one ZIP of their folder (10,000 take about a fifth of the time): right-click the folder, compress it to a ZIP file, and choose that ZIP.",
        );
        pub const FOLDER_STOPPED: Msg = msg(
            "フォルダーの中のファイルが {} を超えたため、そこまでを読み込みました。結果ファイルのフォルダーだけをドロップしてください。",
            "the folders held over {} files, so reading stopped there; drop only the folder of result files",
        );
        pub const WALKING: Msg = msg(
            "フォルダーの中を調べています（{} 件）…",
            "Looking through the folder ({} files so far)…",
        );
        pub const NOT_A_RESULT: Msg = msg(
            "結果ファイル（.json）ではないため読み込みませんでした",
            "not a result file (.json), so it was not read",
        );
    }

    /// Author preview (`?mode=author`).
    pub mod author {
        use super::{Msg, msg};

        pub const TITLE: Msg = msg("問題バンクの確認", "Bank author preview");
        pub const LEAD: Msg = msg(
            "問題バンクとカタログ（YAML）を貼り付けるか開くと、入力が止まったところで検査します。両方を直して、そのまま回答を試せます。",
            "Paste or open a question bank and its catalogue (YAML); they are checked when you pause typing. Edit either and try the pair in the journey.",
        );
        pub const OPEN_FILE: Msg = msg(
            "ファイルを開く（問題バンクまたはカタログ）",
            "Open a file (bank or catalogue)",
        );
        pub const TAB_BANK: Msg = msg("問題バンク", "Bank");
        pub const TAB_CATALOGUE: Msg = msg("カタログ", "Catalogue");
        pub const SOURCE_LABEL: Msg = msg("編集中のファイル", "The file being edited");
        pub const NO_PROBLEMS: Msg = msg("問題はありません", "No problems");
        pub const WARNINGS: Msg = msg("警告の件数", "Warnings");
        pub const ERRORS: Msg = msg("エラーの件数", "Errors");
        pub const CATALOGUE_FIRST: Msg = msg(
            "カタログを直すと問題バンクを検査します",
            "the bank is checked once the catalogue loads",
        );
        pub const MORE: Msg = msg("表示していない件数", "Not listed");
        pub const SHOW_IN_TEXT: Msg = msg("該当箇所へ", "Show in the text");
        pub const TRY: Msg = msg("この問題バンクで回答してみる", "Try this bank");
        pub const FILE_UNREADABLE: Msg = msg(
            "ファイルを開けませんでした。",
            "The file could not be opened.",
        );
    }

    /// 設問分析 in the dashboard.
    pub mod item_analysis {
        use super::{Msg, msg};

        pub const HEADING: Msg = msg("設問分析", "Item analysis");
        pub const LEAD: Msg = msg(
            "読み込んだ結果の回答から、分野ごとの信頼性係数（クロンバックのα）と設問ごとの回答状況を示します（shindan analyze と同じ計算）。αが{}未満の分野、項目残余相関が{}未満の設問、一つの回答が{}%を超える設問に印を付けます。",
            "From the answers in the results read: each area's reliability (Cronbach's α) and how each question was answered (the same figures as shindan analyze). Areas with α below {}, questions with an item–rest correlation below {} and questions where one answer exceeds {}% are flagged.",
        );
        pub const EXPORT: Msg = msg("設問分析をCSVで保存", "Save the item analysis (CSV)");
        pub const COMPLETE: Msg = msg("完答", "complete cases");
        pub const QUESTION: Msg = msg("設問", "Question");
        pub const ASKED: Msg = msg("対象", "Asked");
        pub const ANSWERED: Msg = msg("回答", "Answered");
        pub const NOT_APPLICABLE: Msg = msg("該当なし率", "N/A rate");
        pub const SKIPPED: Msg = msg("無回答率", "Skipped rate");
        pub const ITEM_REST: Msg = msg("項目残余相関", "Item–rest r");
        pub const ALPHA_IF_DROPPED: Msg = msg("除外時α", "α if dropped");
        pub const TOP_ANSWER: Msg = msg("最多回答", "Top answer");
        pub const FLAG_LOW_ALPHA: Msg = msg(
            "αが低い（設問がまとまっていない）",
            "low α (the questions do not hang together)",
        );
        pub const FLAG_LOW_ITEM_REST: Msg = msg(
            "項目残余相関が低い（分野の他の設問と連動しない）",
            "low item–rest correlation (does not move with the area's other questions)",
        );
        pub const FLAG_DOMINANT: Msg = msg("一つの回答に偏っている", "one answer dominates");
    }
}
