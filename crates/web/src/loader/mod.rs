//! Getting a dataset into the app: where it comes from ([`source`]), reading it in slices
//! ([`reading`]), loading a source ([`load`]), and a sharded archive's shards as the view needs them ([`archive`]).

pub mod archive;
pub mod load;
pub mod reading;
pub mod source;
