namespace Strata.Core.Configuration;

/// <summary>One value of <see cref="StrataSettings"/> and where it came from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value in force.</param>
/// <param name="Source">The layer that supplied it.</param>
/// <param name="Origin">Where exactly, in words: <c>default</c>, <c>STRATA_LOCK_WAIT</c>, <c>historyTable in ./strata.json</c>.</param>
public sealed record Setting<T>(T Value, SettingSource Source, string Origin);
