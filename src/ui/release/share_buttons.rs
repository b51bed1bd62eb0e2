use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// "Copy link" (with a confirmation read out to screen readers), and "Share…" through the Web
/// Share API where the browser has it.
#[component]
pub fn ShareButtons(
    /// The address to share (the release's own, without timeline filters).
    url: String,
    /// The release title, for the share sheet.
    title: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let copy_url = url.clone();
    let copy = move |_| {
        let url = copy_url.clone();
        spawn_local(async move {
            let copied = call_navigator("clipboard", "writeText", &[JsValue::from_str(&url)]).await;
            message.set(if copied {
                "Link copied".to_owned()
            } else {
                format!("Copying was blocked; the link is {url}")
            });
        });
    };
    let can_share = navigator_has("share");
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.clone().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
        spawn_local(async move {
            // A dismissed share sheet is not an error worth reporting.
            let _ = call_navigator("", "share", &[data.into()]).await;
        });
    };
    view! {
        <div class="share">
            <button type="button" class="share__button" data-share="copy" on:click=copy>
                "Copy link"
            </button>
            {can_share
                .then(|| {
                    view! {
                        <button type="button" class="share__button" data-share="native" on:click=share>
                            "Share…"
                        </button>
                    }
                })}
            <span class="share__message" role="status" aria-live="polite">
                {move || message.get()}
            </span>
        </div>
    }
}

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|window| window.navigator().into())
}

/// True when `navigator[name]` exists (feature detection without unstable web-sys APIs).
fn navigator_has(name: &str) -> bool {
    navigator()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &name.into()).ok())
        .is_some_and(|value| !value.is_undefined())
}

/// Calls `navigator.<object>.<method>(args)` (or `navigator.<method>` for an empty object name)
/// and awaits the promise it returns; true when it resolved.
async fn call_navigator(object: &str, method: &str, args: &[JsValue]) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let target = if object.is_empty() {
        navigator
    } else {
        match js_sys::Reflect::get(&navigator, &object.into()) {
            Ok(target) if !target.is_undefined() => target,
            _ => return false,
        }
    };
    let Ok(function) = js_sys::Reflect::get(&target, &method.into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let array = args.iter().cloned().collect::<js_sys::Array>();
    match js_sys::Reflect::apply(&function, &target, &array) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => true,
        },
        Err(_) => false,
    }
}
