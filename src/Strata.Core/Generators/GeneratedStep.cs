using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>One migration file of a generated sequence, before it has a version.</summary>
/// <param name="Slug">The description part of the file name, e.g. <c>expand_rename_products_name_to_sku</c>.</param>
/// <param name="Phase">When it runs relative to the deploy.</param>
/// <param name="Explanation">The comment at the top: what it does, which application version runs meanwhile, how to abort.</param>
/// <param name="Up">The up section's SQL.</param>
/// <param name="Down">The down section's SQL.</param>
internal sealed record GeneratedStep(string Slug, MigrationPhase Phase, string Explanation, string Up, string Down)
{
    /// <summary>False when the up section must run outside a transaction (CONCURRENTLY, batched backfills).</summary>
    public bool UpTransactional { get; init; } = true;

    /// <summary>False when the down section must run outside a transaction.</summary>
    public bool DownTransactional { get; init; } = true;
}
