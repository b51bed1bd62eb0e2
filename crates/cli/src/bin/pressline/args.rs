//! A command's arguments: positional ones, `--flag`s and `--option value`s.

use crate::Failure;

/// The arguments after the command's name.
pub struct Args {
    positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

impl Args {
    /// Splits `raw`; `with_value` names the options that take a value.
    pub fn parse(raw: &[String], with_value: &[&str], flags: &[&str]) -> Result<Self, Failure> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut items = raw.iter();
        while let Some(item) = items.next() {
            if let Some(name) = item.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_owned())),
                    None => (name, None),
                };
                if with_value.contains(&name) {
                    let value = inline
                        .or_else(|| items.next().cloned())
                        .ok_or_else(|| Failure::stop(format!("--{name} needs a value")))?;
                    options.push((name.to_owned(), Some(value)));
                } else if flags.contains(&name) && inline.is_none() {
                    options.push((name.to_owned(), None));
                } else {
                    return Err(Failure::stop(format!("unknown option --{name}")));
                }
            } else {
                positional.push(item.clone());
            }
        }
        Ok(Self {
            positional,
            options,
        })
    }

    /// The one positional argument, named `what` in the error.
    pub fn single(&self, what: &str) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(Failure::stop(format!("missing {what}"))),
            more => Err(Failure::stop(format!(
                "expected one {what}, got {}: {}",
                more.len(),
                more.join(" ")
            ))),
        }
    }

    /// The value of `--name`, if given (the last one wins).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(option, _)| option == name)
            .and_then(|(_, value)| value.as_deref())
    }

    /// The value of `--name`, which must be given.
    pub fn required(&self, name: &str) -> Result<&str, Failure> {
        self.value(name)
            .ok_or_else(|| Failure::stop(format!("--{name} is required")))
    }

    /// True when `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(option, _)| option == name)
    }

    /// The value of `--name` as a whole number, or `default`.
    pub fn number(&self, name: &str, default: usize) -> Result<usize, Failure> {
        self.value(name).map_or(Ok(default), |text| {
            text.parse().map_err(|_| {
                Failure::stop(format!("--{name} must be a whole number, not {text:?}"))
            })
        })
    }
}
