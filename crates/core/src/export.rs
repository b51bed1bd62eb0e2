//! Downloads of a filtered set: JSON in the dataset format, and CSV for spreadsheets.

use super::Dataset;

/// The two file formats a reader can download.
///
/// ```
/// use pressline_core::export::ExportFormat;
/// use pressline_core::parse_dataset;
/// let dataset = parse_dataset(r#"{"pressline": 1, "title": "T", "releases": [
///     {"id": "a", "kind": "Statement", "date": "2024-05-01", "title": "A"}]}"#)
///     .unwrap()
///     .dataset;
/// assert_eq!(ExportFormat::Csv.file_name(), "releases.csv");
/// assert!(ExportFormat::Csv.write(&dataset, &[0]).starts_with("id,kind,date,title"));
/// assert_eq!(ExportFormat::Json.mime(), "application/json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Pressline dataset of the releases (see [`to_json`]).
    Json,
    /// One row per release (see [`to_csv`]).
    Csv,
}

impl ExportFormat {
    /// The file's name.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Json => "releases.json",
            Self::Csv => "releases.csv",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Csv => "text/csv",
        }
    }

    /// The releases at `ids` of `dataset`, in this format.
    pub fn write(self, dataset: &Dataset, ids: &[u32]) -> String {
        match self {
            Self::Json => to_json(dataset, ids),
            Self::Csv => to_csv(dataset, ids),
        }
    }
}

/// The dataset with only the releases at `ids`, in that order, as pretty JSON (format version 1),
/// so a download can be loaded back as a dataset.
pub fn to_json(dataset: &Dataset, ids: &[u32]) -> String {
    let subset = Dataset {
        releases: ids
            .iter()
            .map(|&id| dataset.releases[id as usize].clone())
            .collect(),
        ..dataset.clone()
    };
    serde_json::to_string_pretty(&subset).expect("the model always serializes")
}

/// The CSV header row's columns.
pub const CSV_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "date",
    "title",
    "summary",
    "people",
    "topics",
    "places",
    "photo_credit",
    "url",
    "lang",
];

/// The releases at `ids` as CSV (RFC 4180, CRLF line ends). Lists are joined with "; " and
/// people written as "Name (Role)". Cells that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'`.
pub fn to_csv(dataset: &Dataset, ids: &[u32]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for &id in ids {
        let release = &dataset.releases[id as usize];
        let people: Vec<String> = release
            .people
            .iter()
            .map(|person| match &person.role {
                Some(role) => format!("{} ({role})", person.name),
                None => person.name.clone(),
            })
            .collect();
        let credit = release
            .image
            .as_ref()
            .and_then(|image| image.credit.clone());
        let cells = [
            release.id.clone(),
            release.kind.clone(),
            release.date.to_iso(),
            release.title.clone(),
            release.summary.clone().unwrap_or_default(),
            people.join("; "),
            release.topics.join("; "),
            release.places.join("; "),
            credit.unwrap_or_default(),
            release
                .url
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            release.lang.clone().unwrap_or_default(),
        ];
        let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
