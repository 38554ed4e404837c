using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Strata.Architecture.Tests;

/// <summary>A log consumer filters and alerts by event id, so no two messages may share one.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_engine_and_the_web_host_has_an_event_id_of_its_own()
    {
        var messages = new[] { typeof(Strata.Core.Migrator).Assembly, typeof(Strata.AspNetCore.StrataDatabase).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.Name}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}")
            .ToList();

        messages.Count.ShouldBeGreaterThan(50);
        shared.ShouldBeEmpty();
    }
}
