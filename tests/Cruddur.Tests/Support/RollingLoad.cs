using System.Collections.Concurrent;
using System.Net;

namespace Cruddur.Tests.Support;

/// <summary>
/// Bounded HTTP load over loopback, routed like a load balancer during a rolling deploy: each iteration goes to one of
/// the releases currently in rotation, and takes three requests: POST a new activity with a unique text, GET it back
/// (its text must be the posted one; from the other release while two are in rotation) and GET the home feed. Every
/// request that does not answer as expected is a failure; every POST answered 201 is an acknowledged write, kept with
/// its text. Bounded in requests and in time.
/// </summary>
public sealed class RollingLoad(string handle, int maxRequests, TimeSpan maxDuration)
{
    private static readonly TimeSpan Pacing = TimeSpan.FromMilliseconds(15);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new(maxDuration);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<Guid, string> _acknowledged = new();
    private Release[] _rotation = [];
    private long _turn;
    private int _requests;
    private int _crossReads;
    private Task _running = Task.CompletedTask;

    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>Every write a release acknowledged (201), by activity uuid, with the text it was sent.</summary>
    public IReadOnlyDictionary<Guid, string> Acknowledged => _acknowledged;

    public int Requests => Math.Min(Volatile.Read(ref _requests), maxRequests);

    public bool Stopped => _running.IsCompleted;

    /// <summary>Read-backs that one release answered, with the exact text, for a write another release acknowledged.</summary>
    public int CrossReads => Volatile.Read(ref _crossReads);

    /// <summary>Puts these releases, and only these, in rotation for the iterations that start from now on.</summary>
    public void RouteTo(params Release[] releases)
    {
        lock (_gate)
        {
            _rotation = releases;
        }
    }

    public void Start(int workers) =>
        _running = Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker))));

    /// <summary>Waits until no iteration is still under way on <paramref name="release"/>, as a load balancer drains a target.</summary>
    public Task DrainAsync(Release release) => WaitForAsync(() => Volatile.Read(ref release.InFlight) == 0, $"the iterations on {release.Name} to finish");

    /// <summary>
    /// Waits for the load to make progress. The timeout is generous because it bounds progress on a loaded machine,
    /// never correctness; it fails with what the load saw at the first failed request, or when the load reached its
    /// bounds first.
    /// </summary>
    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!condition())
        {
            if (!_failures.IsEmpty || Stopped || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"waited in vain for {what}: {Summary()}; first failures: {string.Join(" | ", Failures.Take(5))}");
            }

            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public string Summary() =>
        $"{Requests} requests, {_failures.Count} failed, {_acknowledged.Count} writes acknowledged, {CrossReads} read back from the other release";

    private async Task WorkAsync(int worker)
    {
        for (var iteration = 0; !_stop.IsCancellationRequested; iteration++)
        {
            if (Pick() is not { } release)
            {
                await Task.Delay(Pacing);
                continue;
            }

            try
            {
                if (!await IterateAsync(release, $"rolling {worker}-{iteration} {Guid.NewGuid():N}"))
                {
                    return;
                }
            }
            finally
            {
                Interlocked.Decrement(ref release.InFlight);
            }

            await Task.Delay(Pacing);
        }
    }

    // Picking and counting the iteration in flight under the same lock as RouteTo: once RouteTo returns, no new
    // iteration can start on a release it took out of rotation, so DrainAsync then waits for the last one.
    private Release? Pick()
    {
        lock (_gate)
        {
            if (_rotation.Length == 0)
            {
                return null;
            }

            var release = _rotation[(int)(_turn++ % _rotation.Length)];
            Interlocked.Increment(ref release.InFlight);
            return release;
        }
    }

    // The read-back goes to another release in rotation when there is one, so that while both serve, each reads what
    // the other wrote: the old release the rows the new one wrote to content, and the other way round.
    private Release PickReader(Release writer)
    {
        lock (_gate)
        {
            if (_rotation.FirstOrDefault(r => r != writer) is not { } other)
            {
                return writer;
            }

            Interlocked.Increment(ref other.InFlight);
            return other;
        }
    }

    // False once the request bound is reached.
    private async Task<bool> IterateAsync(Release release, string text)
    {
        if (!Take(release))
        {
            return false;
        }

        var created = await SendAsync(release, "POST /api/activities", () => Api.PostAsync(release.Client, "/api/activities", new { handle, message = text }));
        if (created is null)
        {
            return true;
        }

        if (created.Status != HttpStatusCode.Created || !Guid.TryParse(created.Text("uuid"), out var uuid))
        {
            Fail(release, "POST /api/activities", created);
            return true;
        }

        _acknowledged[uuid] = text;
        Interlocked.Increment(ref release.Writes);
        var reader = PickReader(release);
        try
        {
            if (!Take(reader))
            {
                return false;
            }

            var path = $"/api/activities/{uuid}";
            var read = await SendAsync(reader, "GET " + path, () => Api.GetAsync(reader.Client, path));
            if (read is not null && (read.Status != HttpStatusCode.OK || read.Text("message") != text))
            {
                Fail(reader, $"GET {path} (written by {release.Name})", read);
            }
            else if (read is not null && reader != release)
            {
                Interlocked.Increment(ref _crossReads);
            }
        }
        finally
        {
            if (reader != release)
            {
                Interlocked.Decrement(ref reader.InFlight);
            }
        }

        if (!Take(release))
        {
            return false;
        }

        if (await SendAsync(release, "GET /api/activities/home", () => Api.GetAsync(release.Client, "/api/activities/home?limit=20")) is { } feed
            && feed.Status != HttpStatusCode.OK)
        {
            Fail(release, "GET /api/activities/home", feed);
        }

        return true;
    }

    private bool Take(Release release)
    {
        if (Interlocked.Increment(ref _requests) > maxRequests)
        {
            return false;
        }

        Interlocked.Increment(ref release.Requests);
        return true;
    }

    private async Task<Answer?> SendAsync(Release release, string request, Func<Task<Answer>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            _failures.Enqueue($"{release.Name} {request}: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    private void Fail(Release release, string request, Answer answer) =>
        _failures.Enqueue($"{release.Name} {request} answered {(int)answer.Status}: {answer.Body}");

    /// <summary>One release taking traffic, with what it served.</summary>
    public sealed class Release(string name, HttpClient client)
    {
        internal int InFlight;
        internal int Requests;
        internal int Writes;

        public string Name => name;

        public HttpClient Client => client;

        public int RequestCount => Volatile.Read(ref Requests);

        public int WriteCount => Volatile.Read(ref Writes);

        public override string ToString() => $"{name}: {RequestCount} requests, {WriteCount} writes acknowledged";
    }
}
