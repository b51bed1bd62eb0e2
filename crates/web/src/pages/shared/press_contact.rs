use leptos::prelude::*;

use pressline_core::SafeUrl;

/// A line with the press e-mail address as a `mailto:` link, after a label. Renders nothing when
/// the address cannot be a safe `mailto:` link.
#[component]
pub fn PressContact(
    /// The paragraph's class (placement differs between footer and release page).
    class: &'static str,
    /// What precedes the address, e.g. "Members of the press: ".
    label: String,
    /// The address.
    email: String,
) -> impl IntoView {
    SafeUrl::mailto(&email).map(|link| {
        view! {
            <p class=class>
                {label}
                <a href=link.to_string()>{email}</a>
            </p>
        }
    })
}
