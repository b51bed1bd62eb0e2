//! The histogram's brush, bound in a real browser: the keys, a click, a reversed drag, a
//! touch tap that counts before it filters, a touch drag, a cancelled pointer, and what the
//! component draws and reports for each (the decisions are the core's `histogram::Brush`,
//! tested natively in `core_histogram.rs`).
#![cfg(target_arch = "wasm32")]
use chrono::NaiveDate;
use leptos::prelude::*;
use pressline_core::view_state::ViewState;
use pressline_web::context::site_data::SiteData;
use pressline_web::pages::timeline::Histogram;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

type Range = (Option<NaiveDate>, Option<NaiveDate>);

fn bundled() -> SiteData {
    match SiteData::bundled() {
        pressline_web::context::site_data::Bundled::Ready(data) => data,
        _ => panic!("build.rs did not pack the seed"),
    }
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn js(args: &str, body: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(args, body)
}

fn key(el: &Element, name: &str, shift: bool) {
    js("el,k,s", "el.dispatchEvent(new KeyboardEvent('keydown', {key: k, shiftKey: s, bubbles: true, cancelable: true}))")
        .call3(&JsValue::NULL, el, &JsValue::from_str(name), &JsValue::from_bool(shift)).unwrap();
}

fn pointer(el: &Element, kind: &str, bar: usize, n: usize, ty: &str) {
    let rect = el.get_bounding_client_rect();
    let x = rect.left() + (bar as f64 + 0.5) / n as f64 * rect.width();
    let y = rect.top() + rect.height() / 2.0;
    js("el,kind,x,y,ty", "el.dispatchEvent(new PointerEvent(kind, {pointerType: ty, pointerId: 7, isPrimary: true, bubbles: true, cancelable: true, clientX: x, clientY: y}))")
        .apply(&JsValue::NULL, &js_sys::Array::of5(el, &JsValue::from_str(kind), &JsValue::from_f64(x), &JsValue::from_f64(y), &JsValue::from_str(ty))).unwrap();
}

struct Page {
    container: HtmlElement,
    ranges: RwSignal<Vec<Range>>,
    _handle: Box<dyn std::any::Any>,
}

impl Page {
    fn one(&self, sel: &str) -> Element {
        self.container
            .query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("{sel}"))
    }
    fn has(&self, sel: &str) -> bool {
        self.container.query_selector(sel).unwrap().is_some()
    }
    fn status(&self) -> String {
        self.one(".histogram__status")
            .text_content()
            .unwrap_or_default()
    }
    fn rows(&self) -> Vec<(String, String)> {
        let list = self
            .container
            .query_selector_all("tr[data-bucket]")
            .unwrap();
        (0..list.length())
            .map(|i| {
                let e = list.item(i).unwrap().dyn_into::<Element>().unwrap();
                (
                    e.get_attribute("data-from").unwrap(),
                    e.get_attribute("data-to").unwrap(),
                )
            })
            .collect()
    }
    fn last_range(&self) -> Option<Range> {
        self.ranges.with_untracked(|r| r.last().copied())
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn mount() -> Page {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    container.set_attribute("style", "width: 600px").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let ranges = RwSignal::new(Vec::<Range>::new());
    let data = bundled();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(data);
        let state = RwSignal::new(ViewState::default());
        view! { <Histogram state=state on_range=move |r: Range| ranges.update(|v| v.push(r)) /> }
    });
    Page {
        container,
        ranges,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn keys_move_the_focus_extend_a_range_and_apply_or_clear_it() {
    let page = mount();
    tick().await;
    let rows = page.rows();
    let n = rows.len();
    assert!(n > 3, "{n}");
    let plot = page.one(".histogram__plot");
    plot.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&plot, "End", false);
    tick().await;
    assert!(
        page.status().starts_with("November 2022: "),
        "{}",
        page.status()
    );
    assert_eq!(
        page.one(".histogram__cursor").get_attribute("x").unwrap(),
        ((n - 1) * 10).to_string()
    );
    key(&plot, "ArrowLeft", false);
    key(&plot, "ArrowLeft", true);
    key(&plot, "ArrowLeft", true);
    tick().await;
    let sel = page.one(".histogram__selection");
    assert_eq!(sel.get_attribute("x").unwrap(), ((n - 4) * 10).to_string());
    assert_eq!(sel.get_attribute("width").unwrap(), "30");
    key(&plot, "Enter", false);
    tick().await;
    assert_eq!(
        page.last_range(),
        Some((day(&rows[n - 4].0), day(&rows[n - 2].1)))
    );
    assert!(
        !page.has(".histogram__selection"),
        "no filter in this state, nothing marked"
    );
    key(&plot, "Escape", false);
    assert_eq!(page.last_range(), Some((None, None)));
    // Tab is not ours.
    let before = page.ranges.with_untracked(Vec::len);
    key(&plot, "Tab", false);
    assert_eq!(page.ranges.with_untracked(Vec::len), before);
    plot.dyn_ref::<HtmlElement>().unwrap().blur().unwrap();
    tick().await;
    assert_eq!(page.status(), "");
    assert!(!page.has(".histogram__cursor"));
    page.container.remove();
}

#[wasm_bindgen_test]
async fn clicks_drags_and_taps_filter_and_a_cancelled_pointer_does_not() {
    let page = mount();
    tick().await;
    let rows = page.rows();
    let n = rows.len();
    let plot = page.one(".histogram__plot");
    // Hover shows status; leaving clears it.
    pointer(&plot, "pointermove", 1, n, "mouse");
    tick().await;
    assert!(!page.status().is_empty());
    pointer(&plot, "pointerleave", 1, n, "mouse");
    tick().await;
    assert_eq!(page.status(), "");
    // Click.
    pointer(&plot, "pointerdown", 1, n, "mouse");
    pointer(&plot, "pointerup", 1, n, "mouse");
    assert_eq!(page.last_range(), Some((day(&rows[1].0), day(&rows[1].1))));
    // Reverse drag.
    pointer(&plot, "pointerdown", n - 1, n, "mouse");
    pointer(&plot, "pointermove", 3, n, "mouse");
    pointer(&plot, "pointermove", 2, n, "mouse");
    tick().await;
    assert_eq!(
        page.one(".histogram__selection")
            .get_attribute("x")
            .unwrap(),
        "20"
    );
    pointer(&plot, "pointerup", 2, n, "mouse");
    assert_eq!(
        page.last_range(),
        Some((day(&rows[2].0), day(&rows[n - 1].1)))
    );
    let count = page.ranges.with_untracked(Vec::len);
    // Touch tap: count first.
    pointer(&plot, "pointerdown", n - 1, n, "touch");
    pointer(&plot, "pointerup", n - 1, n, "touch");
    pointer(&plot, "pointerleave", n - 1, n, "touch");
    tick().await;
    assert_eq!(page.ranges.with_untracked(Vec::len), count);
    assert!(
        page.status().ends_with("Tap again to show them."),
        "{}",
        page.status()
    );
    pointer(&plot, "pointerdown", n - 1, n, "touch");
    pointer(&plot, "pointerup", n - 1, n, "touch");
    assert_eq!(
        page.last_range(),
        Some((day(&rows[n - 1].0), day(&rows[n - 1].1)))
    );
    tick().await;
    assert!(!page.status().contains("Tap again"), "{}", page.status());
    // Touch drag.
    pointer(&plot, "pointerdown", 0, n, "touch");
    pointer(&plot, "pointermove", 1, n, "touch");
    pointer(&plot, "pointermove", 2, n, "touch");
    pointer(&plot, "pointerup", 2, n, "touch");
    assert_eq!(page.last_range(), Some((day(&rows[0].0), day(&rows[2].1))));
    // Cancel.
    let count = page.ranges.with_untracked(Vec::len);
    pointer(&plot, "pointerdown", 0, n, "mouse");
    pointer(&plot, "pointercancel", 0, n, "mouse");
    pointer(&plot, "pointerup", 3, n, "mouse");
    assert_eq!(page.ranges.with_untracked(Vec::len), count);
    page.container.remove();
}
