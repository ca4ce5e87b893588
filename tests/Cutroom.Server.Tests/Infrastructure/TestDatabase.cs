using System.Collections.Concurrent;
using Cutroom.Server.Hosting;
using Npgsql;

namespace Cutroom.Server.Tests.Infrastructure;

/// <summary>
/// Which database the server tests run on. By default SQLite (<c>cutroom.db</c> in each server's
/// data folder). When <see cref="Variable"/> holds an admin connection string of a PostgreSQL
/// server (test.sh starts a throwaway cluster with <c>scripts/pg-test-cluster.sh</c>), every data
/// folder gets its own fresh PostgreSQL database, created on first use and named
/// <c>cutroom_t_&lt;random&gt;</c>: servers started on the same folder (a restart) share it.
/// A <see cref="LiveServer"/> drops the database of its own folder when disposed; databases of
/// folders a test made itself are dropped when the test process exits.
/// </summary>
public static class TestDatabase
{
    /// <summary>The environment variable with the admin connection string (Npgsql keywords), e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres;Password=...;Database=postgres</c>.</summary>
    public const string Variable = "CUTROOM_TEST_POSTGRES";

    private static readonly ConcurrentDictionary<string, Lazy<string>> ByDataDir = new(StringComparer.Ordinal);

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var dataDir in ByDataDir.Keys)
        {
            try { DropAsync(dataDir).GetAwaiter().GetResult(); }
            catch (NpgsqlException) { } // the server is gone already: nothing is left to drop
        }
    };

    /// <summary>The admin connection string, or null when the tests run on SQLite.</summary>
    public static string? Admin => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>Whether the tests run on PostgreSQL.</summary>
    public static bool IsPostgres => Admin is not null;

    /// <summary>Points <paramref name="options"/> at the test database of its data folder (on PostgreSQL: creates it on first use; on SQLite: changes nothing).</summary>
    /// <param name="options">Settings whose <see cref="ServerOptions.DataDir"/> is set.</param>
    public static void Apply(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ConnectionStringOf(options.DataDir) is not { } cs) return;
        options.Database.Provider = "postgres";
        options.Database.ConnectionString = cs;
    }

    /// <summary>Settings of a data folder's database (for opening it directly while no server, or another process, runs).</summary>
    /// <param name="dataDir">The data folder.</param>
    public static ServerOptions OptionsFor(string dataDir)
    {
        var options = new ServerOptions { DataDir = dataDir };
        Apply(options);
        return options;
    }

    /// <summary>The environment variables that put a <c>cutroom serve</c> process on the data folder's database (empty on SQLite).</summary>
    /// <param name="dataDir">The data folder.</param>
    public static IReadOnlyDictionary<string, string> EnvironmentFor(string dataDir) =>
        ConnectionStringOf(dataDir) is { } cs
            ? new Dictionary<string, string> { ["Cutroom__Database__Provider"] = "postgres", ["Cutroom__Database__ConnectionString"] = cs }
            : new Dictionary<string, string>();

    /// <summary>Drops the data folder's PostgreSQL database (closing its connections), if it made one.</summary>
    /// <param name="dataDir">The data folder.</param>
    public static async Task DropAsync(string dataDir)
    {
        if (Admin is not { } admin || !ByDataDir.TryRemove(Key(dataDir), out var made) || !made.IsValueCreated) return;
        var cs = made.Value;
        await using (var probe = new NpgsqlConnection(cs)) NpgsqlConnection.ClearPool(probe);
        var name = new NpgsqlConnectionStringBuilder(cs).Database!;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string? ConnectionStringOf(string dataDir)
    {
        if (Admin is not { } admin) return null;
        return ByDataDir.GetOrAdd(Key(dataDir), _ => new Lazy<string>(() => Create(admin))).Value;
    }

    private static string Key(string dataDir) => Path.GetFullPath(dataDir);

    private static string Create(string admin)
    {
        var name = "cutroom_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
