//! The CLI's own words in each language: [`TABLE`], the one place that
//! lists the languages the CLI speaks. The report's texts (levels,
//! factors, recommendations, cap reasons) come from the questionnaire, in
//! whatever languages it declares.

use readiness_core::Lang;

/// Every language the CLI has words in. Adding one is adding its entry.
pub const TABLE: [&Labels; 2] = [&ID, &EN];

pub struct Labels {
    /// The language's code.
    pub lang: &'static str,
    /// Between a number's whole part and its tenths.
    pub decimal: &'static str,
    pub report: &'static str,
    pub respondent: &'static str,
    pub overall: &'static str,
    pub level: &'static str,
    pub capped: &'static str,
    /// Before the uncapped level's name.
    pub capped_reaches: &'static str,
    /// Before the capped level's name.
    pub capped_held: &'static str,
    /// Before the next level's name and the points to it.
    pub next_level: &'static str,
    pub points_away: &'static str,
    pub factors: &'static str,
    pub recommendations: &'static str,
    pub no_recommendations: &'static str,
    /// Before the gain if the answer moved to the top.
    pub to_top: &'static str,
    pub lifts_cap: &'static str,
    pub strengths: &'static str,
    pub strengths_count: &'static str,
    pub answered: &'static str,
    pub of: &'static str,
    pub dont_know: &'static str,
    pub not_applicable: &'static str,
    pub unanswered: &'static str,
    // The comparison with benchmarks.
    /// Before the comparison, in the label column.
    pub compared: &'static str,
    /// Before a percentile: "ahead of 62%"; also the factors' column head.
    pub ahead_of: &'static str,
    /// After a count of responses: a group's size in a comparison, and the
    /// default label of `readiness benchmark` ("240 responses").
    pub responses: &'static str,
    // The summary.
    pub summary: &'static str,
    pub responses_scored: &'static str,
    pub bad: &'static str,
    pub none_scored: &'static str,
    pub overall_row: &'static str,
    pub count: &'static str,
    pub mean: &'static str,
    pub median: &'static str,
    pub per_level: &'static str,
    pub method: &'static str,
    pub least: &'static str,
    pub most: &'static str,
    /// Before the questions answered furthest apart.
    pub apart: &'static str,
    pub steps: &'static str,
    /// Before the combined answers' level and score.
    pub combined: &'static str,
}

const EN: Labels = Labels {
    lang: "en",
    decimal: ".",
    report: "Readiness report",
    respondent: "Respondent",
    overall: "Overall score",
    level: "Level",
    capped: "Capped",
    capped_reaches: "The score alone reaches",
    capped_held: "these rules hold the level at",
    next_level: "Next level",
    points_away: "points away",
    factors: "Factors",
    recommendations: "Top recommendations",
    no_recommendations: "none: every answer is already at the top",
    to_top: "to the top",
    lifts_cap: "lifts a cap",
    strengths: "Strengths",
    strengths_count: "answers already at the top",
    answered: "Answered",
    of: "of",
    dont_know: "don't know",
    not_applicable: "not applicable",
    unanswered: "unanswered",
    compared: "Compared with",
    ahead_of: "ahead of",
    responses: "responses",
    summary: "Summary",
    responses_scored: "responses scored",
    bad: "bad",
    none_scored: "No response was scored.",
    overall_row: "Overall",
    count: "count",
    mean: "mean",
    median: "median",
    per_level: "Responses per level (overall: after caps)",
    method: "Percentiles by nearest rank, exact; means rounded to one decimal.",
    least: "min",
    most: "max",
    apart: "Answered furthest apart (the middle 80% of answers)",
    steps: "steps apart",
    combined: "Combined answers (each question's median)",
};

const ID: Labels = Labels {
    lang: "id",
    decimal: ",",
    report: "Laporan kesiapan",
    respondent: "Responden",
    overall: "Skor keseluruhan",
    level: "Tingkat",
    capped: "Dibatasi",
    capped_reaches: "Skor saja mencapai",
    capped_held: "aturan berikut menahan tingkat pada",
    // Short of the label column (18), which "Tingkat berikutnya" filled
    // with no space before the value.
    next_level: "Tingkat berikut",
    points_away: "poin lagi",
    factors: "Faktor",
    recommendations: "Rekomendasi utama",
    no_recommendations: "tidak ada: semua jawaban sudah di tingkat tertinggi",
    to_top: "hingga tertinggi",
    lifts_cap: "mengangkat batas",
    strengths: "Kekuatan",
    strengths_count: "jawaban sudah di tingkat tertinggi",
    answered: "Terjawab",
    of: "dari",
    dont_know: "tidak tahu",
    not_applicable: "tidak berlaku",
    unanswered: "belum dijawab",
    compared: "Perbandingan",
    ahead_of: "di atas",
    responses: "responden",
    summary: "Ringkasan",
    responses_scored: "respons dinilai",
    bad: "bermasalah",
    none_scored: "Tidak ada respons yang dinilai.",
    overall_row: "Keseluruhan",
    count: "jumlah",
    mean: "rata-rata",
    median: "median",
    per_level: "Respons per tingkat (keseluruhan: setelah batas)",
    method: "Persentil dengan peringkat terdekat (nearest rank), tepat; rata-rata dibulatkan ke satu desimal.",
    least: "min",
    most: "maks",
    apart: "Jawaban paling berbeda (80% jawaban di tengah)",
    steps: "langkah",
    combined: "Jawaban gabungan (median tiap pertanyaan)",
};

/// The CLI's words in `lang`; in English for a language the table lacks
/// (a questionnaire's own language, whose texts still come through).
pub fn labels(lang: Lang) -> &'static Labels {
    TABLE.into_iter().find(|labels| lang.is(labels.lang)).unwrap_or(&EN)
}
