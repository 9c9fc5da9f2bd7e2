//! The kinds of resource that link a repository through a connection (SPEC §10), as one table,
//! the only statement of the set on the client side: what each is called (on `--kind`, in the
//! KIND column, in sentences), where its list is, how its items are named, whether a listed
//! item must be read on its own, whether the organization must enable it before it is walked,
//! how one is read, whether its repository must be named after it, where a PATCH goes, which
//! `vcs-repo` keys it repeats and how it names a GitHub App.
//! Everything else iterates `KINDS`; adding a kind means adding a row here.

use serde_json::{Map, Value, json};

use super::connection::Connection;
use crate::api::client::segment;
use crate::shared::ids::{has_id_shape, is_path_safe};

/// Workspaces, policy sets, private registry modules and Stacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Workspace,
    PolicySet,
    Module,
    Stack,
}

/// Where one resource of a kind is read or patched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResourcePath {
    /// `/<collection>/:id`
    ById(&'static str),
    /// `/organizations/:org/registry-modules/private/:namespace/:name/:provider`
    PrivateModule,
}

/// How an item of a kind is named in the NAME column and by `--workspace NAME`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameRule {
    /// Its `name` attribute.
    Name,
    /// `namespace/name/provider`, as the registry shows a module.
    NamespaceNameProvider,
}

/// One row of the table.
#[derive(Debug)]
pub(crate) struct KindSpec {
    pub(crate) kind: Kind,
    /// As `--kind` spells it and the KIND column shows it.
    pub(crate) label: &'static str,
    /// What `--kind LABEL` means, in `--help` and completions.
    pub(crate) help: &'static str,
    /// In the relink summary: `1 policy set`, `2 policy sets`.
    pub(crate) singular: &'static str,
    pub(crate) plural: &'static str,
    /// The JSON:API `type` of the resource and of its PATCH document.
    pub(crate) resource_type: &'static str,
    /// What its ids start with.
    pub(crate) id_prefix: &'static str,
    /// The list below `/organizations/:org/`.
    pub(crate) list: &'static str,
    pub(crate) name: NameRule,
    /// A private item listed without a `vcs-repo` key says nothing about its repository and
    /// is read on its own (TFE's documented module list samples carry none).
    pub(crate) reads_items_listed_without_vcs_repo: bool,
    /// TFE may queue a run on each relinked resource of this kind.
    pub(crate) queues_runs: bool,
    /// `token relink --LABEL NAME|ID` narrows a relink to resources of this kind.
    pub(crate) relink_narrows_by_name: bool,
    /// Its name and provider come from its repository's name, `terraform-<provider>-<name>`,
    /// and TFE keeps them: a move may only give it a repository named so.
    pub(crate) repository_named_after_it: bool,
    /// The boolean attribute of `GET /organizations/:org` that must be true for this kind to
    /// be walked when `--kind` does not name it: an organization without the feature, or an
    /// older TFE, has no such list (`None`: always walked).
    pub(crate) walked_when_organization_says: Option<&'static str>,
    /// How one resource is read on its own: a relink reads each again right before its PATCH
    /// (the plan may be minutes old), and an item listed without its `vcs-repo` is read.
    read: ResourcePath,
    patch: ResourcePath,
    /// The `vcs-repo` keys a PATCH repeats from the resource, so the server keeps them.
    pub(crate) repeats: &'static [Repeat],
    /// What a PATCH to a GitHub App installation does with `oauth-token-id`.
    pub(crate) token_beside_app: TokenBesideApp,
}

/// How a PATCH that names a GitHub App installation treats the old token (SPEC §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenBesideApp {
    /// `"oauth-token-id": null`: the schema allows null, and it clears the token.
    Null,
    /// No `oauth-token-id` key: the schema allows no null there, and naming the App alone
    /// re-points the resource.
    Omitted,
}

/// A `vcs-repo` key a relink PATCH carries over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Repeat {
    pub(crate) key: &'static str,
    /// Sent only when it has a value (not null, not `""`).
    pub(crate) only_when_set: bool,
}

const fn always(key: &'static str) -> Repeat {
    Repeat {
        key,
        only_when_set: false,
    }
}

const fn when_set(key: &'static str) -> Repeat {
    Repeat {
        key,
        only_when_set: true,
    }
}

/// The table, in the order rows are shown: workspaces, policy sets, modules, then Stacks.
pub(crate) const KINDS: [KindSpec; 4] = [
    KindSpec {
        kind: Kind::Workspace,
        label: "workspace",
        help: "Workspaces",
        singular: "workspace",
        plural: "workspaces",
        resource_type: "workspaces",
        id_prefix: "ws-",
        list: "workspaces",
        name: NameRule::Name,
        reads_items_listed_without_vcs_repo: false,
        queues_runs: true,
        relink_narrows_by_name: true,
        repository_named_after_it: false,
        walked_when_organization_says: None,
        read: ResourcePath::ById("workspaces"),
        patch: ResourcePath::ById("workspaces"),
        repeats: &[
            always("identifier"),
            always("branch"),
            always("ingress-submodules"),
            when_set("tags-regex"),
        ],
        token_beside_app: TokenBesideApp::Null,
    },
    KindSpec {
        kind: Kind::PolicySet,
        label: "policy-set",
        help: "VCS-backed policy sets",
        singular: "policy set",
        plural: "policy sets",
        resource_type: "policy-sets",
        id_prefix: "polset-",
        list: "policy-sets",
        name: NameRule::Name,
        reads_items_listed_without_vcs_repo: false,
        queues_runs: false,
        relink_narrows_by_name: false,
        repository_named_after_it: false,
        walked_when_organization_says: None,
        read: ResourcePath::ById("policy-sets"),
        patch: ResourcePath::ById("policy-sets"),
        repeats: &[
            always("identifier"),
            always("branch"),
            always("ingress-submodules"),
        ],
        token_beside_app: TokenBesideApp::Null,
    },
    KindSpec {
        kind: Kind::Module,
        label: "module",
        help: "Private registry modules published from a repository",
        singular: "module",
        plural: "modules",
        resource_type: "registry-modules",
        id_prefix: "mod-",
        list: "registry-modules",
        name: NameRule::NamespaceNameProvider,
        reads_items_listed_without_vcs_repo: true,
        queues_runs: false,
        relink_narrows_by_name: false,
        repository_named_after_it: true,
        walked_when_organization_says: None,
        read: ResourcePath::PrivateModule,
        patch: ResourcePath::PrivateModule,
        // The server derives display-identifier; an empty branch means tag-based publishing,
        // which sending `""` could change.
        repeats: &[always("identifier"), when_set("branch")],
        token_beside_app: TokenBesideApp::Omitted,
    },
    KindSpec {
        kind: Kind::Stack,
        label: "stack",
        help: "Stacks (walked without --kind only when the organization has Stacks enabled)",
        singular: "Stack",
        plural: "Stacks",
        resource_type: "stacks",
        id_prefix: "st-",
        list: "stacks",
        name: NameRule::Name,
        reads_items_listed_without_vcs_repo: false,
        queues_runs: false,
        relink_narrows_by_name: false,
        repository_named_after_it: false,
        walked_when_organization_says: Some("stacks-enabled"),
        read: ResourcePath::ById("stacks"),
        patch: ResourcePath::ById("stacks"),
        // A Stack PATCH without `branch` (or with `""`) falls back to the repository's
        // default branch, so the branch is always sent as it is.
        repeats: &[
            always("identifier"),
            always("branch"),
            when_set("tags-regex"),
        ],
        token_beside_app: TokenBesideApp::Omitted,
    },
];

impl Kind {
    pub(crate) const ALL: [Kind; 4] = [Kind::Workspace, Kind::PolicySet, Kind::Module, Kind::Stack];

    pub(crate) fn spec(self) -> &'static KindSpec {
        KINDS
            .iter()
            .find(|s| s.kind == self)
            .expect("every kind has a row")
    }

    pub(crate) fn label(self) -> &'static str {
        self.spec().label
    }

    /// The kind `--kind` spells `label`.
    pub(crate) fn from_label(label: &str) -> Option<Kind> {
        KINDS.iter().find(|s| s.label == label).map(|s| s.kind)
    }

    /// How many of each kind `kinds` holds, in table order, zeros left out:
    /// `2 workspaces, 1 policy set, 1 module` (empty when `kinds` is).
    pub(crate) fn counted(kinds: impl Iterator<Item = Kind>) -> String {
        let kinds: Vec<Kind> = kinds.collect();
        KINDS
            .iter()
            .filter_map(
                |spec| match kinds.iter().filter(|k| **k == spec.kind).count() {
                    0 => None,
                    1 => Some(format!("1 {}", spec.singular)),
                    n => Some(format!("{n} {}", spec.plural)),
                },
            )
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The kinds `--kind` asked for, in table order; none means all.
    pub(crate) fn asked(asked: &[Kind]) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|kind| asked.is_empty() || asked.contains(kind))
            .collect()
    }

    /// The kind `token relink` narrows by name (`--workspace`).
    pub(crate) fn narrowed_by_name() -> Kind {
        // `every_kind_has_one_row_in_display_order` checks that exactly one row says so.
        KINDS
            .iter()
            .find(|s| s.relink_narrows_by_name)
            .map_or(Kind::ALL[0], |s| s.kind)
    }

    /// What a path to one item is built from, for the message when it cannot be.
    pub(crate) fn path_parts(self) -> &'static str {
        match self.spec().patch {
            ResourcePath::ById(_) => "id of its kind's shape",
            ResourcePath::PrivateModule => "namespace, name or provider",
        }
    }

    /// `GET /organizations/:org/<list>`.
    pub(crate) fn list_path(self, org: &str) -> String {
        format!("/organizations/{}/{}", segment(org), self.spec().list)
    }

    /// Where the PATCH for `resource` goes; `None` for an id not of the kind's shape, or a
    /// module whose list item lacks its namespace, name or provider or has one that is not
    /// path-safe. Percent-encoding cannot neutralise a `..` segment (servers resolve it, also
    /// as `%2E%2E`), so a server-sent `ws-1/..` or module namespace `..` would aim a write at
    /// another resource.
    pub(crate) fn patch_path(self, org: &str, resource: &Value) -> Option<String> {
        self.path(self.spec().patch, org, resource)
    }

    /// Where `resource` is read on its own (`GET`); `None` as for [`Kind::patch_path`].
    pub(crate) fn read_path(self, org: &str, resource: &Value) -> Option<String> {
        self.path(self.spec().read, org, resource)
    }

    fn path(self, path: ResourcePath, org: &str, resource: &Value) -> Option<String> {
        match path {
            ResourcePath::ById(collection) => {
                let id = resource
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| has_id_shape(id, self.spec().id_prefix))?;
                Some(format!("/{collection}/{}", segment(id)))
            }
            ResourcePath::PrivateModule => Some(module_path(org, resource)?),
        }
    }

    /// `{"data": {"type": …, "attributes": {"vcs-repo": {repeated keys…, target}}}}`.
    pub(crate) fn patch_body(self, vcs_repo: &Map<String, Value>, target: &Connection) -> Value {
        let mut repo = Map::new();
        for repeat in self.spec().repeats {
            match vcs_repo.get(repeat.key) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) if s.is_empty() && repeat.only_when_set => {}
                Some(value) => {
                    repo.insert(repeat.key.into(), value.clone());
                }
            }
        }
        match target {
            Connection::Token(id) => {
                repo.insert("oauth-token-id".into(), json!(id));
            }
            Connection::GithubApp(id) => {
                repo.insert("github-app-installation-id".into(), json!(id));
                if self.spec().token_beside_app == TokenBesideApp::Null {
                    repo.insert("oauth-token-id".into(), Value::Null);
                }
            }
        }
        json!({"data": {"type": self.spec().resource_type, "attributes": {"vcs-repo": repo}}})
    }
}

/// `/organizations/:org/registry-modules/private/:namespace/:name/:provider`, the path of a
/// private module's GET and PATCH.
pub(crate) fn module_path(org: &str, module: &Value) -> Option<String> {
    let attr = |key: &str| {
        module
            .pointer(&format!("/attributes/{key}"))
            .and_then(Value::as_str)
            .filter(|s| is_path_safe(s))
    };
    Some(format!(
        "/organizations/{}/registry-modules/private/{}/{}/{}",
        segment(org),
        segment(attr("namespace")?),
        segment(attr("name")?),
        segment(attr("provider")?)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn every_kind_has_one_row_in_display_order() {
        let kinds: Vec<Kind> = KINDS.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, Kind::ALL);
        assert_eq!(Kind::PolicySet.label(), "policy-set");
        assert_eq!(Kind::from_label("policy-set"), Some(Kind::PolicySet));
        assert_eq!(Kind::from_label("stack"), Some(Kind::Stack));
        assert_eq!(Kind::from_label("stacks"), None);
        let switched: Vec<(Kind, &str)> = KINDS
            .iter()
            .filter_map(|s| Some((s.kind, s.walked_when_organization_says?)))
            .collect();
        assert_eq!(switched, [(Kind::Stack, "stacks-enabled")]);
        let by_name: Vec<Kind> = KINDS
            .iter()
            .filter(|s| s.relink_narrows_by_name)
            .map(|s| s.kind)
            .collect();
        assert_eq!(by_name, [Kind::Workspace]);
        assert_eq!(Kind::narrowed_by_name(), Kind::Workspace);
        assert_eq!(Kind::asked(&[]), Kind::ALL);
        assert_eq!(
            Kind::asked(&[Kind::Module, Kind::Workspace]),
            [Kind::Workspace, Kind::Module]
        );
    }

    #[test]
    fn workspace_patch_repeats_its_settings_and_names_the_token() {
        let vcs = repo(json!({
            "branch": "", "display-identifier": "example/terraform-test-proj",
            "identifier": "example/terraform-test-proj", "ingress-submodules": false,
            "oauth-token-id": "ot-hmAyP66qk2AMVdbJ", "tags-regex": null,
            "webhook-url": "https://app.terraform.io/webhooks/vcs/x"
        }));
        let body = Kind::Workspace.patch_body(&vcs, &Connection::Token("ot-NEW".into()));
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"data":{"type":"workspaces","attributes":{"vcs-repo":{"identifier":"example/terraform-test-proj","branch":"","ingress-submodules":false,"oauth-token-id":"ot-NEW"}}}}"#
        );
    }

    #[test]
    fn workspace_patch_keeps_a_tags_regex_and_clears_the_token_for_an_app() {
        let vcs = repo(
            json!({"identifier": "o/r", "branch": "main", "ingress-submodules": true,
                              "tags-regex": "^v\\d+$", "oauth-token-id": "ot-OLD"}),
        );
        let body = Kind::Workspace.patch_body(&vcs, &Connection::GithubApp("ghain-NEW".into()));
        assert_eq!(
            body["data"]["attributes"]["vcs-repo"],
            json!({"identifier": "o/r", "branch": "main", "ingress-submodules": true,
                   "tags-regex": "^v\\d+$", "github-app-installation-id": "ghain-NEW",
                   "oauth-token-id": null})
        );
    }

    #[test]
    fn policy_set_and_module_patches_repeat_their_own_keys() {
        let vcs = repo(
            json!({"branch": "master", "identifier": "hashicorp/my-policy-sets",
                              "ingress-submodules": false, "oauth-token-id": "ot-OLD"}),
        );
        let body = Kind::PolicySet.patch_body(&vcs, &Connection::Token("ot-NEW".into()));
        assert_eq!(body["data"]["type"], "policy-sets");
        assert_eq!(
            body["data"]["attributes"]["vcs-repo"],
            json!({"identifier": "hashicorp/my-policy-sets", "branch": "master",
                   "ingress-submodules": false, "oauth-token-id": "ot-NEW"})
        );
        let module = repo(json!({"branch": "", "ingress-submodules": true,
                                 "identifier": "lafentres/terraform-aws-my-module",
                                 "display-identifier": "lafentres/terraform-aws-my-module",
                                 "oauth-token-id": "ot-OLD"}));
        let body = Kind::Module.patch_body(&module, &Connection::GithubApp("ghain-NEW".into()));
        assert_eq!(body["data"]["type"], "registry-modules");
        assert_eq!(
            body["data"]["attributes"]["vcs-repo"],
            json!({"identifier": "lafentres/terraform-aws-my-module",
                   "github-app-installation-id": "ghain-NEW"}),
            "a module's schema allows no null oauth-token-id: the key is left out"
        );
    }

    #[test]
    fn a_stack_patch_always_resends_its_branch_and_keeps_a_tags_regex() {
        let vcs = repo(
            json!({"identifier": "acme/platform", "display-identifier": "acme/platform",
                              "branch": "release", "tags-regex": "^v\\d+$",
                              "sparse-checkout-pattern": null, "oauth-token-id": "ot-OLD",
                              "repository-http-url": "https://github.com/acme/platform",
                              "service-provider": "github", "trigger-disabled": false}),
        );
        let body = Kind::Stack.patch_body(&vcs, &Connection::Token("ot-NEW".into()));
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"data":{"type":"stacks","attributes":{"vcs-repo":{"identifier":"acme/platform","branch":"release","tags-regex":"^v\\d+$","oauth-token-id":"ot-NEW"}}}}"#
        );
        let default_branch = repo(json!({"identifier": "acme/platform", "branch": "",
                                         "tags-regex": null, "oauth-token-id": "ot-OLD"}));
        let body =
            Kind::Stack.patch_body(&default_branch, &Connection::GithubApp("ghain-NEW".into()));
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"data":{"type":"stacks","attributes":{"vcs-repo":{"identifier":"acme/platform","branch":"","github-app-installation-id":"ghain-NEW"}}}}"#,
            "an empty branch is sent too, and a GitHub App target has no oauth-token-id key"
        );
    }

    #[test]
    fn an_app_patch_clears_the_token_with_null_only_where_the_schema_allows_null() {
        let vcs = repo(json!({"identifier": "o/r", "branch": "main", "oauth-token-id": "ot-OLD"}));
        let app = Connection::GithubApp("ghain-NEW".into());
        for spec in &KINDS {
            let body = spec.kind.patch_body(&vcs, &app);
            let sent = &body["data"]["attributes"]["vcs-repo"];
            assert_eq!(sent["github-app-installation-id"], "ghain-NEW");
            match spec.token_beside_app {
                TokenBesideApp::Null => assert_eq!(sent.get("oauth-token-id"), Some(&Value::Null)),
                TokenBesideApp::Omitted => assert_eq!(sent.get("oauth-token-id"), None),
            }
        }
        let rule = |kind: Kind| kind.spec().token_beside_app;
        assert_eq!(rule(Kind::Workspace), TokenBesideApp::Null);
        assert_eq!(rule(Kind::PolicySet), TokenBesideApp::Null);
        assert_eq!(rule(Kind::Module), TokenBesideApp::Omitted);
        assert_eq!(rule(Kind::Stack), TokenBesideApp::Omitted);
    }

    #[test]
    fn patch_paths_per_kind() {
        let ws = json!({"id": "ws-KTuq99JSzgmDSvYj"});
        assert_eq!(
            Kind::Workspace.patch_path("org", &ws).unwrap(),
            "/workspaces/ws-KTuq99JSzgmDSvYj"
        );
        let ps = json!({"id": "polset-3yVQZvHzf5j3WRJ1"});
        assert_eq!(
            Kind::PolicySet.patch_path("org", &ps).unwrap(),
            "/policy-sets/polset-3yVQZvHzf5j3WRJ1"
        );
        let module = json!({"id": "mod-fZn7uHu99ZCpAKZJ", "attributes": {
            "name": "my-module", "namespace": "my-organization", "provider": "aws"}});
        assert_eq!(
            Kind::Module.patch_path("my-organization", &module).unwrap(),
            "/organizations/my-organization/registry-modules/private/my-organization/my-module/aws"
        );
        assert_eq!(Kind::Module.patch_path("o", &json!({"id": "mod-x"})), None);
        assert_eq!(
            Kind::Stack
                .patch_path("o", &json!({"id": "st-kJcSJemafdBCPw3B"}))
                .unwrap(),
            "/stacks/st-kJcSJemafdBCPw3B"
        );
        assert_eq!(Kind::Stack.patch_path("o", &json!({"id": "st-1/.."})), None);
        for id in ["ws-1/../x", "ws-..", "..", "ot-abc", ""] {
            assert_eq!(
                Kind::Workspace.patch_path("o", &json!({"id": id})),
                None,
                "{id}"
            );
        }
        assert_eq!(
            Kind::PolicySet.patch_path("o", &json!({"id": "polset-1%2F"})),
            None
        );
        for part in ["..", ".", "a/b", "a%2Fb"] {
            let module = json!({"attributes": {"namespace": "o", "name": part, "provider": "aws"}});
            assert_eq!(Kind::Module.patch_path("o", &module), None, "{part}");
        }
    }
}
