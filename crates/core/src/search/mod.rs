//! Finding releases: text folding, the query language, the index and highlighting.
//!
//! The index is built once per dataset; each query then combines bitsets and sorted postings
//! instead of scanning every string.

mod bitset;
mod highlight;
mod index;
mod normalize;
mod query;

pub use bitset::Bitset;
pub use highlight::{excerpt, highlight, Segment};
pub use index::{
    facet_values, DateRangeIssue, FacetIndex, IndexBuilder, IndexFinishing, QueryResult,
    SearchIndex,
};
pub use normalize::{fold, for_each_token, tokens};
pub use query::{SearchQuery, Term};
