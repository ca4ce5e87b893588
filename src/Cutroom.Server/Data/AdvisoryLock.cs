using Cutroom.Server.Hosting;
using Npgsql;

namespace Cutroom.Server.Data;

/// <summary>
/// A lock by name across every process on one PostgreSQL database: a session-level advisory lock
/// (<c>pg_advisory_lock(hashtextextended(name, 0))</c>) held on a connection of its own until
/// disposed. If the process dies, PostgreSQL drops the connection and with it the lock. On SQLite
/// (one server process per file) there is nothing to take: <see cref="AcquireAsync"/> returns null.
/// </summary>
public sealed class AdvisoryLock : IDisposable
{
    private readonly NpgsqlConnection _conn;
    private readonly string _name;
    private int _released;

    private AdvisoryLock(NpgsqlConnection conn, string name)
    {
        _conn = conn;
        _name = name;
    }

    /// <summary>Waits for the lock <paramref name="name"/>; null when the database is not PostgreSQL.</summary>
    /// <param name="options">The database settings (provider and connection string).</param>
    /// <param name="name">What is locked, e.g. <c>session:ses_…</c>.</param>
    /// <param name="cancellationToken">Cancels waiting (the wait is cancelled on the server too).</param>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public static async Task<AdvisoryLock?> AcquireAsync(DatabaseOptions options, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Database.IsPostgres(options)) return null;
        var conn = new NpgsqlConnection(options.ConnectionString);
        try
        {
            await conn.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0))", conn);
            cmd.Parameters.AddWithValue("name", name);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(conn, name);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases the lock (explicitly: a pooled connection keeps its session's locks until reset) and returns the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        try
        {
            using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@name, 0))", _conn);
            cmd.Parameters.AddWithValue("name", _name);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The connection is broken: PostgreSQL released the lock with it. Drop it from the pool.
            NpgsqlConnection.ClearPool(_conn);
        }
        finally
        {
            _conn.Dispose();
        }
    }
}
