using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>The developer API's keys (<c>api_keys</c>, docs/developer-api.md): hashed, named, revocable, each with its account.</summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261207100004_ApiKeys")]
public sealed class M004ApiKeys : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable("api_keys", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Hash = t.Column<string>(nullable: false),
            Prefix = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            RequestsPerMinute = t.Column<int>(nullable: true),
            WebhookSecret = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_api_keys", x => x.Id));
        migrationBuilder.CreateIndex("IX_api_keys_Hash", "api_keys", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_api_keys_AccountId", "api_keys", "AccountId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("api_keys");
    }
}
