
use builtin;
use str;

set edit:completion:arg-completer[tfvcs] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'tfvcs'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'tfvcs'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand client 'OAuth clients: the connections between an organization and a VCS provider'
            cand token 'OAuth tokens: the ids a workspace''s vcs-repo points at'
            cand github-app 'GitHub App installations the API token''s user can link repositories through'
            cand doctor 'Which connections are broken, about to break or unused, and what they take down'
            cand auth 'Where the host, token and organization come from'
            cand completions 'Print a shell completion script'
            cand sandbox 'Run a local TFE-compatible API for VCS connections (in memory)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;client'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the organization''s OAuth clients'
            cand show 'Show one OAuth client'
            cand create 'Create an OAuth client (a VCS connection)'
            cand update 'Change an OAuth client''s name, keys, scope, projects or agent pool'
            cand set-pat 'Replace the stored personal access token (rotation)'
            cand add-projects 'Make the client usable by these projects'
            cand remove-projects 'Stop these projects from using the client'
            cand usage 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand delete 'Delete an OAuth client, after finding everything that uses it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;client;list'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;show'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;create'= {
            cand --provider 'VCS provider (required unless the payload names one)'
            cand --name 'Display name of the connection'
            cand --http-url 'VCS homepage URL (defaults for github, gitlab_hosted, bitbucket_hosted, ado_services)'
            cand --api-url 'VCS API URL (derived from --http-url when omitted)'
            cand --pat-file 'File holding the personal access token, or - for stdin [else env: TFVCS_PAT]'
            cand --key 'OAuth consumer / application key (Bitbucket Data Center: the app link''s consumer key)'
            cand --secret-file 'File holding the OAuth secret (Bitbucket Data Center: the app link''s private key)'
            cand --rsa-public-key-file 'File holding the app link''s RSA public key (Bitbucket Data Center / Server)'
            cand --private-key-file 'File holding the SSH private key (Azure DevOps Server only, required there)'
            cand --ado-org-name 'Azure DevOps organization an organization-scoped PAT belongs to (ado_services only)'
            cand --org-scoped 'Usable by every project (true) or only by the --project list (false)'
            cand --project 'Project allowed to use the client: a prj-… id or a project name (repeatable)'
            cand --agent-pool 'Agent pool with Private VCS access'
            cand --payload 'JSON:API document like the guide''s payload.json; flags override its attributes'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;update'= {
            cand --name 'New display name'
            cand --key 'New OAuth consumer / application key'
            cand --secret-file 'File holding the new OAuth secret, or - for stdin'
            cand --rsa-public-key-file 'File holding the new RSA public key, or - for stdin'
            cand --ado-org-name 'Azure DevOps organization an organization-scoped PAT belongs to'
            cand --org-scoped 'Usable by every project (true) or only by its projects (false)'
            cand --project 'Project allowed to use the client: a prj-… id or a project name (repeatable; replaces the set)'
            cand --agent-pool 'Agent pool with Private VCS access, or none to detach it'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --clear-ado-org-name 'Remove the Azure DevOps organization name (for a global PAT)'
            cand --clear-projects 'Remove every project from the client'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;set-pat'= {
            cand --pat-file 'File holding the new personal access token, or - for stdin [else env: TFVCS_PAT]'
            cand --ado-org-name 'The Azure DevOps organization the new PAT belongs to (an organization-scoped PAT), sent in the same request (ado_services)'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;add-projects'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;remove-projects'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;usage'= {
            cand --kind 'Only this kind of resource (repeatable) [default: all]'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;delete'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -y 'Delete without asking, if nothing uses it'
            cand --yes 'Delete without asking, if nothing uses it'
            cand --force 'With --yes, delete even what resources still use (they lose their connection)'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;client;help'= {
            cand list 'List the organization''s OAuth clients'
            cand show 'Show one OAuth client'
            cand create 'Create an OAuth client (a VCS connection)'
            cand update 'Change an OAuth client''s name, keys, scope, projects or agent pool'
            cand set-pat 'Replace the stored personal access token (rotation)'
            cand add-projects 'Make the client usable by these projects'
            cand remove-projects 'Stop these projects from using the client'
            cand usage 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand delete 'Delete an OAuth client, after finding everything that uses it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;client;help;list'= {
        }
        &'tfvcs;client;help;show'= {
        }
        &'tfvcs;client;help;create'= {
        }
        &'tfvcs;client;help;update'= {
        }
        &'tfvcs;client;help;set-pat'= {
        }
        &'tfvcs;client;help;add-projects'= {
        }
        &'tfvcs;client;help;remove-projects'= {
        }
        &'tfvcs;client;help;usage'= {
        }
        &'tfvcs;client;help;delete'= {
        }
        &'tfvcs;client;help;help'= {
        }
        &'tfvcs;token'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List OAuth tokens: of one client, or of the whole organization'
            cand show 'Show one OAuth token'
            cand set-ssh-key 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
            cand delete 'Delete an OAuth token, after finding everything that uses it'
            cand usage 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand relink 'Re-point everything that uses one connection to another, or to other repositories'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;token;list'= {
            cand --provider 'Only tokens of this provider (organization-wide listing only)'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;show'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;set-ssh-key'= {
            cand --ssh-key-file 'File holding the PEM private key, or - for stdin'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;delete'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -y 'Delete without asking, if nothing uses it'
            cand --yes 'Delete without asking, if nothing uses it'
            cand --force 'With --yes, delete even what resources still use (they lose their connection)'
            cand --dry-run 'Print the request instead of sending it'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;usage'= {
            cand --kind 'Only this kind of resource (repeatable) [default: all]'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;relink'= {
            cand --to 'The connection they move to: an OAuth token or a GitHub App installation'
            cand --kind 'Only this kind of resource (repeatable) [default: all]'
            cand --workspace 'Only this workspace, by name or ws-… id (repeatable; implies --kind workspace)'
            cand --map 'The new repository of each old one: a CSV of old,new lines (a first line old,new is a header, # starts a comment) or a JSON object {"old": "new", …}'
            cand --rewrite 'Give every repository that starts with OLD_PREFIX the prefix NEW_PREFIX instead (repeatable; an exact --map entry wins, then the longest prefix)'
            cand --journal 'Write the journal to FILE, a new file [default: a new file in $XDG_STATE_HOME/tfvcs/journal/, else ~/.local/state/tfvcs/journal/]'
            cand --undo 'Put back every resource that the relink (or undo) recorded in JOURNAL changed and that is still as it left it'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --keep-unmapped 'Relink the resources no --map or --rewrite rule maps, with their repositories unchanged (without it, they stop the relink before anything is sent)'
            cand -y 'Relink without asking (needed when not at a terminal)'
            cand --yes 'Relink without asking (needed when not at a terminal)'
            cand --dry-run 'Print the plan and the PATCH requests instead of sending them'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;token;help'= {
            cand list 'List OAuth tokens: of one client, or of the whole organization'
            cand show 'Show one OAuth token'
            cand set-ssh-key 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
            cand delete 'Delete an OAuth token, after finding everything that uses it'
            cand usage 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand relink 'Re-point everything that uses one connection to another, or to other repositories'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;token;help;list'= {
        }
        &'tfvcs;token;help;show'= {
        }
        &'tfvcs;token;help;set-ssh-key'= {
        }
        &'tfvcs;token;help;delete'= {
        }
        &'tfvcs;token;help;usage'= {
        }
        &'tfvcs;token;help;relink'= {
        }
        &'tfvcs;token;help;help'= {
        }
        &'tfvcs;github-app'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the GitHub App installations the token''s user can use'
            cand show 'Show one GitHub App installation'
            cand usage 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;github-app;list'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;github-app;show'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;github-app;usage'= {
            cand --kind 'Only this kind of resource (repeatable) [default: all]'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;github-app;help'= {
            cand list 'List the GitHub App installations the token''s user can use'
            cand show 'Show one GitHub App installation'
            cand usage 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;github-app;help;list'= {
        }
        &'tfvcs;github-app;help;show'= {
        }
        &'tfvcs;github-app;help;usage'= {
        }
        &'tfvcs;github-app;help;help'= {
        }
        &'tfvcs;doctor'= {
            cand --kind 'Only this kind of resource (repeatable) [default: all]'
            cand --client 'Report only on this connection: an oc-… id or a client name (repeatable; everything is still walked, to find what uses it)'
            cand --max-age 'Warn about a PAT older than this many days'
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand --live 'Also ask the VCS whether it still accepts each token in use (one request per token)'
            cand --strict 'Exit 7 on warnings too, not only on errors'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;auth'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'Show the host, organization and where the token comes from, then check the token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;auth;status'= {
            cand --hostname 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]'
            cand --org 'Organization name [env: TFE_ORGANIZATION]'
            cand --organization 'Organization name [env: TFE_ORGANIZATION]'
            cand -o 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --output 'Output format [env: TFVCS_OUTPUT] [default: table]'
            cand --timeout 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]'
            cand --retries 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]'
            cand --ca-cert 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]'
            cand -v 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --verbose 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
            cand --no-input 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tfvcs;auth;help'= {
            cand status 'Show the host, organization and where the token comes from, then check the token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;auth;help;status'= {
        }
        &'tfvcs;auth;help;help'= {
        }
        &'tfvcs;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'tfvcs;sandbox'= {
            cand --listen 'Loopback address to listen on (port 0 picks a free one; others are refused)'
            cand --org 'Organization the sandbox serves [default: sandbox]'
            cand --token 'API token clients must send [default: random]'
            cand --state 'Persist to this JSON file (written atomically after each change, loaded at start)'
            cand --latency-ms 'Delay every response by this many milliseconds'
            cand --fail-rate 'Answer this fraction of requests with 503'
            cand --rate-limit 'Answer 429 past this many requests per second'
            cand --load 'Start with the organization this JSON file describes: projects, clients with their tokens, workspaces, policy sets, modules, Stacks (see examples/drifted-org.json); with --state, only into a new state file'
            cand --seed 'Seed for ids, tokens and failures (reproducible runs)'
            cand --log 'Write the request log to this file instead of stderr (with --detach: instead of nowhere)'
            cand --populate 'Start with this many GitHub clients (each with its token) and as many workspaces linked to them, for benchmarks'
            cand --detach 'Run in the background: print the export lines and `export TFVCS_SANDBOX_PID=<pid>` once it listens, then return'
            cand --detached 'Set on the background process `--detach` starts'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'tfvcs;help'= {
            cand client 'OAuth clients: the connections between an organization and a VCS provider'
            cand token 'OAuth tokens: the ids a workspace''s vcs-repo points at'
            cand github-app 'GitHub App installations the API token''s user can link repositories through'
            cand doctor 'Which connections are broken, about to break or unused, and what they take down'
            cand auth 'Where the host, token and organization come from'
            cand completions 'Print a shell completion script'
            cand sandbox 'Run a local TFE-compatible API for VCS connections (in memory)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tfvcs;help;client'= {
            cand list 'List the organization''s OAuth clients'
            cand show 'Show one OAuth client'
            cand create 'Create an OAuth client (a VCS connection)'
            cand update 'Change an OAuth client''s name, keys, scope, projects or agent pool'
            cand set-pat 'Replace the stored personal access token (rotation)'
            cand add-projects 'Make the client usable by these projects'
            cand remove-projects 'Stop these projects from using the client'
            cand usage 'List what uses any of the client''s OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand delete 'Delete an OAuth client, after finding everything that uses it'
        }
        &'tfvcs;help;client;list'= {
        }
        &'tfvcs;help;client;show'= {
        }
        &'tfvcs;help;client;create'= {
        }
        &'tfvcs;help;client;update'= {
        }
        &'tfvcs;help;client;set-pat'= {
        }
        &'tfvcs;help;client;add-projects'= {
        }
        &'tfvcs;help;client;remove-projects'= {
        }
        &'tfvcs;help;client;usage'= {
        }
        &'tfvcs;help;client;delete'= {
        }
        &'tfvcs;help;token'= {
            cand list 'List OAuth tokens: of one client, or of the whole organization'
            cand show 'Show one OAuth token'
            cand set-ssh-key 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
            cand delete 'Delete an OAuth token, after finding everything that uses it'
            cand usage 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
            cand relink 'Re-point everything that uses one connection to another, or to other repositories'
        }
        &'tfvcs;help;token;list'= {
        }
        &'tfvcs;help;token;show'= {
        }
        &'tfvcs;help;token;set-ssh-key'= {
        }
        &'tfvcs;help;token;delete'= {
        }
        &'tfvcs;help;token;usage'= {
        }
        &'tfvcs;help;token;relink'= {
        }
        &'tfvcs;help;github-app'= {
            cand list 'List the GitHub App installations the token''s user can use'
            cand show 'Show one GitHub App installation'
            cand usage 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
        }
        &'tfvcs;help;github-app;list'= {
        }
        &'tfvcs;help;github-app;show'= {
        }
        &'tfvcs;help;github-app;usage'= {
        }
        &'tfvcs;help;doctor'= {
        }
        &'tfvcs;help;auth'= {
            cand status 'Show the host, organization and where the token comes from, then check the token'
        }
        &'tfvcs;help;auth;status'= {
        }
        &'tfvcs;help;completions'= {
        }
        &'tfvcs;help;sandbox'= {
        }
        &'tfvcs;help;help'= {
        }
    ]
    $completions[$command]
}
