using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cutroom.Server.Data;

/// <summary>
/// Tells a unique-index refusal from other write failures, on both providers: the code that
/// relies on a unique index for idempotency (one settle per credit hold, one job per render id)
/// treats that refusal as "someone else wrote it first" and lets every other failure through.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    /// <summary>Whether <paramref name="e"/> is a refused duplicate of a unique index or primary key (SQLite extended code 2067 or 1555; PostgreSQL SQLSTATE 23505).</summary>
    /// <param name="e">What <c>SaveChanges</c> threw.</param>
    public static bool Is(DbUpdateException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            _ => false,
        };
    }
}
