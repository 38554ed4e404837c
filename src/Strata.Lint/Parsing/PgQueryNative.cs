using System.Buffers;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Strata.Lint.Parsing;

/// <summary>
/// The whole boundary with libpg_query: one call in, the JSON copied out, the native result freed at once. Nothing
/// else in Strata touches native memory.
/// </summary>
internal static partial class PgQueryNative
{
    private const string Library = "pg_query";

    // The unversioned name needs the -dev package; the runtime package alone ships only the versioned soname.
    private static readonly string[] Candidates = ["libpg_query.so.1504.0", "libpg_query.so", "libpg_query.dylib"];

    static PgQueryNative() => NativeLibrary.SetDllImportResolver(typeof(PgQueryNative).Assembly, Resolve);

    /// <summary>
    /// Parses <paramref name="sql"/>; returns the parse tree JSON as UTF-8 bytes (what the JSON reader reads, so it is
    /// not made a string on the way) in the first <c>JsonLength</c> bytes of an array rented from
    /// <see cref="ArrayPool{T}.Shared"/>, which the caller returns; or the error's message and 1-based cursor, which
    /// counts characters (code points) as a server error's position does, not bytes.
    /// </summary>
    public static unsafe (byte[]? Json, int JsonLength, string? Error, int CursorPosition) Parse(string sql)
    {
        var result = pg_query_parse(sql);
        try
        {
            if (result.Error != null)
            {
                var message = Marshal.PtrToStringUTF8((IntPtr)result.Error->Message) ?? "syntax error";
                return (null, 0, message, result.Error->CursorPosition);
            }

            var tree = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(result.ParseTree);
            var json = ArrayPool<byte>.Shared.Rent(tree.Length);
            tree.CopyTo(json);
            return (json, tree.Length, null, 0);
        }
        finally
        {
            pg_query_free_parse_result(result);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        // The release archive, the image and the linux-x64 tool package carry the library beside the binary; that
        // copy wins over whatever the system has, so the parser is the one the binary was tested with.
        if (NativeLibrary.TryLoad(Path.Combine(AppContext.BaseDirectory, Candidates[0]), out var handle))
        {
            return handle;
        }

        if (NativeLibrary.TryLoad(name, assembly, searchPath, out handle))
        {
            return handle;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial ParseResult pg_query_parse(string input);

    [LibraryImport(Library)]
    private static partial void pg_query_free_parse_result(ParseResult result);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ParseResult
    {
        public byte* ParseTree;
        public byte* StderrBuffer;
        public QueryError* Error;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct QueryError
    {
        public byte* Message;
        public byte* FunctionName;
        public byte* FileName;
        public int LineNumber;
        public int CursorPosition;
        public byte* Context;
    }
}
