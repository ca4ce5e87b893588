using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>Webhooks of the developer API (docs/developer-api.md, "Webhooks"): account endpoints, deliveries and every attempt.</summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261207100006_Webhooks")]
public sealed class M006Webhooks : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var b = migrationBuilder;
        b.CreateTable("webhook_endpoints", t => new
        {
            Id = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            Url = t.Column<string>(nullable: false),
            Secret = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_webhook_endpoints", x => x.Id));
        b.CreateIndex("IX_webhook_endpoints_AccountId", "webhook_endpoints", "AccountId");

        b.CreateTable("webhook_deliveries", t => new
        {
            Id = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            EventId = t.Column<string>(nullable: false),
            EventType = t.Column<string>(nullable: false),
            JobId = t.Column<string>(nullable: false),
            Url = t.Column<string>(nullable: false),
            EndpointId = t.Column<string>(nullable: true),
            ApiKeyId = t.Column<string>(nullable: true),
            Payload = t.Column<string>(nullable: false),
            Status = t.Column<string>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: true),
            LastStatusCode = t.Column<int>(nullable: true),
            LastError = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_webhook_deliveries", x => x.Id));
        b.CreateIndex("IX_webhook_deliveries_EventId_Url", "webhook_deliveries", ["EventId", "Url"], unique: true);
        b.CreateIndex("IX_webhook_deliveries_AccountId_CreatedAt", "webhook_deliveries", ["AccountId", "CreatedAt"]);
        b.CreateIndex("IX_webhook_deliveries_Status", "webhook_deliveries", "Status");

        b.CreateTable("webhook_attempts", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            DeliveryId = t.Column<string>(nullable: false),
            Number = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            StatusCode = t.Column<int>(nullable: true),
            Error = t.Column<string>(nullable: true),
            DurationMs = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_webhook_attempts", x => x.Id));
        b.CreateIndex("IX_webhook_attempts_DeliveryId", "webhook_attempts", "DeliveryId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("webhook_attempts");
        migrationBuilder.DropTable("webhook_deliveries");
        migrationBuilder.DropTable("webhook_endpoints");
    }
}
