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
    pub held_at: &'static str,
    pub level_earned: &'static str,
    pub ladder: &'static str,
    pub you_are_here: &'static str,
    pub to_next: &'static str,
    pub next_held: &'static str,
    pub top_level: &'static str,
    pub find_out_first: &'static str,
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
    pub storage_other_version: &'static str,
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
    minutes: "Time: about {n} min. Questions: {total}.",
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
    held_at: "Held at {n}",
    level_earned: "Your answers alone would earn {n}.",
    ladder: "Levels",
    you_are_here: "You are here",
    to_next: "{n} points to {total}.",
    next_held: "Your score already reaches {n}: what holds the level is explained above.",
    top_level: "This is the top level: keep measuring and reviewing.",
    find_out_first: "You answered \"don't know\": find out where you stand, then take this step.",
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
    storage_other_version: "Your saved answers were for an earlier edition of this assessment, whose questions have changed, so they were set aside. Please answer again.",
    invalid_questionnaire: "This questionnaire cannot be used. Problems found:",
    load_failed: "The questionnaire could not be loaded.",
    retry: "Try again",
    failed: "The results could not be computed. Start again, or reload the page.",
    dont_know_count: "Answered \"don't know\": {n}. These count as gaps (0 points); finding out would sharpen this picture.",
};

static ID: Words = Words {
    loading: "Memuat penilaian…",
    minutes: "Waktu: sekitar {n} menit. Pertanyaan: {total}.",
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
    unanswered: "Mohon jawab semua pertanyaan pada langkah ini. Yang belum dijawab:",
    results: "Kesiapan Anda",
    overall: "Skor keseluruhan",
    out_of: "dari 100",
    level: "Tingkat",
    chart_label: "Skor per faktor, dari 100",
    factor: "Faktor",
    score: "Skor",
    held_at: "Ditahan di {n}",
    level_earned: "Jawaban Anda sendiri setara dengan tingkat {n}.",
    ladder: "Tingkat",
    you_are_here: "Posisi Anda",
    to_next: "{n} poin lagi menuju {total}.",
    next_held: "Skor Anda sudah mencapai {n}; penyebab tingkat Anda ditahan dijelaskan di atas.",
    top_level: "Ini tingkat tertinggi: teruskan pengukuran dan peninjauan.",
    find_out_first: "Anda menjawab \"tidak tahu\": cari tahu dulu posisi Anda, lalu ambil langkah ini.",
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
    share_other_version: "Tautan ini dibuat untuk versi penilaian yang lain, sehingga diabaikan.",
    storage_ignored: "Jawaban tersimpan tidak dapat dibaca, sehingga diabaikan.",
    storage_other_version: "Jawaban tersimpan Anda berasal dari edisi penilaian sebelumnya yang pertanyaannya sudah berubah, sehingga tidak dipakai. Silakan jawab kembali.",
    invalid_questionnaire: "Kuesioner ini tidak dapat digunakan. Masalah yang ditemukan:",
    load_failed: "Kuesioner tidak dapat dimuat.",
    retry: "Coba lagi",
    failed: "Hasil tidak dapat dihitung. Mulai lagi, atau muat ulang halaman.",
    dont_know_count: "Jawaban \"tidak tahu\": {n}. Jawaban ini dihitung sebagai celah (0 poin); mencari tahu akan mempertajam gambaran ini.",
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
