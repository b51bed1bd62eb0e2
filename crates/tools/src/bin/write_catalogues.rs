//! Writes the UI's translated catalogues as JSON (`public/i18n/<tag>.json`), which the browser
//! build fetches when a reader needs one. Usage: `write_catalogues [dir=public/i18n]`.

use pressline_core::i18n::Language;

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/i18n".to_owned());
    std::fs::create_dir_all(&dir)?;
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        let path = format!("{dir}/{}.json", language.tag());
        std::fs::write(&path, language.messages().to_json())?;
        println!("wrote {path}");
    }
    Ok(())
}
