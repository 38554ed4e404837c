namespace Strata.Core.Lifecycle;

/// <summary>How <see cref="DatabaseLifecycle.CreateAsync"/> creates the database; every member is optional (the server's defaults).</summary>
internal sealed record CreateOptions
{
    /// <summary>The role that will own the database (<c>OWNER</c>); the connecting role when null.</summary>
    public string? Owner { get; init; }

    /// <summary>The character set encoding, such as <c>UTF8</c> (<c>ENCODING</c>); the template's when null.</summary>
    public string? Encoding { get; init; }

    /// <summary>The collation and character classification, such as <c>en_US.UTF-8</c> or <c>C</c> (<c>LOCALE</c>); the template's when null.</summary>
    public string? Locale { get; init; }

    /// <summary>The template database to copy (<c>TEMPLATE</c>), such as <c>template0</c>; <c>template1</c> when null.</summary>
    public string? Template { get; init; }
}
