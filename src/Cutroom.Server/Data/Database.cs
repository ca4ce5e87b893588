using Cutroom.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Data;

/// <summary>Provider selection and start-up migration.</summary>
public static class Database
{
    /// <summary>Configures SQLite (default: <c>cutroom.db</c> in the data folder) or PostgreSQL.</summary>
    /// <param name="builder">The options builder.</param>
    /// <param name="options">The settings.</param>
    public static void Configure(DbContextOptionsBuilder builder, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (IsPostgres(options.Database))
        {
            builder.UseNpgsql(options.Database.ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for postgres"));
        }
        else
        {
            var cs = options.Database.ConnectionString ?? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(options.DataDir, "cutroom.db"), Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30,
            }.ToString();
            builder.UseSqlite(cs);
        }
        // The migrations are written by hand (no model snapshot): MigrationTests compares the migrated schema with the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>Whether the settings select PostgreSQL (<c>Database:Provider = postgres</c>, any case).</summary>
    /// <param name="options">The database settings.</param>
    public static bool IsPostgres(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Equals(options.Provider, "postgres", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Applies the migrations (and, on SQLite, turns on WAL so readers never wait for a writer).</summary>
    /// <param name="services">The app's services.</param>
    public static void Migrate(IServiceProvider services)
    {
        using var ctx = services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContext();
        ctx.Database.Migrate();
        if (ctx.Database.IsSqlite())
        {
            ctx.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            ctx.Database.ExecuteSqlRaw("PRAGMA synchronous=NORMAL;");
        }
    }
}
