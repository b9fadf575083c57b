namespace Feed.Grains.Storage;

/// <summary>One trivial round trip to the store: does it answer now?</summary>
public interface IStoreProbe
{
    Task CheckAsync(CancellationToken cancellationToken);
}

public sealed class SqliteStoreProbe(SqliteDatabase db) : IStoreProbe
{
    public Task CheckAsync(CancellationToken cancellationToken) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "SELECT 1");
        return command.ExecuteScalar();
    }).WaitAsync(cancellationToken);
}

public sealed class RedisStoreProbe(RedisConnection redis) : IStoreProbe
{
    public async Task CheckAsync(CancellationToken cancellationToken) =>
        await (await redis.DatabaseAsync()).PingAsync().WaitAsync(cancellationToken);
}
