//! `tfvcs token usage`: what links a repository through these OAuth tokens.

use crate::cli::TokenUsageArgs;
use crate::commands::Context;
use crate::commands::linked::{answer_for_missing, find, not_existing, print};
use crate::error::Result;
use crate::linked::Connection;

pub(crate) fn usage(ctx: &Context, args: TokenUsageArgs) -> Result<()> {
    let connections: Vec<Connection> = args
        .tokens
        .iter()
        .map(|t| Connection::Token(t.to_string()))
        .collect();
    let missing = not_existing(ctx, &connections)?;
    let found = find(ctx, &args.kind.kinds, &connections)?;
    answer_for_missing(&missing, &found)?;
    print(ctx, &found, &args.tokens)
}
