//! The one gate every report passes: a value is [`Masked`] only after [`Mask::mask_with`] ran
//! over every string it holds, and the renderers accept only `Masked` values.
//!
//! Implementations destructure their type without `..`, so a field added later does not compile
//! until someone decides how it is masked: a new field cannot slip past the gate.

use super::Masker;

/// A value whose strings can be masked in place.
pub trait Mask {
    fn mask_with(&mut self, masker: &Masker);
}

/// A value that went through the masking gate.
#[derive(Debug, Clone)]
pub struct Masked<T>(T);

impl<T: Mask> Masked<T> {
    pub fn new(mut value: T, masker: &Masker) -> Masked<T> {
        value.mask_with(masker);
        Masked(value)
    }
}

impl<T> Masked<T> {
    /// Changes a masked value in a way that adds no text from the input (dropping the findings
    /// a baseline accepts, recounting): whatever `edit` adds is not masked again.
    pub fn edit<R>(&mut self, edit: impl FnOnce(&mut T) -> R) -> R {
        edit(&mut self.0)
    }

    /// The masked value, to keep or take apart.
    pub fn into_inner(self) -> T {
        self.0
    }

    /// A part or a copy of a masked value, masked since it is made of masked parts: `select`
    /// must take its text from `T` only.
    pub fn project<U>(&self, select: impl FnOnce(&T) -> U) -> Masked<U> {
        Masked(select(&self.0))
    }
}

impl<T> std::ops::Deref for Masked<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Mask for String {
    fn mask_with(&mut self, masker: &Masker) {
        *self = masker.mask(self);
    }
}

impl<T: Mask> Mask for Option<T> {
    fn mask_with(&mut self, masker: &Masker) {
        if let Some(value) = self {
            value.mask_with(masker);
        }
    }
}

impl<T: Mask> Mask for Vec<T> {
    fn mask_with(&mut self, masker: &Masker) {
        for value in self {
            value.mask_with(masker);
        }
    }
}

impl Mask for serde_json::Value {
    fn mask_with(&mut self, masker: &Masker) {
        match self {
            serde_json::Value::String(text) => text.mask_with(masker),
            serde_json::Value::Array(values) => values.mask_with(masker),
            serde_json::Value::Object(map) => {
                let masked: serde_json::Map<String, serde_json::Value> = std::mem::take(map)
                    .into_iter()
                    .map(|(key, mut value)| {
                        value.mask_with(masker);
                        (masker.mask(&key), value)
                    })
                    .collect();
                *map = masked;
            }
            serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => {
            }
        }
    }
}
