namespace Strata.Core.Migrations;

/// <summary>What a duration of 0 means for the setting being parsed, so that a refusal offers 0 only where it is taken.</summary>
internal enum ZeroDuration
{
    /// <summary>0 turns the timeout off (PostgreSQL's lock_timeout and statement_timeout).</summary>
    NoTimeout,

    /// <summary>0 tries once without waiting (the wait for the migration lock).</summary>
    TryOnce,

    /// <summary>0 is refused: the duration must be positive (the wait for the database).</summary>
    Refused,
}
