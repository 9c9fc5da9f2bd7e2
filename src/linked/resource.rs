//! One resource that links a repository (a workspace, policy set, module or Stack) as the
//! server sent it, with the fields `usage` and `relink` read from it.

use serde_json::{Map, Value};

use super::connection::{Connection, named_by};
use super::kind::{Kind, NameRule};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Linked {
    pub(crate) kind: Kind,
    /// The resource as sent: a list item, or a module's own GET.
    pub(crate) resource: Value,
}

fn non_empty(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).filter(|s| !s.is_empty())
}

impl Linked {
    pub(crate) fn new(kind: Kind, resource: Value) -> Linked {
        Linked { kind, resource }
    }

    pub(crate) fn id(&self) -> &str {
        self.resource
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    fn attribute(&self, key: &str) -> Option<&Value> {
        self.resource.get("attributes")?.get(key)
    }

    /// The name; a module's is `namespace/name/provider`, as the registry shows it.
    pub(crate) fn name(&self) -> String {
        let text = |key| non_empty(self.attribute(key)).unwrap_or("-");
        match self.kind.spec().name {
            NameRule::NamespaceNameProvider => format!(
                "{}/{}/{}",
                text("namespace"),
                text("name"),
                text("provider")
            ),
            NameRule::Name => text("name").to_string(),
        }
    }

    /// The `vcs-repo` object; `None` when absent or null.
    pub(crate) fn vcs_repo(&self) -> Option<&Map<String, Value>> {
        self.attribute("vcs-repo").and_then(Value::as_object)
    }

    /// A list item of a kind whose lists may omit `vcs-repo` (modules: TFE's documented list
    /// samples carry none), without that key at all, says nothing about its repository: a
    /// private one must be read on its own. Public modules never link a repository.
    pub(crate) fn needs_own_read(&self) -> bool {
        self.kind.spec().reads_items_listed_without_vcs_repo
            && self.attribute("vcs-repo").is_none()
            && self.attribute("registry-name").and_then(Value::as_str) == Some("private")
    }

    /// `display-identifier`, else `identifier`.
    pub(crate) fn repository(&self) -> Option<&str> {
        let repo = self.vcs_repo()?;
        non_empty(repo.get("display-identifier")).or_else(|| non_empty(repo.get("identifier")))
    }

    /// The branch; `None` for the default branch (`""` or null).
    pub(crate) fn branch(&self) -> Option<&str> {
        non_empty(self.vcs_repo()?.get("branch"))
    }

    /// The `ot-…` or `ghain-…` id its `vcs-repo` names.
    pub(crate) fn connection(&self) -> Option<&str> {
        named_by(self.vcs_repo()?)
    }

    /// Whether its `vcs-repo` names one of `connections`.
    pub(crate) fn uses_any(&self, connections: &[Connection]) -> bool {
        self.vcs_repo()
            .is_some_and(|repo| connections.iter().any(|c| c.is_named_by(repo)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_module_is_named_namespace_name_provider() {
        let module = Linked::new(
            Kind::Module,
            json!({"id": "mod-kwt1cBiX2SdDz38w", "attributes": {"name": "api-gateway",
                   "namespace": "my-organization", "provider": "alicloud",
                   "registry-name": "private"}}),
        );
        assert_eq!(module.name(), "my-organization/api-gateway/alicloud");
        assert!(module.needs_own_read());
        assert_eq!(module.repository(), None);
    }

    #[test]
    fn only_private_modules_without_a_vcs_repo_key_need_a_read() {
        let public = Linked::new(
            Kind::Module,
            json!({"attributes": {"registry-name": "public"}}),
        );
        let non_vcs = Linked::new(
            Kind::Module,
            json!({"attributes": {"registry-name": "private", "vcs-repo": null}}),
        );
        let ws = Linked::new(Kind::Workspace, json!({"attributes": {}}));
        assert!(!public.needs_own_read());
        assert!(!non_vcs.needs_own_read());
        assert!(!ws.needs_own_read());
    }

    #[test]
    fn repository_branch_and_connection_of_a_workspace() {
        let ws = Linked::new(
            Kind::Workspace,
            json!({"id": "ws-1", "attributes": {"name": "w", "vcs-repo": {
                "branch": "", "identifier": "example/proj", "display-identifier": "Example/Proj",
                "oauth-token-id": "ot-hmAyP66qk2AMVdbJ"}}}),
        );
        assert_eq!(ws.repository(), Some("Example/Proj"));
        assert_eq!(ws.branch(), None);
        assert_eq!(ws.connection(), Some("ot-hmAyP66qk2AMVdbJ"));
        assert!(ws.uses_any(&[Connection::Token("ot-hmAyP66qk2AMVdbJ".into())]));
        assert!(!ws.uses_any(&[Connection::Token("ot-other".into())]));
        let unlinked = Linked::new(Kind::Workspace, json!({"attributes": {"vcs-repo": null}}));
        assert!(!unlinked.uses_any(&[Connection::Token("ot-hmAyP66qk2AMVdbJ".into())]));
    }
}
