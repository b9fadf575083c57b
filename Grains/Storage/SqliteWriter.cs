using Microsoft.Data.Sqlite;

namespace Feed.Grains.Storage;

/// <summary>
/// The writer thread's connection, with each statement compiled once and kept: Microsoft.Data.Sqlite compiles a
/// command's SQL anew for every new command object (dotnet/efcore#14044), and the same few statements run for every
/// article. Used only on the writer thread.
/// </summary>
public sealed class SqliteWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The transaction under way; a kept command must be told it, as a new command would be by the connection.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>The statement, compiled on first use, with these parameter values bound; valid until the next call for the same SQL.</summary>
    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
