using Cutroom.Server.Hosting;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The job engine's storage (Hangfire; docs/scale-out.md, "Jobs"): with <c>Database:Provider=postgres</c>
/// the same PostgreSQL database as the server's tables (schema <see cref="JobOptions.EngineSchema"/>,
/// <c>hangfire</c>, created at first start; idle workers are woken by LISTEN/NOTIFY); otherwise SQLite in <c>&lt;data&gt;/jobs-engine.db</c>,
/// beside <c>cutroom.db</c>, for the embedded one-process default. The storage is made per server,
/// never through Hangfire's global configuration, so several servers can live in one process (tests).
/// </summary>
public static class JobEngineStorage
{
    private static readonly Lock GlobalOnce = new();
    private static bool _configured;

    /// <summary>Creates the storage of <paramref name="options"/>.</summary>
    /// <param name="options">Settings (the data folder is absolute).</param>
    /// <exception cref="InvalidOperationException">postgres without <c>Database:ConnectionString</c>.</exception>
    public static JobStorage Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigureSerializerOnce();
        var poll = options.Jobs.PollInterval > TimeSpan.Zero ? options.Jobs.PollInterval : TimeSpan.FromMilliseconds(500);
        if (IsPostgres(options))
        {
            var cs = options.Database.ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for postgres");
            var pg = new PostgreSqlStorageOptions
            {
                SchemaName = options.Jobs.EngineSchema, PrepareSchemaIfNecessary = true, QueuePollInterval = poll, EnableLongPolling = true,
                // The engine's own at-least-once redelivery of a fetched job; our leases recover the work of dead workers long before this.
                InvisibilityTimeout = TimeSpan.FromHours(6), UseSlidingInvisibilityTimeout = true,
            };
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(cs, pg, null), pg);
        }
        var file = Path.Combine(options.DataDir, "jobs-engine.db");
        return new SQLiteStorage(file, new SQLiteStorageOptions
        {
            QueuePollInterval = poll,
            InvisibilityTimeout = TimeSpan.FromHours(6),
            DistributedLockLifetime = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>Whether the server runs on PostgreSQL.</summary>
    /// <param name="options">Settings.</param>
    public static bool IsPostgres(ServerOptions options) =>
        string.Equals(options?.Database.Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Hangfire's serializer settings are process-wide: set them once.</summary>
    private static void ConfigureSerializerOnce()
    {
        lock (GlobalOnce)
        {
            if (_configured) return;
            GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            _configured = true;
        }
    }
}
