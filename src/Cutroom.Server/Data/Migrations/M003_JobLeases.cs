using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>
/// Jobs run by the job engine on any worker process (docs/scale-out.md, "Jobs"): the worker that
/// runs a job and its lease (a running job past its lease belongs to a dead worker and is
/// recovered), when its attempt started (the fair queue serves the least recently served account
/// first), and an index of jobs by kind and state for the dispatcher.
/// </summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261207000003_JobLeases")]
public sealed class M003JobLeases : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("WorkerId", "jobs", nullable: true);
        migrationBuilder.AddColumn<DateTime>("LeaseUntil", "jobs", nullable: true);
        migrationBuilder.AddColumn<DateTime>("StartedAt", "jobs", nullable: true);
        migrationBuilder.CreateIndex("IX_jobs_Kind_Status", "jobs", ["Kind", "Status"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_jobs_Kind_Status", "jobs");
        migrationBuilder.DropColumn("StartedAt", "jobs");
        migrationBuilder.DropColumn("LeaseUntil", "jobs");
        migrationBuilder.DropColumn("WorkerId", "jobs");
    }
}
