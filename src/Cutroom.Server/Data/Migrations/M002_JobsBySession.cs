using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>
/// An index of jobs by session and kind: state reads a session's chat history from its chat jobs on
/// every poll, and the chat lane checks for a running turn of the session before each claim.
/// </summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261122000002_JobsBySession")]
public sealed class M002JobsBySession : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_jobs_SessionId_Kind", "jobs", ["SessionId", "Kind"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_jobs_SessionId_Kind", "jobs");
    }
}
