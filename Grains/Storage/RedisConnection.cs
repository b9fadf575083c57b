using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>The silo's one multiplexed Redis connection for Feed's own stores (connects lazily, reconnects by itself).</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<StorageOptions> options, ILogger<RedisConnection> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.RedisConnection))
            throw new InvalidOperationException("Storage:Provider is Redis but Storage:RedisConnection is empty.");
        KeyPrefix = settings.RedisKeyPrefix;
        _multiplexer = new(() =>
        {
            var configuration = ConfigurationOptions.Parse(settings.RedisConnection);
            // Keep retrying while Redis is away instead of failing start-up; calls fail fast with a clear error meanwhile.
            configuration.AbortOnConnectFail = false;
            var connection = ConnectionMultiplexer.Connect(configuration);
            logger.LogInformation("Storage: Redis at {Endpoints}", string.Join(", ", configuration.EndPoints));
            return connection;
        });
    }

    public IDatabase Database => _multiplexer.Value.GetDatabase();

    /// <summary>Put before every key, so several Feed installations can share one Redis.</summary>
    public string KeyPrefix { get; }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}
