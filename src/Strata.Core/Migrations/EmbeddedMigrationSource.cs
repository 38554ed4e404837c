using System.Reflection;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Migrations embedded in an assembly as resources whose logical names are <c>&lt;folder&gt;/&lt;file name&gt;</c>,
/// for example with <c>&lt;EmbeddedResource Include="db/migrations/*.sql" LogicalName="db/migrations/%(Filename)%(Extension)" /&gt;</c>.
/// The same naming rules as <see cref="DirectoryMigrationSource"/> apply to the part after the folder.
/// </summary>
internal sealed class EmbeddedMigrationSource : IMigrationSource
{
    private readonly string _prefix;

    /// <summary>Reads the migrations embedded in <paramref name="assembly"/> under <paramref name="folder"/>.</summary>
    /// <param name="assembly">The assembly that embeds the migrations.</param>
    /// <param name="folder">The folder part of the resources' logical names, such as <c>db/migrations</c>.</param>
    public EmbeddedMigrationSource(Assembly assembly, string folder = "db/migrations")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Assembly = assembly;
        Folder = folder.Replace('\\', '/').Trim('/');
        _prefix = Folder + "/";
    }

    /// <summary>The assembly that embeds the migrations.</summary>
    public Assembly Assembly { get; }

    /// <summary>The folder part of the resources' logical names, without surrounding slashes.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public string Description => $"resources {_prefix} embedded in {Assembly.GetName().Name}";

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">The assembly embeds no migration under the folder.</exception>
    /// <exception cref="MigrationFileException">A resource is misnamed or malformed, or two share a version.</exception>
    /// <exception cref="SqlSyntaxException">A migration's SQL cannot be split into statements.</exception>
    public Task<IReadOnlyList<Migration>> LoadAsync(CancellationToken cancellationToken)
    {
        var all = Assembly.GetManifestResourceNames();
        var names = all
            .Where(n => n.StartsWith(_prefix, StringComparison.Ordinal) && !n.AsSpan(_prefix.Length).Contains('/'))
            .Where(n => MigrationFileName.IsCandidate(n[_prefix.Length..]))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0)
        {
            throw new ConfigurationException(NothingEmbedded(all));
        }

        foreach (var name in names)
        {
            MigrationFileName.Parse(name.AsSpan(_prefix.Length), name);
        }

        var migrations = ParallelMigrationReader.Read(names, ReadResource, splitStatements: true, cancellationToken);
        return Task.FromResult(MigrationCatalog.Order(migrations));
    }

    // Resources are mapped into memory with the assembly: reading one is a copy, with nothing to wait for.
    private int ReadResource(string name, ref byte[] buffer)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new MigrationFileException($"{name}: the resource could not be opened.", name);
        var length = checked((int)stream.Length);
        buffer = ParallelMigrationReader.Fit(buffer, length);

        stream.ReadExactly(buffer.AsSpan(0, length));
        return length;
    }

    // Without a LogicalName, MSBuild names resources RootNamespace.db.migrations.file.sql: point at the fix.
    private string NothingEmbedded(string[] resources)
    {
        var assembly = Assembly.GetName().Name;
        var dotted = resources.FirstOrDefault(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));
        var hint = dotted is null
            ? ""
            : $" It embeds {dotted}, whose name lacks the folder: set LogicalName=\"{_prefix}%(Filename)%(Extension)\" on the EmbeddedResource item.";
        return $"assembly {assembly} embeds no migrations under {_prefix}; add <EmbeddedResource Include=\"{_prefix}*.sql\" LogicalName=\"{_prefix}%(Filename)%(Extension)\" /> to its project file.{hint}";
    }
}
