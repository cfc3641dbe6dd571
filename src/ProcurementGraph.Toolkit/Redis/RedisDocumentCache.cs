using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.TrustedDocuments;
using StackExchange.Redis;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>APQ documents in Redis: one string key per hash with the configured time to live (registrations from every process).</summary>
internal sealed class RedisDocumentCache(IConnectionMultiplexer redis, RedisBackplaneOptions options, ILogger<RedisDocumentCache> logger)
    : ISharedDocumentCache
{
    private readonly RedisOutage _outage = new(logger, "APQ documents are registered and looked up");

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(key)).WaitAsync(cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
            return value.IsNullOrEmpty ? null : value.ToString();
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            _outage.Failed(e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, string text, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(key), text, options.DocumentTimeToLive).WaitAsync(cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            _outage.Failed(e);
        }
    }

    private RedisKey Key(string key) => options.KeyPrefix + "apq:" + key;
}
