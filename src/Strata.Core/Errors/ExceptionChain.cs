namespace Strata.Core.Errors;

/// <summary>An exception and the ones it wraps, outermost first: what each caller searches for its cause.</summary>
internal static class ExceptionChain
{
    /// <summary><paramref name="exception"/>, then its inner exception, and so on down the chain.</summary>
    public static IEnumerable<Exception> Of(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    /// <summary>The outermost exception in the chain that is a <typeparamref name="T"/>, or null.</summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception => Of(exception).OfType<T>().FirstOrDefault();
}
