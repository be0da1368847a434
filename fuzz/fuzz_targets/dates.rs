//! The date parser of the default pack (`src/calendar/`): dates in their five written
//! forms, periods and bare years, with and without a year to fill in.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

// Compile the pack before the first input, whose 1 s timeout would otherwise include it.
fuzz_target!(init: common::init(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let calendar = &common::PACK.calendar;
    for found in calendar.find_dates(text, Some(2026)) {
        // Callers slice the text at the ranges returned.
        assert!(text.get(found.range.clone()).is_some(), "{:?}", found.range);
    }
    if let Some(found) = calendar.first_date(text, None) {
        assert!(text.get(found.range.clone()).is_some(), "{:?}", found.range);
        assert!(!found.year_inferred, "no default year was given");
    }
    if let Some(found) = calendar.first_period(text, Some(2026)) {
        assert!(text.get(found.range.clone()).is_some(), "{:?}", found.range);
        assert!(found.first_day <= found.last_day, "{found:?}");
    }
});
