//! The paced, concurrent page walk every list shares (SPEC §4). The pacer is in `pacer.rs`,
//! a page and its resources in `page.rs`; both are re-exported here.
//!
//! **Pacing.** [`Pacer`](super::pacer::Pacer) decides when every request the run sends starts (first attempts and
//! retries alike), from the server's own rate-limit headers and its own record of request
//! starts (see `pacer.rs`). [`ApiClient`] owns one and calls it in `send`, so every walk, every
//! loop of PATCHes and every retry of one run shares it: code built on `ApiClient::send` is
//! paced without doing anything.
//!
//! **Walking a list.** [`walk`] fetches page 1; once it gives `total-pages`, it fetches the
//! other pages on up to [`IN_FLIGHT`] threads, and hands pages to `deliver` one at a time, in
//! page order, with every item and `included` resource seen on an earlier page removed. At
//! most [`WINDOW`] pages are held at once, so memory does not grow with the list. It stops at
//! `total-pages`. **A list is complete or the walk fails** (SPEC §4), never a silently short
//! list: a `next-page` that does not advance or that skips a page while `total-pages` says
//! more, pagination numbers that are not non-negative integers (`page.rs`), a page repeating
//! an earlier page's items wholesale, a `total-count` the distinct items walked do not reach,
//! or a list past [`MAX_PAGES`] pages is an error. A list that grew while it was walked is
//! followed page by page past the first `total-pages`.
//!
//! How commands use it (`commands::Context` maps [`WalkError`] to the user-facing failure):
//!
//! ```ignore
//! // One list: pages in order, each already de-duplicated.
//! let progress = ctx.progress("pages");          // "pages: 3 of 9" on a terminal only
//! let request = ApiRequest::new(Method::GET, "/organizations/o/workspaces");
//! ctx.walk(&request, &progress, |page| { rows.extend(page.items.iter().map(Resource::value)); Ok(()) })?;
//! progress.finish();                             // before printing anything
//! // Three lists side by side under the same pacing: threads over one client, one progress.
//! std::thread::scope(|s| {
//!     let ws = s.spawn(|| ctx.walk(&workspaces, &progress, |p| …));
//!     let ps = s.spawn(|| ctx.walk(&policy_sets, &progress, |p| …));
//!     …
//! });
//! // PATCHes in plan order, paced like the lists (every `send` waits on the pacer):
//! let results = for_each_concurrent(&plan, IN_FLIGHT, |item| ctx.send(&patch_for(item)));
//! ```
//!
//! The walk itself is written against [`PageSource`] (fetch one page by number), so it is
//! tested with fake sources that answer out of order.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasher, Hash};
use std::sync::{Condvar, Mutex};

use super::client::{ApiClient, ApiRequest, Method};
use super::error::ApiError;
use super::model::ListDocument;
pub(crate) use super::page::{Page, Pagination, Resource};

/// What a walk reports as pages arrive: the terminal's progress line (`progress.rs`), or
/// nothing. The API layer knows only this much of it.
pub(crate) trait Progress: Sync {
    /// More pages are known to exist.
    fn add_total(&self, n: u64);
    /// Pages done.
    fn advance(&self, n: u64);
}

/// Progress nobody sees.
pub(crate) struct NoProgress;

impl Progress for NoProgress {
    fn add_total(&self, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// The largest page TFE serves.
pub(crate) const PAGE_SIZE: u64 = 100;
/// Requests of one walk in flight at once. The pacer, not this, sets the rate; this only has
/// to cover the rate times the round trip (20/s × 200 ms = 4).
pub(crate) const IN_FLIGHT: usize = 8;
/// Pages fetched but not yet delivered, at most: the walk's memory bound.
pub(crate) const WINDOW: u64 = 2 * IN_FLIGHT as u64;
/// A walk past this many pages (a million items) is a server that never ends its list.
pub(crate) const MAX_PAGES: u64 = 10_000;

/// Where pages come from: one page by its number (from 1).
pub(crate) trait PageSource: Sync {
    type Error: Send;
    fn fetch(&self, number: u64) -> Result<Page, Self::Error>;
    /// The error for a list that would run away at page `number` (`what` says how).
    fn runaway(&self, number: u64, what: String) -> Self::Error;
}

/// What the walk has delivered, to drop what an earlier page already delivered (the list
/// moved while it was walked) and to prove the list complete. Each resource is remembered by a
/// 128-bit keyed hash of its type and id, not its text: 16 bytes an item, so a 100,000-item
/// walk remembers in about 2 MiB what would otherwise take 12.
struct Walked {
    keys: [RandomState; 2],
    items: HashSet<u128>,
    included: HashSet<u128>,
    /// Each page's items, in order, as one hash: the page that first had them.
    pages: HashMap<u128, u64>,
    /// Items delivered.
    count: u64,
    /// The list's length by the latest page's `total-count`.
    total_count: Option<u64>,
}

impl Default for Walked {
    fn default() -> Self {
        Walked {
            keys: [RandomState::new(), RandomState::new()],
            items: HashSet::new(),
            included: HashSet::new(),
            pages: HashMap::new(),
            count: 0,
            total_count: None,
        }
    }
}

impl Walked {
    fn fingerprint(&self, value: impl Hash + Copy) -> u128 {
        let [high, low] = &self.keys;
        (u128::from(high.hash_one(value)) << 64) | u128::from(low.hash_one(value))
    }

    fn key(&self, resource: &Resource) -> u128 {
        self.fingerprint((resource.kind(), resource.id()))
    }

    /// Page `number` with what was delivered before removed; `Err` when it repeats an
    /// earlier page wholesale (a cache that ignores `page[number]`).
    fn admit<S: PageSource>(
        &mut self,
        source: &S,
        number: u64,
        mut page: Page,
    ) -> Result<Page, S::Error> {
        if !page.items.is_empty() {
            let keys: Vec<u128> = page.items.iter().map(|r| self.key(r)).collect();
            let whole = self.fingerprint(&keys[..]);
            if let Some(earlier) = self.pages.insert(whole, number) {
                return Err(source.runaway(
                    number,
                    format!("page {number} repeats the items of page {earlier}"),
                ));
            }
        }
        let mut items = std::mem::take(&mut self.items);
        page.items.retain(|r| items.insert(self.key(r)));
        self.items = items;
        let mut included = std::mem::take(&mut self.included);
        page.included.retain(|r| included.insert(self.key(r)));
        self.included = included;
        self.count += page.items.len() as u64;
        if let Some(total) = page.pagination.and_then(|p| p.total_count) {
            self.total_count = Some(total);
        }
        Ok(page)
    }

    /// At the end of the walk (page `last`): the items found reach the server's count.
    fn finish<S: PageSource>(&self, source: &S, last: u64) -> Result<(), S::Error> {
        match self.total_count {
            Some(total) if self.count < total => Err(source.runaway(
                last,
                format!(
                    "the server counts {total} items (total-count) but its pages held {}",
                    self.count
                ),
            )),
            _ => Ok(()),
        }
    }
}

/// What page `number` says comes next: `Some(n)` to go on at page `n`, `None` at the end.
fn next_of<S: PageSource>(
    source: &S,
    number: u64,
    pagination: Option<Pagination>,
) -> Result<Option<u64>, S::Error> {
    let Some(p) = pagination else {
        return Ok(None);
    };
    let more = p.total_pages.is_none_or(|total| number < total);
    match p.next_page {
        Some(next) if next == number + 1 && more => {
            if next > MAX_PAGES {
                Err(source.runaway(number, format!("the list goes on past {MAX_PAGES} pages")))
            } else {
                Ok(Some(next))
            }
        }
        Some(next) if next > number + 1 && more => Err(source.runaway(
            number,
            format!(
                "page {number}{} gives next-page {next}, which skips page{} {}",
                of_total(p.total_pages),
                if next == number + 2 { "" } else { "s" },
                if next == number + 2 {
                    (number + 1).to_string()
                } else {
                    format!("{} to {}", number + 1, next - 1)
                }
            ),
        )),
        Some(next) if more => Err(source.runaway(
            number,
            format!(
                "page {number}{} gives next-page {next}, which does not advance",
                of_total(p.total_pages)
            ),
        )),
        None if p.total_pages.is_some_and(|total| number < total) => Err(source.runaway(
            number,
            format!(
                "page {number} gives no next-page while total-pages says {}",
                p.total_pages.unwrap_or_default()
            ),
        )),
        _ => Ok(None),
    }
}

/// " of N" when the page said how many pages there are.
fn of_total(total_pages: Option<u64>) -> String {
    total_pages.map(|t| format!(" of {t}")).unwrap_or_default()
}

/// Walks every page of `source`, handing each page to `deliver` in page order with items and
/// `included` resources already delivered removed; `progress` counts pages once there is more
/// than one. Returns the number of pages fetched.
pub(crate) fn walk<S: PageSource, E: From<S::Error>>(
    source: &S,
    progress: &dyn Progress,
    mut deliver: impl FnMut(Page) -> Result<(), E>,
) -> Result<u64, E> {
    let mut walked = Walked::default();
    let first = source.fetch(1)?;
    let pagination = first.pagination;
    let mut next = next_of(source, 1, pagination)?;
    let total = pagination.and_then(|p| p.total_pages).unwrap_or(1);
    if total > MAX_PAGES {
        return Err(source
            .runaway(
                1,
                format!("the server reports {total} pages; tfvcs stops at {MAX_PAGES}"),
            )
            .into());
    }
    deliver(walked.admit(source, 1, first)?)?;
    let mut fetched = 1;
    if total > 1 {
        progress.advance(1);
        progress.add_total(total);
    }
    // The pages total-pages announced, side by side; then whatever the list grew by.
    if next == Some(2) && total > 1 {
        let last = concurrent(source, 2, total, progress, |number, page| {
            deliver(walked.admit(source, number, page)?)
        })?;
        fetched = total;
        next = next_of(source, total, last)?;
    }
    while let Some(number) = next {
        let page = source.fetch(number)?;
        let pagination = page.pagination;
        deliver(walked.admit(source, number, page)?)?;
        fetched += 1;
        progress.advance(1);
        progress.add_total(1);
        next = next_of(source, number, pagination)?;
    }
    walked.finish(source, fetched)?;
    Ok(fetched)
}

/// The pages a worker has fetched and the main thread not yet delivered.
struct Shared<E> {
    /// The next page number a worker will take.
    next_to_fetch: u64,
    /// The next page number the main thread delivers.
    next_to_deliver: u64,
    done: BTreeMap<u64, Result<Page, E>>,
    /// A page failed or delivery stopped: workers take nothing more.
    stopped: bool,
}

/// Fetches pages `from..=to` on up to [`IN_FLIGHT`] threads, delivering them in order (with
/// their numbers), each checked against the rules of [`next_of`]. Returns the last page's pagination.
fn concurrent<S: PageSource, E: From<S::Error>>(
    source: &S,
    from: u64,
    to: u64,
    progress: &dyn Progress,
    mut deliver: impl FnMut(u64, Page) -> Result<(), E>,
) -> Result<Option<Pagination>, E> {
    let shared = Mutex::new(Shared {
        next_to_fetch: from,
        next_to_deliver: from,
        done: BTreeMap::new(),
        stopped: false,
    });
    let changed = Condvar::new();
    let lock = || shared.lock().unwrap_or_else(|e| e.into_inner());
    let workers = usize::try_from(to - from + 1)
        .unwrap_or(IN_FLIGHT)
        .min(IN_FLIGHT);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let number = {
                        let mut state = lock();
                        while !state.stopped
                            && state.next_to_fetch <= to
                            && state.next_to_fetch >= state.next_to_deliver + WINDOW
                        {
                            state = changed.wait(state).unwrap_or_else(|e| e.into_inner());
                        }
                        if state.stopped || state.next_to_fetch > to {
                            return;
                        }
                        state.next_to_fetch += 1;
                        state.next_to_fetch - 1
                    };
                    let page = source.fetch(number);
                    let mut state = lock();
                    if page.is_err() {
                        state.stopped = true;
                    }
                    state.done.insert(number, page);
                    changed.notify_all();
                }
            });
        }
        let mut last = None;
        let mut result = Ok(());
        for number in from..=to {
            let page = {
                let mut state = lock();
                loop {
                    if let Some(page) = state.done.remove(&number) {
                        break page;
                    }
                    state = changed.wait(state).unwrap_or_else(|e| e.into_inner());
                }
            };
            let delivered = page.map_err(E::from).and_then(|page| {
                let pagination = page.pagination;
                if number < to {
                    next_of(source, number, pagination)?;
                }
                last = pagination;
                deliver(number, page)
            });
            let mut state = lock();
            state.next_to_deliver = number + 1;
            if delivered.is_err() {
                state.stopped = true;
            }
            changed.notify_all();
            drop(state);
            if let Err(e) = delivered {
                result = Err(e);
                break;
            }
            progress.advance(1);
        }
        result.map(|()| last)
    })
}

/// Runs `task` on every item, at most `in_flight` at once, and returns the results in the
/// items' order. With tasks that call `ApiClient::send`, the run's pacer spaces them (relink's
/// PATCHes, SPEC §10: "paced as lists are").
pub(crate) fn for_each_concurrent<T: Sync, R: Send>(
    items: &[T],
    in_flight: usize,
    task: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..in_flight.clamp(1, items.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut next = next.lock().unwrap_or_else(|e| e.into_inner());
                        if *next >= items.len() {
                            return;
                        }
                        *next += 1;
                        *next - 1
                    };
                    let result = task(&items[i]);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// Why a walk through the API stopped: the API failed (or the list ran away), or `deliver`
/// refused a page.
#[derive(Debug)]
pub(crate) enum WalkError<E> {
    Api(ApiError),
    Deliver(E),
}

impl<E> From<ApiError> for WalkError<E> {
    fn from(e: ApiError) -> Self {
        WalkError::Api(e)
    }
}

/// The pages of one GET list request through the API client (`page[size]=100`).
struct ApiPages<'a> {
    api: &'a ApiClient,
    request: &'a ApiRequest,
}

impl ApiPages<'_> {
    fn page_request(&self, number: u64) -> ApiRequest {
        self.request
            .clone()
            .query("page[size]", &PAGE_SIZE.to_string())
            .query("page[number]", &number.to_string())
    }

    fn unexpected(&self, request: &ApiRequest, status: u16, what: String) -> ApiError {
        ApiError::Unexpected {
            method: request.method.clone(),
            url: self.api.url(request),
            status,
            what,
        }
    }
}

impl PageSource for ApiPages<'_> {
    type Error = ApiError;

    fn fetch(&self, number: u64) -> Result<Page, ApiError> {
        let request = self.page_request(number);
        let response = self.api.send_parsed(&request, Page::from_text)?;
        let status = response.status;
        response.body.ok_or_else(|| {
            self.unexpected(
                &request,
                status,
                "the body is empty, not a JSON:API document".into(),
            )
        })
    }

    fn runaway(&self, number: u64, what: String) -> ApiError {
        self.unexpected(&self.page_request(number), 200, what)
    }
}

impl ApiClient {
    /// Walks every page of the GET list `request` (its own query plus the page parameters),
    /// paced by this client's pacer, handing pages to `deliver` in order (see the module doc).
    /// Returns the number of pages fetched.
    pub(crate) fn walk<E>(
        &self,
        request: &ApiRequest,
        progress: &dyn Progress,
        mut deliver: impl FnMut(Page) -> Result<(), E>,
    ) -> Result<u64, WalkError<E>> {
        walk(&ApiPages { api: self, request }, progress, |page| {
            deliver(page).map_err(WalkError::Deliver)
        })
    }

    /// Every item of every page of a list, in memory (for resolving a name; lists that print
    /// go page by page through `walk`).
    pub(crate) fn list_all(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<ListDocument, ApiError> {
        let mut request = ApiRequest::new(Method::GET, path);
        for (key, value) in query {
            request = request.query(key, value);
        }
        let mut list = ListDocument::default();
        let walked = self.walk(&request, &NoProgress, |page| {
            list.data.extend(page.items.iter().map(Resource::value));
            // An empty `included` adds nothing: an empty list prints as `{"data": []}`.
            if !page.included.is_empty() {
                list.included
                    .get_or_insert_with(Vec::new)
                    .extend(page.included.iter().map(Resource::value));
            }
            Ok::<(), std::convert::Infallible>(())
        });
        match walked {
            Ok(_) => Ok(list),
            Err(WalkError::Api(e)) => Err(e),
            Err(WalkError::Deliver(never)) => match never {},
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    /// A list of `count` items, `per_page` a page, whose early pages answer slowest.
    struct FakeList {
        count: u64,
        per_page: u64,
        requests: Mutex<Vec<u64>>,
        in_flight: AtomicU64,
        most_in_flight: AtomicU64,
        fail_page: Option<u64>,
        /// Rewrites a page's pagination (to simulate broken servers).
        twist: fn(u64, Pagination) -> Pagination,
    }

    impl FakeList {
        fn new(count: u64) -> FakeList {
            FakeList {
                count,
                per_page: PAGE_SIZE,
                requests: Mutex::new(Vec::new()),
                in_flight: AtomicU64::new(0),
                most_in_flight: AtomicU64::new(0),
                fail_page: None,
                twist: |_, p| p,
            }
        }

        fn pages(&self) -> u64 {
            self.count.div_ceil(self.per_page).max(1)
        }

        fn requests(&self) -> Vec<u64> {
            self.requests.lock().unwrap().clone()
        }
    }

    impl PageSource for FakeList {
        type Error = String;

        fn fetch(&self, number: u64) -> Result<Page, String> {
            self.requests.lock().unwrap().push(number);
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.most_in_flight.fetch_max(now, Ordering::SeqCst);
            // Early pages answer last: page 2 waits longest.
            let pages = self.pages();
            std::thread::sleep(Duration::from_millis(
                2 * (pages.saturating_sub(number) % 12),
            ));
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            if self.fail_page == Some(number) {
                return Err(format!("page {number} failed"));
            }
            let start = (number - 1) * self.per_page;
            let end = (start + self.per_page).min(self.count);
            let items = (start..end)
                .map(|i| thing("things", &format!("t-{i}")))
                .collect();
            let pagination = Pagination {
                next_page: (number < pages).then_some(number + 1),
                total_pages: Some(pages),
                total_count: Some(self.count),
            };
            Ok(Page {
                items,
                included: vec![thing("owners", "o-1")],
                pagination: Some((self.twist)(number, pagination)),
            })
        }

        fn runaway(&self, number: u64, what: String) -> String {
            format!("runaway at page {number}: {what}")
        }
    }

    fn thing(kind: &str, id: &str) -> Resource {
        Resource::from_value(&serde_json::json!({"type": kind, "id": id})).unwrap()
    }

    fn ids(source: &FakeList) -> Result<(Vec<String>, usize), String> {
        let mut ids = Vec::new();
        let mut included = 0;
        walk(source, &NoProgress, |page| -> Result<(), String> {
            ids.extend(page.items.iter().map(|i| i.id().to_string()));
            included += page.included.len();
            Ok(())
        })?;
        Ok((ids, included))
    }

    #[test]
    fn a_list_of_n_items_is_n_over_100_rounded_up_requests() {
        for (count, requests) in [(0, 1), (1, 1), (100, 1), (101, 2), (5_000, 50), (5_001, 51)] {
            let source = FakeList::new(count);
            let (got, _) = ids(&source).unwrap();
            assert_eq!(got.len() as u64, count);
            let mut asked = source.requests();
            assert_eq!(asked.len(), requests, "{count} items");
            asked.sort();
            assert_eq!(asked, (1..=requests as u64).collect::<Vec<_>>());
        }
    }

    #[test]
    fn pages_answering_out_of_order_are_delivered_in_page_order() {
        let source = FakeList::new(2_345);
        let (got, _) = ids(&source).unwrap();
        let expected: Vec<String> = (0..2_345).map(|i| format!("t-{i}")).collect();
        assert_eq!(got, expected);
        assert!(source.most_in_flight.load(Ordering::SeqCst) > 1);
        assert!(source.most_in_flight.load(Ordering::SeqCst) <= IN_FLIGHT as u64);
        // Page 1 comes first, alone: only it can say how many pages there are.
        assert_eq!(source.requests()[0], 1);
    }

    #[test]
    fn an_item_on_two_pages_is_delivered_once_and_included_once() {
        // Pages overlap by one item, as when an item was added at the front mid-walk.
        let mut source = FakeList::new(300);
        source.per_page = 100;
        struct Overlap(FakeList);
        impl PageSource for Overlap {
            type Error = String;
            fn fetch(&self, number: u64) -> Result<Page, String> {
                let mut page = self.0.fetch(number)?;
                if number > 1 {
                    let previous = format!("t-{}", (number - 1) * 100 - 1);
                    page.items.insert(0, thing("things", &previous));
                }
                Ok(page)
            }
            fn runaway(&self, number: u64, what: String) -> String {
                self.0.runaway(number, what)
            }
        }
        let source = Overlap(source);
        let mut got = Vec::new();
        let mut included = 0;
        walk(&source, &NoProgress, |page| -> Result<(), String> {
            got.extend(page.items.iter().map(|i| i.id().to_string()));
            included += page.included.len();
            Ok(())
        })
        .unwrap();
        assert_eq!(got, (0..300).map(|i| format!("t-{i}")).collect::<Vec<_>>());
        assert_eq!(included, 1);
    }

    #[test]
    fn a_failed_page_stops_the_walk_with_its_error() {
        let mut source = FakeList::new(3_000);
        source.fail_page = Some(7);
        let mut delivered = Vec::new();
        let err = walk(&source, &NoProgress, |page| -> Result<(), String> {
            delivered.push(page.items.len());
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err, "page 7 failed");
        // Pages 1 to 6 were delivered, nothing after the failure.
        assert_eq!(delivered.len(), 6);
        // Workers stop taking pages: at most the window beyond the failure was asked.
        assert!(source.requests().len() as u64 <= 7 + WINDOW);
    }

    #[test]
    fn a_next_page_that_does_not_advance_while_total_pages_says_more_is_an_error() {
        let mut source = FakeList::new(150);
        source.twist = |_, p| Pagination {
            next_page: Some(1),
            ..p
        };
        let err = ids(&source).unwrap_err();
        assert_eq!(
            err,
            "runaway at page 1: page 1 of 2 gives next-page 1, which does not advance"
        );
        let mut source = FakeList::new(1_000);
        source.twist = |n, p| Pagination {
            next_page: if n == 4 { None } else { p.next_page },
            ..p
        };
        let err = ids(&source).unwrap_err();
        assert_eq!(
            err,
            "runaway at page 4: page 4 gives no next-page while total-pages says 10"
        );
    }

    #[test]
    fn a_next_page_that_skips_pages_is_an_error() {
        // 1 → 5 of 5: pages 2 to 4 would be lost.
        let mut source = FakeList::new(500);
        source.twist = |n, p| Pagination {
            next_page: if n == 1 { Some(5) } else { p.next_page },
            ..p
        };
        assert_eq!(
            ids(&source).unwrap_err(),
            "runaway at page 1: page 1 of 5 gives next-page 5, which skips pages 2 to 4"
        );
        assert_eq!(source.requests(), vec![1]);
        // Without total-pages, followed page by page: 3 → 5 skips page 4.
        let mut source = FakeList::new(500);
        source.twist = |n, p| Pagination {
            next_page: if n == 3 { Some(5) } else { p.next_page },
            total_pages: None,
            ..p
        };
        assert_eq!(
            ids(&source).unwrap_err(),
            "runaway at page 3: page 3 gives next-page 5, which skips page 4"
        );
    }

    #[test]
    fn a_page_repeating_an_earlier_page_wholesale_is_an_error() {
        // A cache that ignores page[number]: page 2 answers with page 1's items.
        struct Cached(FakeList);
        impl PageSource for Cached {
            type Error = String;
            fn fetch(&self, number: u64) -> Result<Page, String> {
                let mut page = self.0.fetch(number)?;
                if number == 2 {
                    page.items = self.0.fetch(1)?.items;
                }
                Ok(page)
            }
            fn runaway(&self, number: u64, what: String) -> String {
                self.0.runaway(number, what)
            }
        }
        let source = Cached(FakeList::new(300));
        let mut delivered = 0;
        let err = walk(&source, &NoProgress, |_| -> Result<(), String> {
            delivered += 1;
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err, "runaway at page 2: page 2 repeats the items of page 1");
        assert_eq!(delivered, 1);
    }

    #[test]
    fn a_total_count_the_pages_do_not_reach_is_an_error() {
        // Each page says 1,000 items; its 3 pages hold 250.
        let mut source = FakeList::new(250);
        source.twist = |_, p| Pagination {
            total_count: Some(1_000),
            ..p
        };
        assert_eq!(
            ids(&source).unwrap_err(),
            "runaway at page 3: the server counts 1000 items (total-count) but its pages held 250"
        );
        // Pages that hold the count pass.
        let (got, _) = ids(&FakeList::new(250)).unwrap();
        assert_eq!(got.len(), 250);
    }

    #[test]
    fn a_next_page_past_the_last_page_stops_at_total_pages() {
        let mut source = FakeList::new(250);
        source.twist = |n, p| Pagination {
            next_page: Some(n + 1),
            ..p
        };
        let (got, _) = ids(&source).unwrap();
        assert_eq!(got.len(), 250);
        assert_eq!(source.requests().len(), 3);
    }

    #[test]
    fn a_list_without_end_stops_at_10000_pages() {
        // total-pages claims more than the cap: refused before page 2.
        let mut source = FakeList::new(10);
        source.twist = |_, p| Pagination {
            next_page: Some(2),
            total_pages: Some(MAX_PAGES + 1),
            ..p
        };
        let err = ids(&source).unwrap_err();
        assert!(err.contains("stops at 10000"), "{err}");
        assert_eq!(source.requests(), vec![1]);
        // No total-pages, and a next-page that always advances: refused at the cap.
        let mut source = FakeList::new(10);
        source.twist = |n, _| Pagination {
            next_page: Some(n + 1),
            total_pages: None,
            total_count: None,
        };
        let err = ids(&source).unwrap_err();
        assert_eq!(
            err,
            "runaway at page 10000: the list goes on past 10000 pages"
        );
        assert_eq!(source.requests().len() as u64, MAX_PAGES);
    }

    #[test]
    fn a_list_that_grew_during_the_walk_is_followed_to_its_new_end() {
        let mut source = FakeList::new(500);
        // The last announced page (5) says two more pages exist now.
        source.twist = |n, p| match n {
            5 => Pagination {
                next_page: Some(6),
                total_pages: Some(7),
                ..p
            },
            6 => Pagination {
                next_page: Some(7),
                total_pages: Some(7),
                ..p
            },
            7 => Pagination {
                next_page: None,
                total_pages: Some(7),
                ..p
            },
            _ => p,
        };
        ids(&source).unwrap();
        let mut asked = source.requests();
        asked.sort();
        assert_eq!(asked, vec![1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn for_each_concurrent_keeps_the_items_order() {
        let items: Vec<u64> = (0..50).collect();
        let out = for_each_concurrent(&items, 8, |i| {
            std::thread::sleep(Duration::from_millis(50 - i));
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(for_each_concurrent(&[] as &[u64], 8, |i| *i).is_empty());
    }
}
