//! Browser features reached through `navigator` by name, so no unstable web-sys API is needed.

use wasm_bindgen::{JsCast, JsValue};

/// Copies text to the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    call_navigator("clipboard", "writeText", &[JsValue::from_str(text)]).await
}

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|window| window.navigator().into())
}

/// True when `navigator[name]` exists (feature detection without unstable web-sys APIs).
pub fn navigator_has(name: &str) -> bool {
    navigator()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &name.into()).ok())
        .is_some_and(|value| !value.is_undefined())
}

/// Calls `navigator.<object>.<method>(args)` (or `navigator.<method>` for an empty object name)
/// and awaits the promise it returns; true when it resolved.
pub async fn call_navigator(object: &str, method: &str, args: &[JsValue]) -> bool {
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
