using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>Renders and jobs of the developer API (docs/developer-api.md): the address told when a job ends, and the API key that made it.</summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261207100005_V1Renders")]
public sealed class M005V1Renders : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("CallbackUrl", "jobs", nullable: true);
        migrationBuilder.AddColumn<string>("ApiKeyId", "jobs", nullable: true);
        migrationBuilder.CreateIndex("IX_jobs_AccountId_CreatedAt", "jobs", ["AccountId", "CreatedAt"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_jobs_AccountId_CreatedAt", "jobs");
        migrationBuilder.DropColumn("ApiKeyId", "jobs");
        migrationBuilder.DropColumn("CallbackUrl", "jobs");
    }
}
