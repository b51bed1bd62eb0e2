//! What every view reads from context: where the instance is and how it moves
//! ([`navigation`]), its language ([`i18n`]), the loaded site ([`site_data`]), and the wrapper
//! that provides them on the app's own page ([`on_page`]).

pub mod i18n;
pub mod navigation;
pub mod on_page;
pub mod site_data;
