using Strata.Core.Errors;

namespace Strata.Core.Connections;

/// <summary>
/// A password file read again for every new physical connection, so that a rotated secret (a Kubernetes or Docker
/// secret, a file a sidecar refreshes) is used from the next connection on, without a restart. The pool opens
/// physical connections rarely, and reading a few bytes costs far less than the connection itself.
/// </summary>
internal sealed class PasswordFile(string path, string origin)
{
    public string Path => path;

    public string Origin => origin;

    /// <summary>Reads the password for a synchronous connection open.</summary>
    public string Read() => ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Reads the password; a file that vanished or emptied since start is a failure to connect, not to configure.</summary>
    /// <exception cref="ConnectionFailedException">The file cannot be read now.</exception>
    public async ValueTask<string> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await PasswordOverrides.ReadPasswordFileAsync(path, origin, cancellationToken);
        }
        catch (ConfigurationException ex)
        {
            throw new ConnectionFailedException(ex.Message);
        }
    }
}
