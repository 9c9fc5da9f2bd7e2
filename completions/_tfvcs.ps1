
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'tfvcs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'tfvcs'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'tfvcs' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'OAuth clients: the connections between an organization and a VCS provider')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'OAuth tokens: the ids a workspace''s vcs-repo points at')
            [CompletionResult]::new('github-app', 'github-app', [CompletionResultType]::ParameterValue, 'GitHub App installations the API token''s user can link repositories through')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Which connections are broken, about to break or unused, and what they take down')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Where the host, token and organization come from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local TFE-compatible API for VCS connections (in memory)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;client' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organization''s OAuth clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth client')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an OAuth client (a VCS connection)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an OAuth client''s name, keys, scope, projects or agent pool')
            [CompletionResult]::new('set-pat', 'set-pat', [CompletionResultType]::ParameterValue, 'Replace the stored personal access token (rotation)')
            [CompletionResult]::new('add-projects', 'add-projects', [CompletionResultType]::ParameterValue, 'Make the client usable by these projects')
            [CompletionResult]::new('remove-projects', 'remove-projects', [CompletionResultType]::ParameterValue, 'Stop these projects from using the client')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth client, after finding everything that uses it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;client;list' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;show' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;create' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'VCS provider (required unless the payload names one)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name of the connection')
            [CompletionResult]::new('--http-url', '--http-url', [CompletionResultType]::ParameterName, 'VCS homepage URL (defaults for github, gitlab_hosted, bitbucket_hosted, ado_services)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'VCS API URL (derived from --http-url when omitted)')
            [CompletionResult]::new('--pat-file', '--pat-file', [CompletionResultType]::ParameterName, 'File holding the personal access token, or - for stdin [else env: TFVCS_PAT]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'OAuth consumer / application key (Bitbucket Data Center: the app link''s consumer key)')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'File holding the OAuth secret (Bitbucket Data Center: the app link''s private key)')
            [CompletionResult]::new('--rsa-public-key-file', '--rsa-public-key-file', [CompletionResultType]::ParameterName, 'File holding the app link''s RSA public key (Bitbucket Data Center / Server)')
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'File holding the SSH private key (Azure DevOps Server only, required there)')
            [CompletionResult]::new('--ado-org-name', '--ado-org-name', [CompletionResultType]::ParameterName, 'Azure DevOps organization an organization-scoped PAT belongs to (ado_services only)')
            [CompletionResult]::new('--org-scoped', '--org-scoped', [CompletionResultType]::ParameterName, 'Usable by every project (true) or only by the --project list (false)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project allowed to use the client: a prj-… id or a project name (repeatable)')
            [CompletionResult]::new('--agent-pool', '--agent-pool', [CompletionResultType]::ParameterName, 'Agent pool with Private VCS access')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'JSON:API document like the guide''s payload.json; flags override its attributes')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'New OAuth consumer / application key')
            [CompletionResult]::new('--secret-file', '--secret-file', [CompletionResultType]::ParameterName, 'File holding the new OAuth secret, or - for stdin')
            [CompletionResult]::new('--rsa-public-key-file', '--rsa-public-key-file', [CompletionResultType]::ParameterName, 'File holding the new RSA public key, or - for stdin')
            [CompletionResult]::new('--ado-org-name', '--ado-org-name', [CompletionResultType]::ParameterName, 'Azure DevOps organization an organization-scoped PAT belongs to')
            [CompletionResult]::new('--org-scoped', '--org-scoped', [CompletionResultType]::ParameterName, 'Usable by every project (true) or only by its projects (false)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project allowed to use the client: a prj-… id or a project name (repeatable; replaces the set)')
            [CompletionResult]::new('--agent-pool', '--agent-pool', [CompletionResultType]::ParameterName, 'Agent pool with Private VCS access, or none to detach it')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--clear-ado-org-name', '--clear-ado-org-name', [CompletionResultType]::ParameterName, 'Remove the Azure DevOps organization name (for a global PAT)')
            [CompletionResult]::new('--clear-projects', '--clear-projects', [CompletionResultType]::ParameterName, 'Remove every project from the client')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;set-pat' {
            [CompletionResult]::new('--pat-file', '--pat-file', [CompletionResultType]::ParameterName, 'File holding the new personal access token, or - for stdin [else env: TFVCS_PAT]')
            [CompletionResult]::new('--ado-org-name', '--ado-org-name', [CompletionResultType]::ParameterName, 'The Azure DevOps organization the new PAT belongs to (an organization-scoped PAT), sent in the same request (ado_services)')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;add-projects' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;remove-projects' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;usage' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind of resource (repeatable) [default: all]')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;delete' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking, if nothing uses it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking, if nothing uses it')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --yes, delete even what resources still use (they lose their connection)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;client;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organization''s OAuth clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth client')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an OAuth client (a VCS connection)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an OAuth client''s name, keys, scope, projects or agent pool')
            [CompletionResult]::new('set-pat', 'set-pat', [CompletionResultType]::ParameterValue, 'Replace the stored personal access token (rotation)')
            [CompletionResult]::new('add-projects', 'add-projects', [CompletionResultType]::ParameterValue, 'Make the client usable by these projects')
            [CompletionResult]::new('remove-projects', 'remove-projects', [CompletionResultType]::ParameterValue, 'Stop these projects from using the client')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth client, after finding everything that uses it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;client;help;list' {
            break
        }
        'tfvcs;client;help;show' {
            break
        }
        'tfvcs;client;help;create' {
            break
        }
        'tfvcs;client;help;update' {
            break
        }
        'tfvcs;client;help;set-pat' {
            break
        }
        'tfvcs;client;help;add-projects' {
            break
        }
        'tfvcs;client;help;remove-projects' {
            break
        }
        'tfvcs;client;help;usage' {
            break
        }
        'tfvcs;client;help;delete' {
            break
        }
        'tfvcs;client;help;help' {
            break
        }
        'tfvcs;token' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth tokens: of one client, or of the whole organization')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth token')
            [CompletionResult]::new('set-ssh-key', 'set-ssh-key', [CompletionResultType]::ParameterValue, 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth token, after finding everything that uses it')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('relink', 'relink', [CompletionResultType]::ParameterValue, 'Re-point everything that uses one connection to another, or to other repositories')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;token;list' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only tokens of this provider (organization-wide listing only)')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;show' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;set-ssh-key' {
            [CompletionResult]::new('--ssh-key-file', '--ssh-key-file', [CompletionResultType]::ParameterName, 'File holding the PEM private key, or - for stdin')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;delete' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking, if nothing uses it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking, if nothing uses it')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --yes, delete even what resources still use (they lose their connection)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request instead of sending it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;usage' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind of resource (repeatable) [default: all]')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;relink' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The connection they move to: an OAuth token or a GitHub App installation')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind of resource (repeatable) [default: all]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace, by name or ws-… id (repeatable; implies --kind workspace)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'The new repository of each old one: a CSV of old,new lines (a first line old,new is a header, # starts a comment) or a JSON object {"old": "new", …}')
            [CompletionResult]::new('--rewrite', '--rewrite', [CompletionResultType]::ParameterName, 'Give every repository that starts with OLD_PREFIX the prefix NEW_PREFIX instead (repeatable; an exact --map entry wins, then the longest prefix)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Write the journal to FILE, a new file [default: a new file in $XDG_STATE_HOME/tfvcs/journal/, else ~/.local/state/tfvcs/journal/]')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Put back every resource that the relink (or undo) recorded in JOURNAL changed and that is still as it left it')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--keep-unmapped', '--keep-unmapped', [CompletionResultType]::ParameterName, 'Relink the resources no --map or --rewrite rule maps, with their repositories unchanged (without it, they stop the relink before anything is sent)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Relink without asking (needed when not at a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Relink without asking (needed when not at a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and the PATCH requests instead of sending them')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;token;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth tokens: of one client, or of the whole organization')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth token')
            [CompletionResult]::new('set-ssh-key', 'set-ssh-key', [CompletionResultType]::ParameterValue, 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth token, after finding everything that uses it')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('relink', 'relink', [CompletionResultType]::ParameterValue, 'Re-point everything that uses one connection to another, or to other repositories')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;token;help;list' {
            break
        }
        'tfvcs;token;help;show' {
            break
        }
        'tfvcs;token;help;set-ssh-key' {
            break
        }
        'tfvcs;token;help;delete' {
            break
        }
        'tfvcs;token;help;usage' {
            break
        }
        'tfvcs;token;help;relink' {
            break
        }
        'tfvcs;token;help;help' {
            break
        }
        'tfvcs;github-app' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the GitHub App installations the token''s user can use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one GitHub App installation')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;github-app;list' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;github-app;show' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;github-app;usage' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind of resource (repeatable) [default: all]')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;github-app;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the GitHub App installations the token''s user can use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one GitHub App installation')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;github-app;help;list' {
            break
        }
        'tfvcs;github-app;help;show' {
            break
        }
        'tfvcs;github-app;help;usage' {
            break
        }
        'tfvcs;github-app;help;help' {
            break
        }
        'tfvcs;doctor' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind of resource (repeatable) [default: all]')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Report only on this connection: an oc-… id or a client name (repeatable; everything is still walked, to find what uses it)')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Warn about a PAT older than this many days')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Also ask the VCS whether it still accepts each token in use (one request per token)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 7 on warnings too, not only on errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;auth' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the host, organization and where the token comes from, then check the token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;auth;status' {
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Organization name [env: TFE_ORGANIZATION]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: TFVCS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tfvcs;auth;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the host, organization and where the token comes from, then check the token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;auth;help;status' {
            break
        }
        'tfvcs;auth;help;help' {
            break
        }
        'tfvcs;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'tfvcs;sandbox' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Loopback address to listen on (port 0 picks a free one; others are refused)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization the sandbox serves [default: sandbox]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token clients must send [default: random]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Persist to this JSON file (written atomically after each change, loaded at start)')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Delay every response by this many milliseconds')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Answer this fraction of requests with 503')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Answer 429 past this many requests per second')
            [CompletionResult]::new('--load', '--load', [CompletionResultType]::ParameterName, 'Start with the organization this JSON file describes: projects, clients with their tokens, workspaces, policy sets, modules, Stacks (see examples/drifted-org.json); with --state, only into a new state file')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for ids, tokens and failures (reproducible runs)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Write the request log to this file instead of stderr (with --detach: instead of nowhere)')
            [CompletionResult]::new('--populate', '--populate', [CompletionResultType]::ParameterName, 'Start with this many GitHub clients (each with its token) and as many workspaces linked to them, for benchmarks')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run in the background: print the export lines and `export TFVCS_SANDBOX_PID=<pid>` once it listens, then return')
            [CompletionResult]::new('--detached', '--detached', [CompletionResultType]::ParameterName, 'Set on the background process `--detach` starts')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'tfvcs;help' {
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'OAuth clients: the connections between an organization and a VCS provider')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'OAuth tokens: the ids a workspace''s vcs-repo points at')
            [CompletionResult]::new('github-app', 'github-app', [CompletionResultType]::ParameterValue, 'GitHub App installations the API token''s user can link repositories through')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Which connections are broken, about to break or unused, and what they take down')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Where the host, token and organization come from')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local TFE-compatible API for VCS connections (in memory)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tfvcs;help;client' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organization''s OAuth clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth client')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an OAuth client (a VCS connection)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an OAuth client''s name, keys, scope, projects or agent pool')
            [CompletionResult]::new('set-pat', 'set-pat', [CompletionResultType]::ParameterValue, 'Replace the stored personal access token (rotation)')
            [CompletionResult]::new('add-projects', 'add-projects', [CompletionResultType]::ParameterValue, 'Make the client usable by these projects')
            [CompletionResult]::new('remove-projects', 'remove-projects', [CompletionResultType]::ParameterValue, 'Stop these projects from using the client')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth client, after finding everything that uses it')
            break
        }
        'tfvcs;help;client;list' {
            break
        }
        'tfvcs;help;client;show' {
            break
        }
        'tfvcs;help;client;create' {
            break
        }
        'tfvcs;help;client;update' {
            break
        }
        'tfvcs;help;client;set-pat' {
            break
        }
        'tfvcs;help;client;add-projects' {
            break
        }
        'tfvcs;help;client;remove-projects' {
            break
        }
        'tfvcs;help;client;usage' {
            break
        }
        'tfvcs;help;client;delete' {
            break
        }
        'tfvcs;help;token' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth tokens: of one client, or of the whole organization')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth token')
            [CompletionResult]::new('set-ssh-key', 'set-ssh-key', [CompletionResultType]::ParameterValue, 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an OAuth token, after finding everything that uses it')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks')
            [CompletionResult]::new('relink', 'relink', [CompletionResultType]::ParameterValue, 'Re-point everything that uses one connection to another, or to other repositories')
            break
        }
        'tfvcs;help;token;list' {
            break
        }
        'tfvcs;help;token;show' {
            break
        }
        'tfvcs;help;token;set-ssh-key' {
            break
        }
        'tfvcs;help;token;delete' {
            break
        }
        'tfvcs;help;token;usage' {
            break
        }
        'tfvcs;help;token;relink' {
            break
        }
        'tfvcs;help;github-app' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the GitHub App installations the token''s user can use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one GitHub App installation')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks')
            break
        }
        'tfvcs;help;github-app;list' {
            break
        }
        'tfvcs;help;github-app;show' {
            break
        }
        'tfvcs;help;github-app;usage' {
            break
        }
        'tfvcs;help;doctor' {
            break
        }
        'tfvcs;help;auth' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the host, organization and where the token comes from, then check the token')
            break
        }
        'tfvcs;help;auth;status' {
            break
        }
        'tfvcs;help;completions' {
            break
        }
        'tfvcs;help;sandbox' {
            break
        }
        'tfvcs;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
