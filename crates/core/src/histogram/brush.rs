//! The histogram's brush: how a reader chooses a range of bars with a pointer or the keyboard,
//! as a state machine the component feeds events to and obeys.
//!
//! Bars are counted from the oldest period (0). The brush remembers which bar has the focus
//! (the keyboard cursor, or the bar under the pointer), where a range being chosen started, and
//! which bar's count a tap is showing. Each event returns a [`Command`]: what the component must
//! do beyond redrawing from the brush (set the date filter to some bars, or clear it).
//!
//! ```
//! use pressline_core::histogram::{Brush, Command, Key, Pointer};
//! let mut brush = Brush::default();
//! // A mouse drag from bar 5 back to bar 2 chooses bars 2 to 5.
//! brush.pointer_down(5);
//! brush.pointer_move(2);
//! assert_eq!(brush.highlighted(None), Some((2, 5)));
//! assert_eq!(brush.pointer_up(Some(2), Pointer::Hovering), Command::Filter { first: 2, last: 5 });
//! // The keyboard: End, then Shift+Left twice, then Enter chooses the last three of 12 bars.
//! brush.key(Key::Last, false, 12, None);
//! brush.key(Key::Previous, true, 12, None);
//! brush.key(Key::Previous, true, 12, None);
//! assert_eq!(brush.key(Key::Apply, false, 12, None), Some(Command::Filter { first: 9, last: 11 }));
//! ```

/// The histogram's brush: the focused bar, the range being chosen, and the count a tap shows.
///
/// Invariant: while a range is being chosen ([`Phase::Extending`] or [`Phase::Dragging`]) some
/// bar has the focus, so the range has both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Brush {
    focus: Option<usize>,
    phase: Phase,
    shown: Option<usize>,
}

/// Whether a range is being chosen, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// No range is being chosen.
    #[default]
    Idle,
    /// Shift+arrows are extending a range from `anchor` to the focused bar; Enter applies it.
    Extending {
        /// The bar the range started at.
        anchor: usize,
    },
    /// A pointer (mouse, pen or finger) is down: the range runs from `anchor` to the bar under
    /// it, and is applied when it lifts.
    Dragging {
        /// The bar the pointer went down on.
        anchor: usize,
    },
}

/// What the component must do after an event, beyond redrawing from the brush.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Nothing more.
    Nothing,
    /// Set the date filter to the periods of bars `first` to `last` (inclusive, `first <= last`).
    Filter {
        /// The earliest bar of the range.
        first: usize,
        /// The latest bar of the range.
        last: usize,
    },
    /// Clear the date filter.
    ClearDates,
}

/// A key the brush answers to (see [`Key::from_name`] for which key is which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The next (later) bar.
    Next,
    /// The previous (earlier) bar.
    Previous,
    /// The first (earliest) bar.
    First,
    /// The last (latest) bar.
    Last,
    /// Filter to the range being chosen, or to the focused bar.
    Apply,
    /// Drop the range being chosen and clear the date filter.
    Clear,
}

impl Key {
    /// The key a DOM `KeyboardEvent.key` names, if the brush answers to it: Right and Up arrows
    /// move to later bars (the drawing runs left to right whatever the language's direction),
    /// Left and Down to earlier ones, Home and End to the ends, Enter or Space applies, Escape
    /// clears.
    ///
    /// ```
    /// use pressline_core::histogram::Key;
    /// assert_eq!(Key::from_name("ArrowUp"), Some(Key::Next));
    /// assert_eq!(Key::from_name(" "), Some(Key::Apply));
    /// assert_eq!(Key::from_name("Tab"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowRight" | "ArrowUp" => Key::Next,
            "ArrowLeft" | "ArrowDown" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => Key::Apply,
            "Escape" => Key::Clear,
            _ => return None,
        })
    }
}

/// What kind of pointer an event came from, as far as the brush cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A finger on a touch screen: nothing hovers, so a tap shows a bar's count before a second
    /// tap filters (see [`tap`]).
    Touch,
    /// A mouse or a pen, which hover (the status line already reads the bar under them): a click
    /// filters at once.
    Hovering,
}

impl Pointer {
    /// The pointer a DOM `PointerEvent.pointerType` names (`"touch"`, `"mouse"`, `"pen"`, or
    /// anything else, which counts as hovering).
    ///
    /// ```
    /// use pressline_core::histogram::Pointer;
    /// assert_eq!(Pointer::from_type("touch"), Pointer::Touch);
    /// assert_eq!(Pointer::from_type("pen"), Pointer::Hovering);
    /// ```
    pub fn from_type(pointer_type: &str) -> Pointer {
        if pointer_type == "touch" {
            Pointer::Touch
        } else {
            Pointer::Hovering
        }
    }
}

impl Brush {
    /// The bar with the focus (the keyboard cursor, or the bar under a pointer): the one the
    /// status line reads and the focus ring marks.
    pub fn focus(&self) -> Option<usize> {
        self.focus
    }

    /// Whether a range is being chosen, and how.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// True while a pointer is down on the drawing.
    pub fn is_dragging(&self) -> bool {
        matches!(self.phase, Phase::Dragging { .. })
    }

    /// True when the focused bar's count is showing after a first tap: the status line then says
    /// that a second tap filters.
    pub fn awaits_second_tap(&self) -> bool {
        self.shown.is_some() && self.shown == self.focus
    }

    /// The bars to mark as chosen, first and last: the range being chosen, else `selected` (the
    /// bars the date filter covers, see [`Histogram::selected`](super::Histogram::selected)).
    pub fn highlighted(&self, selected: Option<(usize, usize)>) -> Option<(usize, usize)> {
        match (self.anchor(), self.focus) {
            (Some(anchor), Some(focus)) => Some((anchor.min(focus), anchor.max(focus))),
            _ => selected,
        }
    }

    /// A key pressed on the drawing of `bars` bars, `shift` held or not; `selected` is what the
    /// date filter covers. `None` when the brush has nothing to do with it (there are no bars):
    /// the browser may then act on the key.
    ///
    /// Moves start from the focused bar, else the last bar of the date filter, else the last bar.
    /// A move with Shift extends a range from where the focus was (or keeps extending it); without
    /// Shift it drops the range, a pointer's too. [`Key::Apply`] filters to the range, or to the
    /// focused bar alone; [`Key::Clear`] drops the range and clears the dates.
    pub fn key(
        &mut self,
        key: Key,
        shift: bool,
        bars: usize,
        selected: Option<(usize, usize)>,
    ) -> Option<Command> {
        let last = bars.checked_sub(1)?;
        let current = self
            .focus
            .or(selected.map(|(_, end)| end))
            .unwrap_or(last)
            .min(last);
        let to = match key {
            Key::Next => (current + 1).min(last),
            Key::Previous => current.saturating_sub(1),
            Key::First => 0,
            Key::Last => last,
            Key::Apply => {
                let anchor = self.anchor().unwrap_or(current).min(last);
                self.phase = Phase::Idle;
                return Some(Command::Filter {
                    first: anchor.min(current),
                    last: anchor.max(current),
                });
            }
            Key::Clear => {
                self.phase = Phase::Idle;
                return Some(Command::ClearDates);
            }
        };
        if !shift {
            self.phase = Phase::Idle;
        } else if self.phase == Phase::Idle {
            self.phase = Phase::Extending { anchor: current };
        }
        self.focus = Some(to);
        Some(Command::Nothing)
    }

    /// A pointer went down on `bar`: a drag starts there, with the focus.
    pub fn pointer_down(&mut self, bar: usize) {
        self.phase = Phase::Dragging { anchor: bar };
        self.focus = Some(bar);
    }

    /// A pointer moved over `bar` (dragging or hovering): the focus follows it.
    pub fn pointer_move(&mut self, bar: usize) {
        self.focus = Some(bar);
    }

    /// A pointer lifted, over `bar` (`None` when it is not over the drawing: the drag then ends on
    /// the focused bar). Ends a drag: a mouse or pen filters to the bars dragged across (a click
    /// without a drag, to its bar); a finger does the same, except that a tap on a bar whose count
    /// is not showing shows it (see [`tap`]). Nothing without a drag.
    pub fn pointer_up(&mut self, bar: Option<usize>, pointer: Pointer) -> Command {
        let Phase::Dragging { anchor } = self.phase else {
            return Command::Nothing;
        };
        self.phase = Phase::Idle;
        let Some(end) = bar.or(self.focus) else {
            return Command::Nothing;
        };
        let outcome = match pointer {
            Pointer::Touch => tap(self.shown, anchor, end),
            Pointer::Hovering => Tap::Filter(anchor.min(end), anchor.max(end)),
        };
        match outcome {
            Tap::ShowCount(bar) => {
                self.shown = Some(bar);
                self.focus = Some(bar);
                Command::Nothing
            }
            Tap::Filter(first, last) => {
                self.shown = None;
                Command::Filter { first, last }
            }
        }
    }

    /// A pointer left the drawing. A mouse or pen that is not dragging takes the focus with it
    /// (and a range the keyboard was extending, which would have lost an end); a drag goes on,
    /// and a finger leaves as it lifts, so the count it asked for stays.
    pub fn pointer_leave(&mut self, pointer: Pointer) {
        if pointer == Pointer::Hovering && !self.is_dragging() {
            self.focus = None;
            self.phase = Phase::Idle;
        }
    }

    /// The browser took the pointer away (a scroll or a gesture began): the range being chosen
    /// is dropped, nothing is filtered.
    pub fn pointer_cancel(&mut self) {
        self.phase = Phase::Idle;
    }

    /// The drawing lost the keyboard focus: the brush forgets everything.
    pub fn blur(&mut self) {
        *self = Brush::default();
    }

    /// Where the range being chosen started, if one is.
    fn anchor(&self) -> Option<usize> {
        match self.phase {
            Phase::Idle => None,
            Phase::Extending { anchor } | Phase::Dragging { anchor } => Some(anchor),
        }
    }
}

/// The bar under a point `offset` units right of the drawing's left edge, in a drawing `width`
/// units wide that holds `bars` bars of equal width. A point beyond either edge means the
/// nearest bar (a drag may leave the drawing). `None` when there are no bars or the drawing has
/// no width (it is hidden).
///
/// ```
/// use pressline_core::histogram::bar_at;
/// assert_eq!(bar_at(25.0, 100.0, 4), Some(1));
/// assert_eq!(bar_at(-3.0, 100.0, 4), Some(0));
/// assert_eq!(bar_at(140.0, 100.0, 4), Some(3));
/// assert_eq!(bar_at(10.0, 0.0, 4), None);
/// ```
pub fn bar_at(offset: f64, width: f64, bars: usize) -> Option<usize> {
    let last = bars.checked_sub(1)?;
    if width <= 0.0 {
        return None;
    }
    let bar = (offset / width * bars as f64).floor().max(0.0) as usize;
    Some(bar.min(last))
}

/// What a tap on a bar does on a touch screen, where nothing hovers: the first tap on a bar
/// shows its period's count, a second tap on the same bar (or a drag across bars) filters.
///
/// `shown` is the bar whose count is showing, `from`/`to` the bars the finger went down and up
/// on.
///
/// ```
/// use pressline_core::histogram::{tap, Tap};
/// assert_eq!(tap(None, 3, 3), Tap::ShowCount(3));
/// assert_eq!(tap(Some(3), 3, 3), Tap::Filter(3, 3));
/// assert_eq!(tap(Some(1), 3, 3), Tap::ShowCount(3));
/// assert_eq!(tap(None, 5, 2), Tap::Filter(2, 5));
/// ```
pub fn tap(shown: Option<usize>, from: usize, to: usize) -> Tap {
    if from == to && shown != Some(from) {
        Tap::ShowCount(from)
    } else {
        Tap::Filter(from.min(to), from.max(to))
    }
}

/// The outcome of [`tap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tap {
    /// Show this bar's count (and how to filter by it).
    ShowCount(usize),
    /// Filter to the periods of these bars (first, last).
    Filter(usize, usize),
}
