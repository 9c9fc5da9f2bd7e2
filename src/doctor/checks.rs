//! The nine checks of SPEC §11. `Doctor` is fed the clients and tokens first, then each
//! resource a walk finds (`observe`), keeping only counts per connection and the resources a
//! check names (memory grows with findings, not with what is walked); then the answers of the
//! GitHub App installations and, with `--live`, of the VCS, and gives the report. Kinds come
//! from the kind table; a resource's project from the resource itself.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::facts::{ClientFacts, TokenFacts, day_number};
use super::{Check, ClientRef, Finding, Report, Subject, per_kind};
use crate::linked::{Kind, Linked};

/// What the VCS said about a token in use (`--live`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Live {
    Ok,
    /// Refused; the API's reason.
    Refused(String),
}

/// The answers of the reads after the walks.
#[derive(Debug, Default, Clone)]
pub(crate) struct Answers {
    /// The `ghain-…` ids that answered 404.
    pub(crate) missing_installations: HashSet<String>,
    /// `--live`: the answer for each token in use.
    pub(crate) live: HashMap<String, Live>,
}

#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// `--max-age` in days.
    pub(crate) max_age_days: i64,
    /// Today's day number (`facts::today`).
    pub(crate) today: i64,
    /// `--client`: report only these client ids (empty: every client).
    pub(crate) only_clients: Vec<String>,
}

/// A resource linked through a client that does not offer itself in the resource's project.
#[derive(Debug, Clone)]
struct OutOfScope {
    kind: Kind,
    id: String,
    name: String,
    project: String,
    client: usize,
}

pub(crate) struct Doctor {
    clients: Vec<ClientFacts>,
    /// Each client's tokens: its `oauth-tokens` relationship, then the organization's tokens
    /// that name it.
    tokens_of: Vec<Vec<TokenFacts>>,
    /// Token id → index of its client.
    client_of: HashMap<String, usize>,
    /// Every token of the organization, its client listed or not.
    existing: HashSet<String>,
    walked: BTreeMap<Kind, usize>,
    /// Connection id (`ot-…`, `ghain-…`) → what names it, per kind.
    uses: HashMap<String, BTreeMap<Kind, usize>>,
    /// Connection ids that are no token of the organization, in the order first named.
    unknown: Vec<String>,
    out_of_scope: Vec<OutOfScope>,
}

impl Doctor {
    /// `kinds`: the kinds walked (each counted, even when none is found).
    pub(crate) fn new(
        clients: Vec<ClientFacts>,
        tokens: Vec<TokenFacts>,
        kinds: &[Kind],
    ) -> Doctor {
        let mut tokens_of: Vec<Vec<TokenFacts>> = vec![Vec::new(); clients.len()];
        let mut client_of = HashMap::new();
        let index: HashMap<&str, usize> = clients
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let by_id: HashMap<&str, &TokenFacts> = tokens.iter().map(|t| (t.id.as_str(), t)).collect();
        for (i, client) in clients.iter().enumerate() {
            for id in &client.token_ids {
                let facts = by_id.get(id.as_str()).map_or_else(
                    || TokenFacts {
                        id: id.clone(),
                        client_id: Some(client.id.clone()),
                        created_at: None,
                    },
                    |t| (*t).clone(),
                );
                if client_of.insert(id.clone(), i).is_none() {
                    tokens_of[i].push(facts);
                }
            }
        }
        for token in &tokens {
            let Some(&i) = token.client_id.as_deref().and_then(|c| index.get(c)) else {
                continue;
            };
            if client_of.insert(token.id.clone(), i).is_none() {
                tokens_of[i].push(token.clone());
            }
        }
        // A token whose client is not listed still exists: it is not dangling.
        let existing = tokens
            .iter()
            .map(|t| t.id.clone())
            .chain(client_of.keys().cloned())
            .collect();
        Doctor {
            clients,
            tokens_of,
            client_of,
            existing,
            walked: kinds.iter().map(|k| (*k, 0)).collect(),
            uses: HashMap::new(),
            unknown: Vec::new(),
            out_of_scope: Vec::new(),
        }
    }

    /// A kind the walks left out (the organization does not enable it): not counted as walked.
    pub(crate) fn not_walked(&mut self, kind: Kind) {
        self.walked.remove(&kind);
    }

    /// One resource a walk found.
    pub(crate) fn observe(&mut self, linked: &Linked) {
        *self.walked.entry(linked.kind).or_default() += 1;
        let Some(connection) = linked.connection().map(str::to_string) else {
            return;
        };
        let counts = self.uses.entry(connection.clone()).or_default();
        if counts.is_empty() && !self.existing.contains(&connection) {
            self.unknown.push(connection.clone());
        }
        *counts.entry(linked.kind).or_default() += 1;
        let Some(&client) = self.client_of.get(&connection) else {
            return;
        };
        let project = linked
            .resource
            .pointer("/relationships/project/data/id")
            .and_then(Value::as_str);
        let facts = &self.clients[client];
        if let Some(project) = project
            && !facts.organization_scoped
            && !facts.projects.iter().any(|p| p == project)
        {
            self.out_of_scope.push(OutOfScope {
                kind: linked.kind,
                id: linked.id().to_string(),
                name: linked.name(),
                project: project.to_string(),
                client,
            });
        }
    }

    /// The `ghain-…` ids resources name, each once, in the order first named.
    pub(crate) fn installations(&self) -> Vec<String> {
        self.unknown
            .iter()
            .filter(|id| id.starts_with("ghain-"))
            .cloned()
            .collect()
    }

    /// The existing tokens a resource names, in client order: what `--live` asks about.
    pub(crate) fn tokens_in_use(&self) -> Vec<String> {
        self.tokens_of
            .iter()
            .flatten()
            .filter(|t| self.used(&t.id))
            .map(|t| t.id.clone())
            .collect()
    }

    fn used(&self, token: &str) -> bool {
        self.uses
            .get(token)
            .is_some_and(|c| c.values().any(|n| *n > 0))
    }

    fn uses_of<'a>(&self, tokens: impl Iterator<Item = &'a TokenFacts>) -> BTreeMap<Kind, usize> {
        let mut total = BTreeMap::new();
        for token in tokens {
            for (kind, n) in self.uses.get(&token.id).into_iter().flatten() {
                *total.entry(*kind).or_default() += n;
            }
        }
        total
    }

    /// The findings in report order: errors, warnings, notes; each in client order, then
    /// those about ids of no client (left out when `--client` narrows the report).
    pub(crate) fn report(self, answers: &Answers, options: &Options) -> Report {
        let mut findings = Vec::new();
        let mut connections = 0;
        for (i, client) in self.clients.iter().enumerate() {
            if !options.only_clients.is_empty() && !options.only_clients.contains(&client.id) {
                continue;
            }
            connections += 1;
            findings.extend(self.client_findings(i, answers, options));
        }
        if options.only_clients.is_empty() {
            findings.extend(self.unknown_findings(answers));
        }
        findings.sort_by_key(|f: &Finding| f.severity());
        Report {
            findings,
            connections,
            resources: self.walked,
        }
    }

    fn client_findings(&self, i: usize, answers: &Answers, options: &Options) -> Vec<Finding> {
        let client = &self.clients[i];
        let tokens = &self.tokens_of[i];
        let oc = &client.id;
        let finding =
            |check: Check, subject: Subject, detail: String, fix: String, resources| Finding {
                check,
                subject,
                client: Some(ClientRef {
                    id: client.id.clone(),
                    name: client.name.clone(),
                }),
                detail,
                fix,
                resources,
            };
        let client_subject = || Subject {
            kind: "oauth-clients",
            id: oc.clone(),
        };
        let token_subject = |t: &TokenFacts| Subject {
            kind: "oauth-tokens",
            id: t.id.clone(),
        };
        let set_pat = format!("tfvcs client set-pat {oc}");
        let mut out = Vec::new();
        if tokens.is_empty() {
            let fix = if client.is_pat_based() {
                set_pat.clone()
            } else {
                format!(
                    "finish the connection in the UI (Settings > Version Control > Providers), or `tfvcs client delete {oc}`"
                )
            };
            out.push(finding(
                Check::NoToken,
                client_subject(),
                "it has no OAuth token: its connection was never completed, so nothing can link through it".into(),
                fix,
                BTreeMap::new(),
            ));
        }
        let all_uses = self.uses_of(tokens.iter());
        if client.provider.as_deref() == Some("ado_services")
            && client.is_pat_based()
            && client.ado_org_name.is_none()
            && !tokens.is_empty()
        {
            out.push(finding(
                Check::AdoGlobalPat,
                client_subject(),
                format!(
                    "an Azure DevOps Services connection holding a global PAT (ado-org-name is null): Microsoft switched global PATs off on 2026-12-01; {}",
                    taken_down(&all_uses)
                ),
                format!("tfvcs client set-pat {oc} --ado-org-name <ORG> --pat-file -"),
                all_uses.clone(),
            ));
        }
        for token in tokens {
            if let Some(Live::Refused(reason)) = answers.live.get(&token.id) {
                let uses = self.uses_of(std::iter::once(token));
                out.push(finding(
                    Check::VcsRefused,
                    token_subject(token),
                    format!("the VCS refused the token: {reason}; {}", taken_down(&uses)),
                    set_pat.clone(),
                    uses,
                ));
            }
        }
        if client.is_pat_based() {
            for token in tokens {
                let Some(created) = token.created_at.as_deref() else {
                    continue;
                };
                let Some(day) = day_number(created) else {
                    continue;
                };
                let age = options.today - day;
                if age > options.max_age_days {
                    let uses = self.uses_of(std::iter::once(token));
                    out.push(finding(
                        Check::PatAge,
                        token_subject(token),
                        format!(
                            "created {}, {age} days ago (more than {}): the PAT may expire soon or has already",
                            created.get(..10).unwrap_or(created),
                            options.max_age_days
                        ),
                        set_pat.clone(),
                        uses,
                    ));
                }
            }
        }
        if tokens.len() > 1 {
            let listed: Vec<String> = tokens
                .iter()
                .map(|t| {
                    let uses = self.uses_of(std::iter::once(t));
                    if uses.is_empty() {
                        format!("{} (unused)", t.id)
                    } else {
                        format!("{} (used by {})", t.id, per_kind(&uses))
                    }
                })
                .collect();
            let ids: Vec<&str> = tokens.iter().map(|t| t.id.as_str()).collect();
            out.push(finding(
                Check::ManyTokens,
                client_subject(),
                format!(
                    "{} OAuth tokens, where TFE's own provider expects one: {}",
                    tokens.len(),
                    listed.join(", ")
                ),
                format!(
                    "tfvcs token usage {}, then `tfvcs token delete` the unused one",
                    ids.join(" ")
                ),
                all_uses.clone(),
            ));
        }
        // The walks run side by side, so resources arrive in any kind order: a report reads
        // the same every run only if it lists them kind by kind, as `usage` does.
        let mut misses: Vec<&OutOfScope> =
            self.out_of_scope.iter().filter(|m| m.client == i).collect();
        misses.sort_by_key(|m| m.kind);
        for miss in misses {
            let spec = miss.kind.spec();
            out.push(finding(
                Check::ProjectScope,
                Subject {
                    kind: spec.resource_type,
                    id: miss.id.clone(),
                },
                format!(
                    "{} {} is in project {}, but {} is not organization-scoped and not attached to that project",
                    spec.singular,
                    miss.name,
                    miss.project,
                    client.shown_name()
                ),
                format!("tfvcs client add-projects {oc} {}", miss.project),
                BTreeMap::from([(miss.kind, 1)]),
            ));
        }
        if !tokens.is_empty() && all_uses.is_empty() {
            let walked: Vec<&str> = self.walked.keys().map(|k| k.spec().plural).collect();
            out.push(finding(
                Check::Unused,
                client_subject(),
                format!(
                    "nothing of the kinds walked ({}) uses {}",
                    walked.join(", "),
                    if tokens.len() == 1 {
                        "its OAuth token"
                    } else {
                        "its OAuth tokens"
                    }
                ),
                format!("tfvcs client delete {oc}, if it is no longer needed"),
                BTreeMap::new(),
            ));
        }
        out
    }

    /// `dangling` and `app-missing`: ids resources name that no client has.
    fn unknown_findings(&self, answers: &Answers) -> Vec<Finding> {
        let mut dangling = Vec::new();
        let mut missing = Vec::new();
        for id in &self.unknown {
            let uses = self.uses.get(id).cloned().unwrap_or_default();
            let total: usize = uses.values().sum();
            let named = format!(
                "{} {id}",
                if total == 1 {
                    "1 resource names".to_string()
                } else {
                    format!("{total} resources name")
                }
            );
            if id.starts_with("ot-") {
                dangling.push(Finding {
                    check: Check::Dangling,
                    subject: Subject {
                        kind: "oauth-tokens",
                        id: id.clone(),
                    },
                    client: None,
                    detail: format!(
                        "{named}, which is not among the organization's OAuth tokens: {}",
                        per_kind(&uses)
                    ),
                    fix: format!("tfvcs token relink {id} --to <ot-…>"),
                    resources: uses,
                });
            } else if answers.missing_installations.contains(id) {
                missing.push(Finding {
                    check: Check::AppMissing,
                    subject: Subject {
                        kind: "github-app-installations",
                        id: id.clone(),
                    },
                    client: None,
                    detail: format!(
                        "{named}, a GitHub App installation that answers 404: it is gone, or this user cannot see it ({})",
                        per_kind(&uses)
                    ),
                    fix: format!("tfvcs token relink {id} --to <ot-…|ghain-…>, or link the GitHub App"),
                    resources: uses,
                });
            }
        }
        dangling.extend(missing);
        dangling
    }
}

/// `used by 2 workspaces, 1 module` or `nothing uses it`: what a broken connection takes down.
fn taken_down(uses: &BTreeMap<Kind, usize>) -> String {
    if uses.is_empty() {
        "nothing uses it".into()
    } else {
        format!("used by {}", per_kind(uses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Severity;
    use crate::doctor::facts::day_number;
    use serde_json::json;

    const TODAY: &str = "2026-12-04";

    fn client(id: &str, attributes: Value, tokens: &[&str], projects: &[&str]) -> ClientFacts {
        let tokens: Vec<Value> = tokens
            .iter()
            .map(|t| json!({"type": "oauth-tokens", "id": t}))
            .collect();
        let projects: Vec<Value> = projects
            .iter()
            .map(|p| json!({"type": "projects", "id": p}))
            .collect();
        ClientFacts::from_resource(
            &json!({"id": id, "type": "oauth-clients", "attributes": attributes,
            "relationships": {"oauth-tokens": {"data": tokens}, "projects": {"data": projects}}}),
        )
    }

    fn token(id: &str, client: &str, created: &str) -> TokenFacts {
        TokenFacts::from_resource(&json!({"id": id, "type": "oauth-tokens",
            "attributes": {"created-at": created},
            "relationships": {"oauth-client": {"data": {"type": "oauth-clients", "id": client}}}}))
    }

    fn resource(kind: Kind, id: &str, project: Option<&str>, repo: Value) -> Linked {
        let mut r = json!({"id": id, "attributes": {"name": id, "vcs-repo": repo}});
        if let Some(p) = project {
            r["relationships"] = json!({"project": {"data": {"type": "projects", "id": p}}});
        }
        Linked::new(kind, r)
    }

    fn via(token: &str) -> Value {
        json!({"identifier": "acme/r", "oauth-token-id": token})
    }

    fn options() -> Options {
        Options {
            max_age_days: 335,
            today: day_number(TODAY).unwrap(),
            only_clients: Vec::new(),
        }
    }

    /// One problem of every check, as examples/drifted-org.json has them (less its Stacks: the
    /// end-to-end tests in tests/doctor.rs read the file itself).
    fn drifted() -> Doctor {
        let recent = "2026-11-01T09:00:00Z";
        let clients = vec![
            client(
                "oc-ok",
                json!({"name": "github", "service-provider": "github"}),
                &["ot-ok"],
                &[],
            ),
            client(
                "oc-unfinished",
                json!({"service-provider": "github", "key": "Iv1.abc"}),
                &[],
                &[],
            ),
            client(
                "oc-ado",
                json!({"name": "azure", "service-provider": "ado_services", "ado-org-name": null}),
                &["ot-ado"],
                &[],
            ),
            client(
                "oc-gl",
                json!({"name": "gitlab", "service-provider": "gitlab_hosted"}),
                &["ot-gl"],
                &[],
            ),
            client(
                "oc-bb",
                json!({"name": "bitbucket", "service-provider": "bitbucket_hosted"}),
                &["ot-old"],
                &[],
            ),
            client(
                "oc-two",
                json!({"name": "rotated", "service-provider": "github"}),
                &["ot-r1", "ot-r2"],
                &[],
            ),
            client(
                "oc-scoped",
                json!({"name": "platform", "service-provider": "github", "organization-scoped": false}),
                &["ot-sc"],
                &["prj-platform"],
            ),
            client(
                "oc-left",
                json!({"name": "leftover", "service-provider": "gitlab_hosted"}),
                &["ot-left"],
                &[],
            ),
        ];
        let tokens = vec![
            token("ot-ok", "oc-ok", recent),
            token("ot-ado", "oc-ado", recent),
            token("ot-gl", "oc-gl", recent),
            token("ot-old", "oc-bb", "2025-06-01T09:00:00.000Z"),
            token("ot-r1", "oc-two", recent),
            token("ot-r2", "oc-two", recent),
            token("ot-sc", "oc-scoped", recent),
            token("ot-left", "oc-left", recent),
        ];
        let mut doctor = Doctor::new(clients, tokens, &Kind::ALL);
        for linked in [
            resource(
                Kind::Workspace,
                "ws-network",
                Some("prj-platform"),
                via("ot-ok"),
            ),
            resource(
                Kind::Workspace,
                "ws-billing",
                Some("prj-apps"),
                via("ot-gone"),
            ),
            resource(
                Kind::Workspace,
                "ws-checkout",
                Some("prj-apps"),
                via("ot-gone"),
            ),
            resource(
                Kind::Workspace,
                "ws-docs",
                Some("prj-apps"),
                json!({"identifier": "a/d", "oauth-token-id": null, "github-app-installation-id": "ghain-gone"}),
            ),
            resource(
                Kind::Workspace,
                "ws-payments",
                Some("prj-apps"),
                via("ot-ado"),
            ),
            resource(Kind::Workspace, "ws-search", Some("prj-apps"), via("ot-gl")),
            resource(
                Kind::Workspace,
                "ws-reports",
                Some("prj-platform"),
                via("ot-old"),
            ),
            resource(
                Kind::Workspace,
                "ws-release",
                Some("prj-platform"),
                via("ot-r1"),
            ),
            resource(
                Kind::Workspace,
                "ws-storefront",
                Some("prj-apps"),
                via("ot-sc"),
            ),
            resource(Kind::Workspace, "ws-scratch", Some("prj-apps"), Value::Null),
            resource(Kind::PolicySet, "polset-guard", None, via("ot-gone")),
            resource(Kind::Module, "mod-vpc", None, via("ot-ok")),
        ] {
            doctor.observe(&linked);
        }
        doctor
    }

    fn answers(doctor: &Doctor) -> Answers {
        Answers {
            missing_installations: doctor.installations().into_iter().collect(),
            live: HashMap::new(),
        }
    }

    fn rows(report: &Report) -> Vec<(&'static str, &str)> {
        report
            .findings
            .iter()
            .map(|f| (f.check.name(), f.subject.id.as_str()))
            .collect()
    }

    #[test]
    fn every_check_is_found_in_severity_then_client_order() {
        let doctor = drifted();
        assert_eq!(doctor.installations(), ["ghain-gone"]);
        let mut answers = answers(&doctor);
        answers.live.insert(
            "ot-gl".into(),
            Live::Refused("422 Unprocessable Entity: VCS provider error".into()),
        );
        let report = doctor.report(&answers, &options());
        assert_eq!(
            rows(&report),
            [
                ("no-token", "oc-unfinished"),
                ("ado-global-pat", "oc-ado"),
                ("vcs-refused", "ot-gl"),
                ("dangling", "ot-gone"),
                ("app-missing", "ghain-gone"),
                ("pat-age", "ot-old"),
                ("many-tokens", "oc-two"),
                ("project-scope", "ws-storefront"),
                ("unused", "oc-left"),
            ]
        );
        assert_eq!(report.connections, 8);
        assert_eq!(
            report.resources,
            BTreeMap::from([
                (Kind::Workspace, 10),
                (Kind::PolicySet, 1),
                (Kind::Module, 1),
                (Kind::Stack, 0),
            ])
        );
        assert_eq!(
            report.summary(),
            "doctor: 5 errors, 3 warnings, 1 note; 8 connections, 12 resources (10 workspaces, 1 policy set, 1 module, 0 Stacks)"
        );
        assert!(report.fails(false));
    }

    #[test]
    fn each_finding_has_its_subject_client_detail_fix_and_counts() {
        let doctor = drifted();
        let answers = answers(&doctor);
        let report = doctor.report(&answers, &options());
        let get = |check: &str| {
            report
                .findings
                .iter()
                .find(|f| f.check.name() == check)
                .unwrap()
        };
        let dangling = get("dangling");
        assert_eq!(
            dangling.subject,
            Subject {
                kind: "oauth-tokens",
                id: "ot-gone".into()
            }
        );
        assert_eq!(dangling.client, None);
        assert_eq!(
            dangling.resources,
            BTreeMap::from([(Kind::Workspace, 2), (Kind::PolicySet, 1)])
        );
        assert_eq!(
            dangling.detail,
            "3 resources name ot-gone, which is not among the organization's OAuth tokens: 2 workspaces, 1 policy set"
        );
        assert_eq!(dangling.fix, "tfvcs token relink ot-gone --to <ot-…>");
        let app = get("app-missing");
        assert_eq!(app.subject.kind, "github-app-installations");
        assert!(
            app.detail.contains("gone, or this user cannot see it"),
            "{}",
            app.detail
        );
        assert!(app.fix.starts_with("tfvcs token relink ghain-gone --to"));
        let ado = get("ado-global-pat");
        assert_eq!(ado.client.as_ref().unwrap().name.as_deref(), Some("azure"));
        assert_eq!(
            ado.fix,
            "tfvcs client set-pat oc-ado --ado-org-name <ORG> --pat-file -"
        );
        assert!(
            ado.detail.ends_with("used by 1 workspace"),
            "{}",
            ado.detail
        );
        let unfinished = get("no-token");
        assert!(
            unfinished
                .fix
                .starts_with("finish the connection in the UI"),
            "{}",
            unfinished.fix
        );
        let age = get("pat-age");
        assert_eq!(age.subject.kind, "oauth-tokens");
        assert_eq!(age.fix, "tfvcs client set-pat oc-bb");
        assert!(
            age.detail
                .starts_with("created 2025-06-01, 551 days ago (more than 335)"),
            "{}",
            age.detail
        );
        let scope = get("project-scope");
        assert_eq!(
            scope.subject,
            Subject {
                kind: "workspaces",
                id: "ws-storefront".into()
            }
        );
        assert_eq!(scope.fix, "tfvcs client add-projects oc-scoped prj-apps");
        let many = get("many-tokens");
        assert!(
            many.detail
                .contains("ot-r1 (used by 1 workspace), ot-r2 (unused)"),
            "{}",
            many.detail
        );
        assert_eq!(
            many.fix,
            "tfvcs token usage ot-r1 ot-r2, then `tfvcs token delete` the unused one"
        );
        assert_eq!(get("unused").severity(), Severity::Note);
        assert!(
            !report.findings.iter().any(|f| f.check == Check::VcsRefused),
            "only with --live"
        );
    }

    #[test]
    fn a_healthy_organization_gives_no_finding() {
        let clients = vec![client(
            "oc-ok",
            json!({"service-provider": "github"}),
            &["ot-ok"],
            &[],
        )];
        let mut doctor = Doctor::new(
            clients,
            vec![token("ot-ok", "oc-ok", "2026-11-01T00:00:00Z")],
            &Kind::ALL,
        );
        doctor.observe(&resource(
            Kind::Workspace,
            "ws-a",
            Some("prj-a"),
            via("ot-ok"),
        ));
        assert!(doctor.tokens_in_use() == ["ot-ok"]);
        let mut answers = answers(&doctor);
        answers.live.insert("ot-ok".into(), Live::Ok);
        let report = doctor.report(&answers, &options());
        assert_eq!(report.findings, []);
        assert!(!report.fails(true));
        assert_eq!(
            report.summary(),
            "doctor: no problems found; 1 connection, 1 resource (1 workspace, 0 policy sets, 0 modules, 0 Stacks)"
        );
    }

    #[test]
    fn pat_age_respects_max_age_and_ignores_clients_with_a_key() {
        let make = |key: Option<&str>| {
            let clients = vec![client(
                "oc-a",
                json!({"service-provider": "github", "key": key}),
                &["ot-a"],
                &[],
            )];
            let mut d = Doctor::new(
                clients,
                vec![token("ot-a", "oc-a", "2026-01-01T00:00:00Z")],
                &[Kind::Workspace],
            );
            d.observe(&resource(Kind::Workspace, "ws-a", None, via("ot-a")));
            d
        };
        let age = |key: Option<&str>, max: i64| {
            let d = make(key);
            let a = answers(&d);
            let report = d.report(
                &a,
                &Options {
                    max_age_days: max,
                    ..options()
                },
            );
            rows(&report)
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>()
        };
        assert_eq!(age(None, 335), ["pat-age"], "337 days old");
        assert_eq!(age(None, 337), Vec::<&str>::new(), "not more than 337");
        assert_eq!(age(None, 336), ["pat-age"]);
        assert_eq!(
            age(Some("Iv1.key"), 30),
            Vec::<&str>::new(),
            "an OAuth app's token"
        );
    }

    #[test]
    fn ado_global_pat_ignores_named_and_key_based_clients() {
        let checks = |attributes: Value| {
            let clients = vec![client("oc-a", attributes, &["ot-a"], &[])];
            let mut d = Doctor::new(clients, vec![], &[Kind::Workspace]);
            d.observe(&resource(Kind::Workspace, "ws-a", None, via("ot-a")));
            let a = answers(&d);
            rows(&d.report(&a, &options()))
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            checks(json!({"service-provider": "ado_services"})),
            ["ado-global-pat"]
        );
        assert_eq!(
            checks(json!({"service-provider": "ado_services", "ado-org-name": "acme"})),
            Vec::<&str>::new()
        );
        assert_eq!(
            checks(json!({"service-provider": "ado_services", "key": "app-key"})),
            Vec::<&str>::new()
        );
        assert_eq!(
            checks(json!({"service-provider": "ado_server"})),
            Vec::<&str>::new()
        );
    }

    /// A doctor over one client, `oc-s` with its token `ot-s`, offered only in `projects`.
    fn scoped_to(projects: &[&str]) -> Doctor {
        let clients = vec![client(
            "oc-s",
            json!({"service-provider": "github", "organization-scoped": false}),
            &["ot-s"],
            projects,
        )];
        Doctor::new(clients, vec![], &Kind::ALL)
    }

    #[test]
    fn project_scope_uses_the_resource_project_and_skips_resources_without_one() {
        let mut d = scoped_to(&["prj-in"]);
        d.observe(&resource(
            Kind::Workspace,
            "ws-in",
            Some("prj-in"),
            via("ot-s"),
        ));
        d.observe(&resource(
            Kind::Workspace,
            "ws-out",
            Some("prj-out"),
            via("ot-s"),
        ));
        d.observe(&resource(Kind::PolicySet, "polset-none", None, via("ot-s")));
        let a = answers(&d);
        let report = d.report(&a, &options());
        assert_eq!(rows(&report), [("project-scope", "ws-out")]);
        assert_eq!(
            report.findings[0].fix,
            "tfvcs client add-projects oc-s prj-out"
        );
    }

    #[test]
    fn project_scope_lists_workspaces_before_stacks_whatever_order_they_arrive_in() {
        let mut d = scoped_to(&[]);
        d.observe(&resource(Kind::Stack, "st-a", Some("prj-x"), via("ot-s")));
        d.observe(&resource(
            Kind::Workspace,
            "ws-b",
            Some("prj-x"),
            via("ot-s"),
        ));
        d.observe(&resource(Kind::Stack, "st-c", Some("prj-x"), via("ot-s")));
        let a = answers(&d);
        let report = d.report(&a, &options());
        assert_eq!(
            rows(&report),
            [
                ("project-scope", "ws-b"),
                ("project-scope", "st-a"),
                ("project-scope", "st-c")
            ]
        );
    }

    #[test]
    fn client_narrows_the_report_and_leaves_out_ids_of_no_client() {
        let doctor = drifted();
        let answers = answers(&doctor);
        let report = doctor.report(
            &answers,
            &Options {
                only_clients: vec!["oc-two".into(), "oc-left".into()],
                ..options()
            },
        );
        assert_eq!(
            rows(&report),
            [("many-tokens", "oc-two"), ("unused", "oc-left")]
        );
        assert_eq!(report.connections, 2);
        assert_eq!(
            report.resources[&Kind::Workspace],
            10,
            "the walks are whole"
        );
    }

    #[test]
    fn a_ghain_that_answers_is_not_missing_and_a_token_of_an_unlisted_client_not_dangling() {
        let mut d = Doctor::new(
            vec![],
            vec![token("ot-orphan", "oc-elsewhere", "2026-11-01T00:00:00Z")],
            &[Kind::Workspace],
        );
        d.observe(&resource(Kind::Workspace, "ws-a", None, via("ot-orphan")));
        d.observe(&resource(
            Kind::Workspace,
            "ws-b",
            None,
            json!({"identifier": "a/b", "github-app-installation-id": "ghain-ok"}),
        ));
        assert_eq!(d.installations(), ["ghain-ok"]);
        let report = d.report(&Answers::default(), &options());
        assert_eq!(report.findings, []);
    }

    #[test]
    fn strict_fails_on_warnings_too() {
        let clients = vec![client(
            "oc-a",
            json!({"service-provider": "github"}),
            &["ot-a", "ot-b"],
            &[],
        )];
        let mut d = Doctor::new(clients, vec![], &[Kind::Workspace]);
        d.observe(&resource(Kind::Workspace, "ws-a", None, via("ot-a")));
        let report = d.report(&Answers::default(), &options());
        assert_eq!(rows(&report), [("many-tokens", "oc-a")]);
        assert!(!report.fails(false));
        assert!(report.fails(true));
    }
}
