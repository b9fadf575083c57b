using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>The silo's one multiplexed Redis connection for Feed's own stores (connects lazily, reconnects by itself).</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Task<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<StorageOptions> options, ILogger<RedisConnection> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.RedisConnection))
            throw new InvalidOperationException("Storage:Provider is Redis but Storage:RedisConnection is empty.");
        KeyPrefix = settings.RedisKeyPrefix;
        var configuration = ConfigurationOptions.Parse(settings.RedisConnection);
        // Keep retrying while Redis is away instead of failing; calls fail fast with a clear error meanwhile.
        configuration.AbortOnConnectFail = false;
        // Connect without blocking whoever asks first (a grain thread); everyone awaits the same connection.
        _multiplexer = ConnectionMultiplexer.ConnectAsync(configuration);
        logger.LogInformation("Storage: Redis at {Endpoints}", string.Join(", ", configuration.EndPoints));
    }

    public async ValueTask<IDatabase> DatabaseAsync() => (await _multiplexer).GetDatabase();

    /// <summary>Put before every key, so several Feed installations can share one Redis.</summary>
    public string KeyPrefix { get; }

    public void Dispose()
    {
        if (_multiplexer.IsCompletedSuccessfully) _multiplexer.Result.Dispose();
    }
}
