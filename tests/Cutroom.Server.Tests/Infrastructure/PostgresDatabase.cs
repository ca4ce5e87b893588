using Npgsql;

namespace Cutroom.Server.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for tests that always run on PostgreSQL, whatever database the rest
/// of the suite uses (the scale-out tests: several processes on several data folders share it).
/// On the server of <c>CUTROOM_TEST_POSTGRES</c> when set (<see cref="TestDatabase.Admin"/>); otherwise
/// on a throwaway cluster of its own, started with <c>scripts/pg-test-cluster.sh</c> (loopback, a free
/// port, a folder under /tmp that the user <c>postgres</c> can read) and stopped, folder deleted, at dispose.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string? _clusterDir;

    private PostgresDatabase(string admin, string? clusterDir, string connectionString)
    {
        _admin = admin;
        _clusterDir = clusterDir;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the fresh database (Npgsql keywords; the cluster's superuser).</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a cluster when none is given, then creates a database <c>cutroom_so_&lt;random&gt;</c>.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The cluster did not start (the script's output says why).</exception>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        string admin;
        string? dir = null;
        if (TestDatabase.Admin is { } given) admin = given;
        else
        {
            dir = Path.Combine("/tmp", "cutroom-pg-" + Guid.NewGuid().ToString("N")[..12]);
            var (code, stdout, stderr) = TestMedia.Run(Script, ["start", dir]);
            if (code != 0)
            {
                TestMedia.Run(Script, ["stop", dir]);
                Assert.Fail($"scripts/pg-test-cluster.sh start failed ({code}): {stderr}");
            }
            admin = stdout.Trim();
        }
        var name = "cutroom_so_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new PostgresDatabase(admin, dir, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>Drops the database (closing its connections); stops and deletes the cluster if this made one.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using (var probe = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(probe);
            await using var conn = new NpgsqlConnection(_admin);
            await conn.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            if (_clusterDir is not null) TestMedia.Run(Script, ["stop", _clusterDir]);
        }
    }

    /// <summary><c>scripts/pg-test-cluster.sh</c> of this checkout (the nearest folder above the tests that holds Cutroom.sln).</summary>
    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Cutroom.sln"))) return Path.Combine(dir.FullName, "scripts", "pg-test-cluster.sh");
            throw new DirectoryNotFoundException($"no Cutroom.sln above {AppContext.BaseDirectory}");
        }
    }
}
