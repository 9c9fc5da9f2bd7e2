//! The paced, concurrent page walk every list shares (SPEC §4), and the one request pacer of a
//! run.
//!
//! **Pacing.** [`Pacer`] spaces the start of every request the run sends (first attempts and
//! retries alike) at two thirds of the server's `X-RateLimit-Limit` per second, 20 per second
//! until a response names a limit, and halves that rate on each 429. [`ApiClient`] owns one and
//! calls it in `send`, so every walk, every loop of PATCHes and every retry of one run shares
//! it: code built on `ApiClient::send` is paced without doing anything.
//!
//! **Walking a list.** [`walk`] fetches page 1; once it gives `total-pages`, it fetches the
//! other pages on up to [`IN_FLIGHT`] threads, and hands pages to `deliver` one at a time, in
//! page order, with every item and `included` resource seen on an earlier page removed. At
//! most [`WINDOW`] pages are held at once, so memory does not grow with the list. It stops at
//! `total-pages`; a page whose `next-page` does not advance while `total-pages` says more, or
//! a list past [`MAX_PAGES`] pages, is an error, never a silently short list. A list that grew
//! while it was walked is followed page by page past the first `total-pages`.
//!
//! How commands use it (`commands::Context` maps [`WalkError`] to the user-facing failure):
//!
//! ```ignore
//! // One list: pages in order, each already de-duplicated.
//! let progress = ctx.progress("pages");          // "pages: 3 of 9" on a terminal only
//! let request = ApiRequest::new(Method::GET, "/organizations/o/workspaces");
//! ctx.walk(&request, &progress, |page| { rows.extend(page.items); Ok(()) })?;
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

use std::collections::{BTreeMap, HashSet};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::client::{ApiClient, ApiRequest, Method};
use super::error::ApiError;
use super::model::ListDocument;
use crate::progress::Progress;

/// The largest page TFE serves.
pub const PAGE_SIZE: u64 = 100;
/// Requests of one walk in flight at once. The pacer, not this, sets the rate; this only has
/// to cover the rate times the round trip (20/s × 200 ms = 4).
pub const IN_FLIGHT: usize = 8;
/// Pages fetched but not yet delivered, at most: the walk's memory bound.
pub const WINDOW: u64 = 2 * IN_FLIGHT as u64;
/// A walk past this many pages (a million items) is a server that never ends its list.
pub const MAX_PAGES: u64 = 10_000;
/// Requests per second before any response has named the server's limit.
pub const DEFAULT_RATE: f64 = 20.0;
/// The share of the server's `X-RateLimit-Limit` the pacer uses.
const LIMIT_SHARE: f64 = 2.0 / 3.0;
/// 429s halve the rate at most this many times (20/s → 0.3/s).
const MAX_SLOWDOWNS: u32 = 6;

/// Spaces request starts evenly: one slot every `1 / rate` seconds, shared by every thread.
#[derive(Debug)]
pub struct Pacer {
    state: Mutex<PacerState>,
}

#[derive(Debug)]
struct PacerState {
    /// The rate the server allows us (two thirds of its limit), or the default.
    base_rate: f64,
    /// How many 429s halved the rate.
    slowdowns: u32,
    /// When the next request may start.
    next_slot: Instant,
}

impl PacerState {
    fn rate(&self) -> f64 {
        self.base_rate / f64::from(1u32 << self.slowdowns)
    }

    fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate())
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new(DEFAULT_RATE)
    }
}

impl Pacer {
    /// A pacer at `per_second` requests per second until a response names a limit.
    pub fn new(per_second: f64) -> Pacer {
        Pacer {
            state: Mutex::new(PacerState {
                base_rate: per_second.max(f64::MIN_POSITIVE),
                slowdowns: 0,
                next_slot: Instant::now(),
            }),
        }
    }

    /// Requests per second now.
    pub fn per_second(&self) -> f64 {
        self.lock().rate()
    }

    /// Blocks until the calling thread may start a request, and takes that slot.
    pub fn wait(&self) {
        let slot = {
            let mut state = self.lock();
            let now = Instant::now();
            let slot = state.next_slot.max(now);
            state.next_slot = slot + state.interval();
            slot
        };
        let now = Instant::now();
        if slot > now {
            std::thread::sleep(slot - now);
        }
    }

    /// Learns from a response: its `X-RateLimit-Limit` sets the rate to two thirds of it; a
    /// 429 halves the rate and holds back the next request by one new interval. Returns the
    /// new rate when a 429 lowered it (for the `-v` trace).
    pub fn observe(&self, status: u16, rate_limit: Option<f64>) -> Option<f64> {
        let mut state = self.lock();
        if let Some(limit) = rate_limit.filter(|l| l.is_finite() && *l > 0.0) {
            state.base_rate = limit * LIMIT_SHARE;
        }
        if status != 429 {
            return None;
        }
        state.slowdowns = (state.slowdowns + 1).min(MAX_SLOWDOWNS);
        let held = Instant::now() + state.interval();
        state.next_slot = state.next_slot.max(held);
        Some(state.rate())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PacerState> {
        // A thread that panicked while holding the lock left consistent numbers behind.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `meta.pagination` of one page, as far as the walk needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pagination {
    pub next_page: Option<u64>,
    pub total_pages: Option<u64>,
}

/// One resource of a list page, kept as the compact JSON text it serialises to (key order
/// as the server sent it): a tenth of the memory of a parsed `Value`, so pages waiting for
/// their turn cost little. `value()` parses it when a caller needs the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    kind: String,
    id: String,
    json: String,
}

impl Resource {
    /// Reads a JSON:API resource; `Err` says what is wrong with it.
    pub fn from_value(resource: &Value) -> Result<Resource, String> {
        let Some(id) = resource
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
        else {
            return Err("not a resource with an id".into());
        };
        Ok(Resource {
            kind: resource
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            id: id.to_string(),
            json: serde_json::to_string(resource).expect("JSON values serialise"),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The JSON:API `type`.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The resource as compact JSON.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The resource parsed.
    pub fn value(&self) -> Value {
        serde_json::from_str(&self.json).expect("serialised from a Value")
    }
}

/// One page of a list: its items, its `included` resources, and its pagination (`None` when
/// the server sent no `meta.pagination`: the list is complete).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Resource>,
    pub included: Vec<Resource>,
    pub pagination: Option<Pagination>,
}

/// A list document as its text, borrowed: nothing of it is parsed but the ids.
#[derive(Deserialize)]
struct ListText<'a> {
    #[serde(borrow, default, deserialize_with = "present")]
    data: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    included: Option<&'a RawValue>,
    #[serde(default)]
    meta: Option<Value>,
}

/// A key that is there, even as `null` (a plain `Option` would read `null` as absent).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// What the walk needs of a resource to de-duplicate it.
#[derive(Deserialize)]
struct Ident {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default, rename = "type")]
    kind: Option<Value>,
}

/// What a raw JSON value is, in the words of error messages.
fn raw_kind(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

impl Resource {
    /// A resource from its JSON text, kept as it came.
    fn from_raw(raw: &RawValue) -> Result<Resource, String> {
        let not_a_resource = || "not a resource with an id".to_string();
        let ident: Ident = serde_json::from_str(raw.get()).map_err(|_| not_a_resource())?;
        let id = match ident.id {
            Some(Value::String(id)) if !id.is_empty() => id,
            _ => return Err(not_a_resource()),
        };
        let kind = match ident.kind {
            Some(Value::String(kind)) => kind,
            _ => String::new(),
        };
        Ok(Resource {
            kind,
            id,
            json: raw.get().to_string(),
        })
    }
}

impl Page {
    /// Reads a list document from its text without building a `Value` of it; `Err` says what
    /// is wrong with it (the same words as [`Page::from_document`] and the API client's).
    pub fn from_text(text: &str) -> Result<Page, String> {
        let top: &RawValue =
            serde_json::from_str(text).map_err(|e| format!("the body is not JSON ({e})"))?;
        if raw_kind(top) != "an object" {
            return Err(format!(
                "the body is {}, not a JSON:API document",
                raw_kind(top)
            ));
        }
        let doc: ListText =
            serde_json::from_str(text).map_err(|e| format!("the body is not JSON ({e})"))?;
        let Some(data) = doc.data else {
            return Err("the document has no `data`".into());
        };
        let resources = |raw: &RawValue, what: &str| {
            serde_json::from_str::<Vec<&RawValue>>(raw.get())
                .map_err(|_| "expected a list (`data` array)".to_string())?
                .into_iter()
                .map(|r| Resource::from_raw(r).map_err(|e| format!("an item of `{what}` is {e}")))
                .collect::<Result<Vec<_>, String>>()
        };
        let items = resources(data, "data")?;
        let included = match doc.included {
            Some(raw) if raw_kind(raw) == "an array" => resources(raw, "included")?,
            _ => Vec::new(),
        };
        Ok(Page {
            items,
            included,
            pagination: doc.meta.as_ref().and_then(pagination),
        })
    }

    /// Reads a list document; `Err` says what is wrong with it.
    pub fn from_document(doc: &Value) -> Result<Page, String> {
        let items = match doc.get("data") {
            Some(Value::Array(items)) => items,
            _ => return Err("expected a list (`data` array)".into()),
        };
        let resources = |list: &Vec<Value>, what: &str| {
            list.iter()
                .map(|r| Resource::from_value(r).map_err(|e| format!("an item of `{what}` is {e}")))
                .collect::<Result<Vec<_>, String>>()
        };
        let included = match doc.get("included") {
            Some(Value::Array(included)) => resources(included, "included")?,
            _ => Vec::new(),
        };
        Ok(Page {
            items: resources(items, "data")?,
            included,
            pagination: doc.get("meta").and_then(pagination),
        })
    }
}

/// `meta.pagination`, when it is an object.
fn pagination(meta: &Value) -> Option<Pagination> {
    meta.get("pagination")
        .filter(|p| p.is_object())
        .map(|p| Pagination {
            next_page: p.get("next-page").and_then(Value::as_u64),
            total_pages: p.get("total-pages").and_then(Value::as_u64),
        })
}

/// Where pages come from: one page by its number (from 1).
pub trait PageSource: Sync {
    type Error: Send;
    fn fetch(&self, number: u64) -> Result<Page, Self::Error>;
    /// The error for a list that would run away at page `number` (`what` says how).
    fn runaway(&self, number: u64, what: String) -> Self::Error;
}

/// Drops what an earlier page already delivered (the list moved while it was walked).
#[derive(Default)]
struct Seen {
    items: HashSet<(String, String)>,
    included: HashSet<(String, String)>,
}

impl Seen {
    fn first_time(set: &mut HashSet<(String, String)>, resource: &Resource) -> bool {
        set.insert((resource.kind.clone(), resource.id.clone()))
    }

    fn filter(&mut self, mut page: Page) -> Page {
        page.items.retain(|r| Self::first_time(&mut self.items, r));
        page.included
            .retain(|r| Self::first_time(&mut self.included, r));
        page
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
        Some(next) if next > number && more => {
            if next > MAX_PAGES {
                Err(source.runaway(number, format!("the list goes on past {MAX_PAGES} pages")))
            } else {
                Ok(Some(next))
            }
        }
        Some(next) if more => Err(source.runaway(
            number,
            match p.total_pages {
                Some(total) => format!(
                    "page {number} of {total} gives next-page {next}, which does not advance"
                ),
                None => format!("page {number} gives next-page {next}, which does not advance"),
            },
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

/// Walks every page of `source`, handing each page to `deliver` in page order with items and
/// `included` resources already delivered removed; `progress` counts pages once there is more
/// than one. Returns the number of pages fetched.
pub fn walk<S: PageSource, E: From<S::Error>>(
    source: &S,
    progress: &Progress,
    mut deliver: impl FnMut(Page) -> Result<(), E>,
) -> Result<u64, E> {
    let mut seen = Seen::default();
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
    deliver(seen.filter(first))?;
    let mut fetched = 1;
    if total > 1 {
        progress.advance(1);
        progress.add_total(total);
    }
    // The pages total-pages announced, side by side; then whatever the list grew by.
    if next == Some(2) && total > 1 {
        let last = concurrent(source, 2, total, progress, |page| {
            deliver(seen.filter(page))
        })?;
        fetched = total;
        next = next_of(source, total, last)?;
    }
    while let Some(number) = next {
        let page = source.fetch(number)?;
        let pagination = page.pagination;
        deliver(seen.filter(page))?;
        fetched += 1;
        progress.advance(1);
        progress.add_total(1);
        next = next_of(source, number, pagination)?;
    }
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

/// Fetches pages `from..=to` on up to [`IN_FLIGHT`] threads, delivering them in order, each
/// checked against the rules of [`next_of`]. Returns the last page's pagination.
fn concurrent<S: PageSource, E: From<S::Error>>(
    source: &S,
    from: u64,
    to: u64,
    progress: &Progress,
    mut deliver: impl FnMut(Page) -> Result<(), E>,
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
                deliver(page)
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
pub fn for_each_concurrent<T: Sync, R: Send>(
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
pub enum WalkError<E> {
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
    pub fn walk<E>(
        &self,
        request: &ApiRequest,
        progress: &Progress,
        mut deliver: impl FnMut(Page) -> Result<(), E>,
    ) -> Result<u64, WalkError<E>> {
        walk(&ApiPages { api: self, request }, progress, |page| {
            deliver(page).map_err(WalkError::Deliver)
        })
    }

    /// Every item of every page of a list, in memory (for resolving a name; lists that print
    /// go page by page through `walk`).
    pub fn list_all(&self, path: &str, query: &[(&str, &str)]) -> Result<ListDocument, ApiError> {
        let mut request = ApiRequest::new(Method::GET, path);
        for (key, value) in query {
            request = request.query(key, value);
        }
        let mut list = ListDocument::default();
        let walked = self.walk(&request, &Progress::hidden(), |page| {
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
        walk(source, &Progress::hidden(), |page| -> Result<(), String> {
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
        walk(&source, &Progress::hidden(), |page| -> Result<(), String> {
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
        let err = walk(&source, &Progress::hidden(), |page| -> Result<(), String> {
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
        source.twist = |_, _| Pagination {
            next_page: Some(2),
            total_pages: Some(MAX_PAGES + 1),
        };
        let err = ids(&source).unwrap_err();
        assert!(err.contains("stops at 10000"), "{err}");
        assert_eq!(source.requests(), vec![1]);
        // No total-pages, and a next-page that always advances: refused at the cap.
        let mut source = FakeList::new(10);
        source.twist = |n, _| Pagination {
            next_page: Some(n + 1),
            total_pages: None,
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
            },
            6 => Pagination {
                next_page: Some(7),
                total_pages: Some(7),
            },
            7 => Pagination {
                next_page: None,
                total_pages: Some(7),
            },
            _ => p,
        };
        ids(&source).unwrap();
        let mut asked = source.requests();
        asked.sort();
        assert_eq!(asked, vec![1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn a_page_without_pagination_is_the_whole_list() {
        let page = Page::from_document(&serde_json::json!({"data": [{"id": "a"}]})).unwrap();
        assert_eq!(page.pagination, None);
        assert_eq!(page.items[0].json(), r#"{"id":"a"}"#);
        assert!(Page::from_document(&serde_json::json!({"data": {"id": "a"}})).is_err());
        assert_eq!(
            Page::from_document(&serde_json::json!({"data": [{"id": 7}]})).unwrap_err(),
            "an item of `data` is not a resource with an id"
        );
    }

    #[test]
    fn a_page_read_from_its_text_keeps_each_resource_as_sent() {
        let text = r#"{"data": [ {"id": "a", "type": "t", "attributes": {"n": "\u00e9"}},
                                 {"type": "t", "id": "b"} ],
                       "included": [{"id": "i", "type": "u"}],
                       "meta": {"pagination": {"next-page": 2, "total-pages": 3}}}"#;
        let page = Page::from_text(text).unwrap();
        assert_eq!(page.items.len(), 2);
        assert_eq!(
            page.items[0].json(),
            r#"{"id": "a", "type": "t", "attributes": {"n": "\u00e9"}}"#
        );
        assert_eq!(page.items[0].value()["attributes"]["n"], "é");
        assert_eq!((page.items[1].kind(), page.items[1].id()), ("t", "b"));
        assert_eq!(page.included[0].id(), "i");
        assert_eq!(
            page.pagination,
            Some(Pagination {
                next_page: Some(2),
                total_pages: Some(3)
            })
        );
        // The same page read from a parsed value gives the same resources' fields.
        let from_value = Page::from_document(&serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(from_value.items[0].value(), page.items[0].value());
        assert_eq!(from_value.pagination, page.pagination);
    }

    #[test]
    fn a_page_whose_text_is_not_a_list_says_what_is_wrong() {
        for (text, what) in [
            ("[1]", "the body is an array, not a JSON:API document"),
            ("\"x\"", "the body is a string, not a JSON:API document"),
            ("{}", "the document has no `data`"),
            (r#"{"data": null}"#, "expected a list (`data` array)"),
            (r#"{"data": {"id": "a"}}"#, "expected a list (`data` array)"),
            (
                r#"{"data": [1]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [{"id": ""}]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [{"id": 7}]}"#,
                "an item of `data` is not a resource with an id",
            ),
            (
                r#"{"data": [], "included": [{"type": "x"}]}"#,
                "an item of `included` is not a resource with an id",
            ),
        ] {
            assert_eq!(Page::from_text(text).unwrap_err(), what, "{text}");
        }
        assert!(
            Page::from_text(r#"{"data": [}"#)
                .unwrap_err()
                .starts_with("the body is not JSON")
        );
        // An `included` that is not an array is left out, as before.
        let page = Page::from_text(r#"{"data": [], "included": null}"#).unwrap();
        assert!(page.included.is_empty() && page.pagination.is_none());
    }

    #[test]
    fn the_pacer_takes_two_thirds_of_the_server_limit_and_halves_on_429() {
        let pacer = Pacer::default();
        assert_eq!(pacer.per_second(), 20.0);
        assert_eq!(pacer.observe(200, Some(30.0)), None);
        assert_eq!(pacer.per_second(), 20.0);
        assert_eq!(pacer.observe(200, Some(60.0)), None);
        assert_eq!(pacer.per_second(), 40.0);
        assert_eq!(pacer.observe(429, Some(30.0)), Some(10.0));
        assert_eq!(pacer.per_second(), 10.0);
        // A later answer naming the limit again does not undo the slowdown.
        pacer.observe(200, Some(30.0));
        assert_eq!(pacer.per_second(), 10.0);
        for _ in 0..20 {
            pacer.observe(429, None);
        }
        assert_eq!(pacer.per_second(), 20.0 / 64.0);
    }

    #[test]
    fn the_pacer_hands_out_one_slot_per_interval_across_threads() {
        // 1,000/s: 40 slots from 4 threads span at least 39 intervals.
        let pacer = Pacer::new(1_000.0);
        let started = Instant::now();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..10).for_each(|_| pacer.wait()));
            }
        });
        assert!(started.elapsed() >= Duration::from_millis(39));
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
