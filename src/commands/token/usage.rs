//! `tfvcs token usage`: what links a repository through these OAuth tokens.

use crate::cli::TokenUsageArgs;
use crate::commands::linked::{answer_for_missing, find, not_existing, print};
use crate::commands::{Context, check_id};
use crate::error::Result;
use crate::linked::{Connection, Kind};

pub(crate) fn usage(ctx: &Context, args: TokenUsageArgs) -> Result<()> {
    for token in &args.tokens {
        check_id(token, "ot-", "an OAuth token")?;
    }
    let connections: Vec<Connection> = args
        .tokens
        .iter()
        .map(|t| Connection::Token(t.clone()))
        .collect();
    let missing = not_existing(ctx, &connections)?;
    let found = find(ctx, &Kind::asked(&args.kind.kinds), &connections)?;
    answer_for_missing(&missing, &found)?;
    print(ctx, &found, &args.tokens)
}
