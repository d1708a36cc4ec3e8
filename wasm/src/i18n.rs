//! The widget's own words, in every supported language. Questionnaire texts
//! come from the questionnaire; these are the labels around them.

use readiness_core::Lang;

/// Every label the widget shows, in one language.
pub struct Words {
    pub loading: &'static str,
    pub minutes: &'static str,
    pub privacy: &'static str,
    pub factors_heading: &'static str,
    pub start: &'static str,
    pub resume_prompt: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub step_of: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub see_results: &'static str,
    pub dont_know: &'static str,
    pub not_applicable: &'static str,
    pub unanswered: &'static str,
    pub results: &'static str,
    pub overall: &'static str,
    pub out_of: &'static str,
    pub level: &'static str,
    pub chart_label: &'static str,
    pub factor: &'static str,
    pub score: &'static str,
    pub caps_heading: &'static str,
    pub held_at: &'static str,
    pub recommendations: &'static str,
    pub more_recommendations: &'static str,
    pub gain: &'static str,
    pub strengths: &'static str,
    pub no_strengths: &'static str,
    pub no_recommendations: &'static str,
    pub print: &'static str,
    pub share: &'static str,
    pub share_label: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub restart: &'static str,
    pub shared_notice: &'static str,
    pub share_damaged: &'static str,
    pub share_other_version: &'static str,
    pub storage_ignored: &'static str,
    pub invalid_questionnaire: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub failed: &'static str,
    pub dont_know_count: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

static EN: Words = Words {
    loading: "Loading the assessment…",
    minutes: "About 5 minutes, four short steps.",
    privacy: "Your answers stay in this browser: nothing is sent anywhere.",
    factors_heading: "What it looks at",
    start: "Start the assessment",
    resume_prompt: "You have answers saved from an earlier visit.",
    resume: "Continue where you left off",
    start_over: "Start over",
    step_of: "Step {n} of {total}",
    back: "Back",
    next: "Next",
    see_results: "See my results",
    dont_know: "Don't know",
    not_applicable: "Not applicable",
    unanswered: "Please answer every question on this step. Still open:",
    results: "Your readiness",
    overall: "Overall score",
    out_of: "out of 100",
    level: "Level",
    chart_label: "Scores per factor, out of 100",
    factor: "Factor",
    score: "Score",
    caps_heading: "Why the level is held down",
    held_at: "Held at {n}",
    recommendations: "What would raise your readiness most",
    more_recommendations: "More recommendations",
    gain: "+{n} points",
    strengths: "Strengths",
    no_strengths: "No answer is at the top of its scale yet.",
    no_recommendations: "Every answer is at the top of its scale: keep reviewing what you do.",
    print: "Print or save as PDF",
    share: "Copy share link",
    share_label: "Share link (it holds your answers, nothing else)",
    copied: "Link copied.",
    copy_failed: "Copying failed: select the link and copy it yourself.",
    restart: "Start again",
    shared_notice: "These are shared results. Start again to take the assessment yourself.",
    share_damaged: "The shared link is incomplete or was changed, so it was ignored.",
    share_other_version: "The shared link is for another version of this assessment, so it was ignored.",
    storage_ignored: "Saved answers could not be read and were ignored.",
    invalid_questionnaire: "This questionnaire cannot be used. Problems found:",
    load_failed: "The questionnaire could not be loaded.",
    retry: "Try again",
    failed: "The results could not be computed. Start again, or reload the page.",
    dont_know_count: "Answered \"don't know\": {n}. Finding out would sharpen this picture.",
};

static ID: Words = Words {
    loading: "Memuat penilaian…",
    minutes: "Sekitar 5 menit, empat langkah singkat.",
    privacy: "Jawaban Anda tetap di peramban ini dan tidak dikirim ke mana pun.",
    factors_heading: "Yang dinilai",
    start: "Mulai penilaian",
    resume_prompt: "Ada jawaban tersimpan dari kunjungan sebelumnya.",
    resume: "Lanjutkan dari posisi terakhir",
    start_over: "Mulai dari awal",
    step_of: "Langkah {n} dari {total}",
    back: "Kembali",
    next: "Lanjut",
    see_results: "Lihat hasil saya",
    dont_know: "Tidak tahu",
    not_applicable: "Tidak berlaku",
    unanswered: "Jawab semua pertanyaan pada langkah ini. Belum dijawab:",
    results: "Kesiapan Anda",
    overall: "Skor keseluruhan",
    out_of: "dari 100",
    level: "Tingkat",
    chart_label: "Skor per faktor, dari 100",
    factor: "Faktor",
    score: "Skor",
    caps_heading: "Mengapa tingkatnya ditahan",
    held_at: "Ditahan di tingkat {n}",
    recommendations: "Yang paling meningkatkan kesiapan Anda",
    more_recommendations: "Rekomendasi lainnya",
    gain: "+{n} poin",
    strengths: "Kekuatan",
    no_strengths: "Belum ada jawaban di puncak skalanya.",
    no_recommendations: "Semua jawaban sudah di puncak skalanya: terus tinjau apa yang Anda jalankan.",
    print: "Cetak atau simpan sebagai PDF",
    share: "Salin tautan berbagi",
    share_label: "Tautan berbagi (hanya berisi jawaban Anda)",
    copied: "Tautan disalin.",
    copy_failed: "Gagal menyalin: pilih tautan lalu salin sendiri.",
    restart: "Mulai lagi",
    shared_notice: "Ini hasil yang dibagikan. Mulai lagi untuk mengisi penilaian sendiri.",
    share_damaged: "Tautan berbagi tidak lengkap atau telah diubah, sehingga diabaikan.",
    share_other_version: "Tautan berbagi ini untuk versi lain penilaian ini, sehingga diabaikan.",
    storage_ignored: "Jawaban tersimpan tidak dapat dibaca dan diabaikan.",
    invalid_questionnaire: "Kuesioner ini tidak dapat digunakan. Masalah yang ditemukan:",
    load_failed: "Kuesioner tidak dapat dimuat.",
    retry: "Coba lagi",
    failed: "Hasil tidak dapat dihitung. Mulai lagi, atau muat ulang halaman.",
    dont_know_count: "Jawaban \"tidak tahu\": {n}. Mencari tahu akan mempertajam gambaran ini.",
};

/// Fills `{n}` (and `{total}`) in a label.
///
/// By hand, as is all text built in this crate (`concat`,
/// [`readiness_core::decimal`]):
/// `format!`, `to_string` and `str::replace` bring in formatting and
/// pattern-search code that weighs kilobytes of WebAssembly.
pub fn fill(template: &str, n: &str, total: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.bytes().position(|b| b == b'{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (value, len) = if rest.starts_with("{n}") {
            (n, 3)
        } else if rest.starts_with("{total}") {
            (total, 7)
        } else {
            ("{", 1)
        };
        out.push_str(value);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill(EN.step_of, "2", "4"), "Step 2 of 4");
        assert_eq!(fill("{a} {n}{n} {", "1", ""), "{a} 11 {");
    }
}
