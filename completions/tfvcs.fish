# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tfvcs_global_optspecs
    string join \n hostname= org= o/output= v/verbose timeout= retries= ca-cert= no-input h/help V/version
end

function __fish_tfvcs_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_tfvcs_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_tfvcs_using_subcommand
    set -l cmd (__fish_tfvcs_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c tfvcs -n "__fish_tfvcs_needs_command" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_needs_command" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_needs_command" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_needs_command" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_needs_command" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_needs_command" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_needs_command" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -s V -l version -d 'Print version'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "client" -d 'OAuth clients: the connections between an organization and a VCS provider'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "token" -d 'OAuth tokens: the ids a workspace\'s vcs-repo points at'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "github-app" -d 'GitHub App installations the API token\'s user can link repositories through'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "doctor" -d 'Which connections are broken, about to break or unused, and what they take down'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "auth" -d 'Where the host, token and organization come from'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "sandbox" -d 'Run a local TFE-compatible API for VCS connections (in memory)'
complete -c tfvcs -n "__fish_tfvcs_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "list" -d 'List the organization\'s OAuth clients'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "show" -d 'Show one OAuth client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "create" -d 'Create an OAuth client (a VCS connection)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "update" -d 'Change an OAuth client\'s name, keys, scope, projects or agent pool'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "set-pat" -d 'Replace the stored personal access token (rotation)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "add-projects" -d 'Make the client usable by these projects'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "remove-projects" -d 'Stop these projects from using the client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "usage" -d 'List what uses any of the client\'s OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "delete" -d 'Delete an OAuth client, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and not __fish_seen_subcommand_from list show create update set-pat add-projects remove-projects usage delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l provider -d 'VCS provider (required unless the payload names one)' -r -f -a "github\t''
github_enterprise\t''
gitlab_hosted\t''
gitlab_community_edition\t''
gitlab_enterprise_edition\t''
bitbucket_hosted\t''
bitbucket_data_center\t''
bitbucket_server\t''
ado_server\t''
ado_services\t''"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l name -d 'Display name of the connection' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l http-url -d 'VCS homepage URL (defaults for github, gitlab_hosted, bitbucket_hosted, ado_services)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l api-url -d 'VCS API URL (derived from --http-url when omitted)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l pat-file -d 'File holding the personal access token, or - for stdin [else env: TFVCS_PAT]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l key -d 'OAuth consumer / application key (Bitbucket Data Center: the app link\'s consumer key)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l secret-file -d 'File holding the OAuth secret (Bitbucket Data Center: the app link\'s private key)' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l rsa-public-key-file -d 'File holding the app link\'s RSA public key (Bitbucket Data Center / Server)' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l private-key-file -d 'File holding the SSH private key (Azure DevOps Server only, required there)' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l ado-org-name -d 'Azure DevOps organization an organization-scoped PAT belongs to (ado_services only)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l org-scoped -d 'Usable by every project (true) or only by the --project list (false)' -r -f -a "true\t''
false\t''"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l project -d 'Project allowed to use the client: a prj-… id or a project name (repeatable)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l agent-pool -d 'Agent pool with Private VCS access' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l payload -d 'JSON:API document like the guide\'s payload.json; flags override its attributes' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l name -d 'New display name' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l key -d 'New OAuth consumer / application key' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l secret-file -d 'File holding the new OAuth secret, or - for stdin' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l rsa-public-key-file -d 'File holding the new RSA public key, or - for stdin' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l ado-org-name -d 'Azure DevOps organization an organization-scoped PAT belongs to' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l org-scoped -d 'Usable by every project (true) or only by its projects (false)' -r -f -a "true\t''
false\t''"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l project -d 'Project allowed to use the client: a prj-… id or a project name (repeatable; replaces the set)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l agent-pool -d 'Agent pool with Private VCS access, or none to detach it' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l clear-ado-org-name -d 'Remove the Azure DevOps organization name (for a global PAT)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l clear-projects -d 'Remove every project from the client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l pat-file -d 'File holding the new personal access token, or - for stdin [else env: TFVCS_PAT]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l ado-org-name -d 'The Azure DevOps organization the new PAT belongs to (an organization-scoped PAT), sent in the same request (ado_services)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from set-pat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from add-projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from remove-projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l kind -d 'Only this kind of resource (repeatable) [default: all]' -r -f -a "workspace\t'Workspaces'
policy-set\t'VCS-backed policy sets'
module\t'Private registry modules published from a repository'
stack\t'Stacks (walked without --kind only when the organization has Stacks enabled)'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from usage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking, if nothing uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l force -d 'With --yes, delete even what resources still use (they lose their connection)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the organization\'s OAuth clients'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one OAuth client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an OAuth client (a VCS connection)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an OAuth client\'s name, keys, scope, projects or agent pool'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "set-pat" -d 'Replace the stored personal access token (rotation)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "add-projects" -d 'Make the client usable by these projects'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "remove-projects" -d 'Stop these projects from using the client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "usage" -d 'List what uses any of the client\'s OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an OAuth client, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "list" -d 'List OAuth tokens: of one client, or of the whole organization'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "show" -d 'Show one OAuth token'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "set-ssh-key" -d 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "delete" -d 'Delete an OAuth token, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "usage" -d 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "relink" -d 'Re-point everything that uses one connection to another, or to other repositories'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and not __fish_seen_subcommand_from list show set-ssh-key delete usage relink help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l provider -d 'Only tokens of this provider (organization-wide listing only)' -r -f -a "github\t''
github_enterprise\t''
gitlab_hosted\t''
gitlab_community_edition\t''
gitlab_enterprise_edition\t''
bitbucket_hosted\t''
bitbucket_data_center\t''
bitbucket_server\t''
ado_server\t''
ado_services\t''"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l ssh-key-file -d 'File holding the PEM private key, or - for stdin' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from set-ssh-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking, if nothing uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l force -d 'With --yes, delete even what resources still use (they lose their connection)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the request instead of sending it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l kind -d 'Only this kind of resource (repeatable) [default: all]' -r -f -a "workspace\t'Workspaces'
policy-set\t'VCS-backed policy sets'
module\t'Private registry modules published from a repository'
stack\t'Stacks (walked without --kind only when the organization has Stacks enabled)'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from usage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l to -d 'The connection they move to: an OAuth token or a GitHub App installation' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l kind -d 'Only this kind of resource (repeatable) [default: all]' -r -f -a "workspace\t'Workspaces'
policy-set\t'VCS-backed policy sets'
module\t'Private registry modules published from a repository'
stack\t'Stacks (walked without --kind only when the organization has Stacks enabled)'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l workspace -d 'Only this workspace, by name or ws-… id (repeatable; implies --kind workspace)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l map -d 'The new repository of each old one: a CSV of old,new lines (a first line old,new is a header, # starts a comment) or a JSON object {"old": "new", …}' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l rewrite -d 'Give every repository that starts with OLD_PREFIX the prefix NEW_PREFIX instead (repeatable; an exact --map entry wins, then the longest prefix)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l journal -d 'Write the journal to FILE, a new file [default: a new file in $XDG_STATE_HOME/tfvcs/journal/, else ~/.local/state/tfvcs/journal/]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l undo -d 'Put back every resource that the relink (or undo) recorded in JOURNAL changed and that is still as it left it' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l keep-unmapped -d 'Relink the resources no --map or --rewrite rule maps, with their repositories unchanged (without it, they stop the relink before anything is sent)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -s y -l yes -d 'Relink without asking (needed when not at a terminal)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l dry-run -d 'Print the plan and the PATCH requests instead of sending them'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from relink" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List OAuth tokens: of one client, or of the whole organization'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one OAuth token'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "set-ssh-key" -d 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an OAuth token, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "usage" -d 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "relink" -d 'Re-point everything that uses one connection to another, or to other repositories'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -f -a "list" -d 'List the GitHub App installations the token\'s user can use'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -f -a "show" -d 'Show one GitHub App installation'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -f -a "usage" -d 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and not __fish_seen_subcommand_from list show usage help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l kind -d 'Only this kind of resource (repeatable) [default: all]' -r -f -a "workspace\t'Workspaces'
policy-set\t'VCS-backed policy sets'
module\t'Private registry modules published from a repository'
stack\t'Stacks (walked without --kind only when the organization has Stacks enabled)'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from usage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the GitHub App installations the token\'s user can use'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one GitHub App installation'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from help" -f -a "usage" -d 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand github-app; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l kind -d 'Only this kind of resource (repeatable) [default: all]' -r -f -a "workspace\t'Workspaces'
policy-set\t'VCS-backed policy sets'
module\t'Private registry modules published from a repository'
stack\t'Stacks (walked without --kind only when the organization has Stacks enabled)'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l client -d 'Report only on this connection: an oc-… id or a client name (repeatable; everything is still walked, to find what uses it)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l max-age -d 'Warn about a PAT older than this many days' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l live -d 'Also ask the VCS whether it still accepts each token in use (one request per token)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l strict -d 'Exit 7 on warnings too, not only on errors'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -f -a "status" -d 'Show the host, organization and where the token comes from, then check the token'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and not __fish_seen_subcommand_from status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l hostname -d 'Host (optionally host:port, meaning https) or URL with an optional API base path [env: TFE_HOSTNAME, then TFE_ADDRESS] [default: app.terraform.io]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l org -l organization -d 'Organization name [env: TFE_ORGANIZATION]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [env: TFVCS_OUTPUT] [default: table]' -r -f -a "table\t'Human-readable tables'
json\t'The server\'s JSON:API documents'
id\t'Bare ids, one per line'"
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds allowed per HTTP request [env: TFVCS_TIMEOUT] [default: 30]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries for rate limits, server errors and lost connections [env: TFVCS_RETRIES] [default: 5]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-cert -d 'Trust this PEM CA bundle instead of the bundled roots (self-hosted TFE) [env: SSL_CERT_FILE]' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print each HTTP exchange on stderr; twice adds bodies (secrets redacted)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail where a prompt would be needed [env: TFVCS_NO_INPUT]'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the host, organization and where the token comes from, then check the token'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand completions" -s h -l help -d 'Print help'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l listen -d 'Loopback address to listen on (port 0 picks a free one; others are refused)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l org -d 'Organization the sandbox serves [default: sandbox]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l token -d 'API token clients must send [default: random]' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l state -d 'Persist to this JSON file (written atomically after each change, loaded at start)' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l latency-ms -d 'Delay every response by this many milliseconds' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l fail-rate -d 'Answer this fraction of requests with 503' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l rate-limit -d 'Answer 429 past this many requests per second' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l load -d 'Start with the organization this JSON file describes: projects, clients with their tokens, workspaces, policy sets, modules, Stacks (see examples/drifted-org.json); with --state, only into a new state file' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l seed -d 'Seed for ids, tokens and failures (reproducible runs)' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l log -d 'Write the request log to this file instead of stderr (with --detach: instead of nowhere)' -r -F
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l populate -d 'Start with this many GitHub clients (each with its token) and as many workspaces linked to them, for benchmarks' -r
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l detach -d 'Run in the background: print the export lines and `export TFVCS_SANDBOX_PID=<pid>` once it listens, then return'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -l detached -d 'Set on the background process `--detach` starts'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand sandbox" -s h -l help -d 'Print help'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "client" -d 'OAuth clients: the connections between an organization and a VCS provider'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "token" -d 'OAuth tokens: the ids a workspace\'s vcs-repo points at'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "github-app" -d 'GitHub App installations the API token\'s user can link repositories through'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "doctor" -d 'Which connections are broken, about to break or unused, and what they take down'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "auth" -d 'Where the host, token and organization come from'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "completions" -d 'Print a shell completion script'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "sandbox" -d 'Run a local TFE-compatible API for VCS connections (in memory)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and not __fish_seen_subcommand_from client token github-app doctor auth completions sandbox help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "list" -d 'List the organization\'s OAuth clients'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "show" -d 'Show one OAuth client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "create" -d 'Create an OAuth client (a VCS connection)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "update" -d 'Change an OAuth client\'s name, keys, scope, projects or agent pool'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "set-pat" -d 'Replace the stored personal access token (rotation)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "add-projects" -d 'Make the client usable by these projects'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "remove-projects" -d 'Stop these projects from using the client'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "usage" -d 'List what uses any of the client\'s OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "delete" -d 'Delete an OAuth client, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List OAuth tokens: of one client, or of the whole organization'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "show" -d 'Show one OAuth token'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "set-ssh-key" -d 'Give an OAuth token the SSH key used to clone (PEM, no passphrase)'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "delete" -d 'Delete an OAuth token, after finding everything that uses it'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "usage" -d 'List what uses these OAuth tokens: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "relink" -d 'Re-point everything that uses one connection to another, or to other repositories'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from github-app" -f -a "list" -d 'List the GitHub App installations the token\'s user can use'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from github-app" -f -a "show" -d 'Show one GitHub App installation'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from github-app" -f -a "usage" -d 'List what links a repository through this installation: workspaces, policy sets, modules, Stacks'
complete -c tfvcs -n "__fish_tfvcs_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the host, organization and where the token comes from, then check the token'
