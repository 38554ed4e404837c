using System.Collections.Immutable;
using System.Text.Json;
using Strata.Core.Data;
using Strata.Core.Errors;

namespace Strata.Core.Schema;

/// <summary>
/// A schema snapshot saved as JSON (<c>strata diff --save</c>), so a schema can be compared later without its database:
/// <c>{"format":"strata-schema","version":1,"objects":[{"kind":…,"name":…,"parent":…,"attributes":{…}}]}</c>.
/// </summary>
internal static class SnapshotFile
{
    private const string Format = "strata-schema";
    private const int Version = 1;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/>, replacing the file whole or not at all (<see cref="AtomicFile"/>).</summary>
    /// <exception cref="ConfigurationException">The file could not be written.</exception>
    public static async Task WriteAsync(string path, SchemaSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            await AtomicFile.WriteAsync(path, Serialize(snapshot), cancellationToken);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"could not write the schema snapshot {path}: {FileErrorText.Describe(ex, path)}", ex);
        }
    }

    /// <summary>Reads a snapshot written by <see cref="WriteAsync"/>.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is not a schema snapshot.</exception>
    public static async Task<SchemaSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            throw new ConfigurationException($"could not read the schema snapshot {path}: {FileErrorText.Describe(ex, path)}", ex);
        }

        try
        {
            return Deserialize(bytes);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
        {
            throw new ConfigurationException($"{path} is not a schema snapshot saved by Strata", ex);
        }
    }

    /// <summary>The snapshot as UTF-8 JSON, objects in kind and name order.</summary>
    public static byte[] Serialize(SchemaSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteStartArray("objects");
            foreach (var item in snapshot.Objects)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", item.Kind);
                writer.WriteString("name", item.Name);
                if (item.Parent is not null)
                {
                    writer.WriteString("parent", item.Parent);
                }

                writer.WriteStartObject("attributes");
                foreach (var (key, value) in item.Attributes)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static SchemaSnapshot Deserialize(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() != Version)
        {
            throw new InvalidOperationException("unknown format");
        }

        var objects = new List<SchemaObject>();
        foreach (var item in root.GetProperty("objects").EnumerateArray())
        {
            var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var attribute in item.GetProperty("attributes").EnumerateObject())
            {
                attributes[attribute.Name] = attribute.Value.GetString() ?? throw new InvalidOperationException("null attribute");
            }

            var parent = item.TryGetProperty("parent", out var value) ? value.GetString() : null;
            objects.Add(new SchemaObject(item.GetProperty("kind").GetString()!, item.GetProperty("name").GetString()!, parent, attributes.ToImmutable()));
        }

        return new SchemaSnapshot(objects);
    }
}
