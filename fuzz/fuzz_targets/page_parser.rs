//! The list page parser on any text (what a hostile server may send): bounded, never panics,
//! and every resource it accepts can be read back as a value and re-laid out, whatever its
//! nesting (refused past 32 levels), numbers (out of range refused) or pagination (numbers that
//! are not non-negative integers refused).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tfvcs::api::nesting::{MAX_ITEM_NESTING, nests_deeper_than};
use tfvcs::api::page::Page;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(page) = Page::from_text(text) else {
        return;
    };
    for resource in page.items.iter().chain(&page.included) {
        assert!(!nests_deeper_than(resource.json(), MAX_ITEM_NESTING));
        // Parsing again cannot fail: the page parser already did.
        let value = resource.value();
        assert_eq!(value["id"].as_str(), Some(resource.id()));
    }
});
