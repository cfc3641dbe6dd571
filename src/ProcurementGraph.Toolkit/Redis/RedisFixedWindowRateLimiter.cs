using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>
/// A fixed window of <c>PermitLimit</c> requests per <c>Window</c> for one partition, counted in Redis so that every server
/// process counts the same caller together: one script increments the partition's counter and, for the window's first request,
/// sets its expiry (Redis's clock, not the processes': their windows agree). Over the limit: a refused lease whose
/// <see cref="MetadataName.RetryAfter"/> is the time left in the window (no queue: any process may be asked next). When Redis
/// cannot be reached, the partition's in-process <see cref="FixedWindowRateLimiter"/> decides (with its queue) until it is back.
/// </summary>
public sealed class RedisFixedWindowRateLimiter : RateLimiter
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private static readonly RateLimitLease Refused = new Lease(false, null);
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _key;
    private readonly FixedWindowRateLimiterOptions _options;
    private readonly FixedWindowRateLimiter _fallback;
    private readonly RedisOutage _outage;
    private long _lastUsed = Stopwatch.GetTimestamp();

    internal RedisFixedWindowRateLimiter(IConnectionMultiplexer redis, RedisKey key, FixedWindowRateLimiterOptions options, RedisOutage outage)
    {
        _redis = redis;
        _key = key;
        _options = options;
        _outage = outage;
        _fallback = new FixedWindowRateLimiter(options);
    }

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _fallback.GetStatistics();

    /// <summary>
    /// Never grants without asking Redis: a refused lease without a retry time sends ASP.NET Core's middleware on to
    /// <see cref="AcquireAsyncCore"/>, which asks it. A request for no permit is answered as "not known to be over".
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _options.PermitLimit);
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return Granted;
        }

        RedisResult result;
        try
        {
            result = await _redis.GetDatabase().ScriptEvaluateAsync(Script, [_key], [(long)Math.Ceiling(_options.Window.TotalMilliseconds)])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            _outage.Failed(e);
            return await _fallback.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }

        var values = (RedisResult[])result!;
        var count = (long)values[0];
        var remaining = TimeSpan.FromMilliseconds(Math.Max(1, (long)values[1]));
        return count <= _options.PermitLimit ? Granted : new Lease(false, remaining);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _fallback.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
