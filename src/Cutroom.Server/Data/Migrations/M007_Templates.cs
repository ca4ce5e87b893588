using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>Render templates of the developer API (docs/developer-api.md, "Templates").</summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261207100007_Templates")]
public sealed class M007Templates : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable("render_templates", t => new
        {
            Id = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            DraftJson = t.Column<string>(nullable: false),
            Fields = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_render_templates", x => x.Id));
        migrationBuilder.CreateIndex("IX_render_templates_AccountId", "render_templates", "AccountId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("render_templates");
    }
}
