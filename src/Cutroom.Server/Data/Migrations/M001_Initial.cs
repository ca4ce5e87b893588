using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cutroom.Server.Data.Migrations;

/// <summary>
/// The first schema, written by hand (the EF Core design package, which generates migrations,
/// does not restore here). Column types are left to the provider, so the same migration runs
/// on SQLite and PostgreSQL. <c>MigrationTests</c> checks that it matches <see cref="CutroomDb"/>'s model.
/// </summary>
[DbContext(typeof(CutroomDb))]
[Migration("20261122000001_Initial")]
public sealed class M001Initial : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var b = migrationBuilder;
        b.CreateTable("accounts", t => new
        {
            Id = t.Column<string>(nullable: false),
            ClientId = t.Column<string>(nullable: false),
            BindCode = t.Column<string>(nullable: false),
            Email = t.Column<string>(nullable: true),
            BoundAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastTokenAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_accounts", x => x.Id));
        b.CreateIndex("IX_accounts_ClientId", "accounts", "ClientId", unique: true);
        b.CreateIndex("IX_accounts_BindCode", "accounts", "BindCode", unique: true);

        b.CreateTable("tokens", t => new
        {
            Hash = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tokens", x => x.Hash));
        b.CreateIndex("IX_tokens_AccountId", "tokens", "AccountId");

        b.CreateTable("sessions", t => new
        {
            Id = t.Column<string>(nullable: false),
            TaskId = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            TaskName = t.Column<string>(nullable: false),
            Language = t.Column<string>(nullable: false),
            Version = t.Column<int>(nullable: false),
            CurrentRevisionId = t.Column<long>(nullable: false),
            RedoStack = t.Column<string>(nullable: false),
            Attribution = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_sessions", x => x.Id));
        b.CreateIndex("IX_sessions_AccountId", "sessions", "AccountId");

        b.CreateTable("draft_revisions", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            SessionId = t.Column<string>(nullable: false),
            ParentId = t.Column<long>(nullable: true),
            Json = t.Column<string>(nullable: false),
            Reason = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_draft_revisions", x => x.Id));
        b.CreateIndex("IX_draft_revisions_SessionId", "draft_revisions", "SessionId");

        b.CreateTable("media", t => new
        {
            Id = t.Column<string>(nullable: false),
            SessionId = t.Column<string>(nullable: false),
            Seq = t.Column<int>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            FileKey = t.Column<string>(nullable: false),
            Mime = t.Column<string>(nullable: false),
            SizeBytes = t.Column<long>(nullable: false),
            DurationMs = t.Column<long>(nullable: true),
            Width = t.Column<int>(nullable: true),
            Height = t.Column<int>(nullable: true),
            Fps = t.Column<double>(nullable: true),
            HasAudio = t.Column<bool>(nullable: false),
            VideoCodec = t.Column<string>(nullable: true),
            AudioCodec = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_media", x => x.Id));
        b.CreateIndex("IX_media_SessionId_Seq", "media", ["SessionId", "Seq"]);

        b.CreateTable("generated_media", t => new
        {
            Id = t.Column<string>(nullable: false),
            SessionId = t.Column<string>(nullable: false),
            Seq = t.Column<int>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Op = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            GroupId = t.Column<string>(nullable: false),
            FileKey = t.Column<string>(nullable: false),
            SourceMediaId = t.Column<string>(nullable: true),
            Width = t.Column<int>(nullable: true),
            Height = t.Column<int>(nullable: true),
            DurationMs = t.Column<long>(nullable: true),
            TimeMs = t.Column<long>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_generated_media", x => x.Id));
        b.CreateIndex("IX_generated_media_SessionId_Seq", "generated_media", ["SessionId", "Seq"]);

        b.CreateTable("files", t => new
        {
            Key = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            RelativePath = t.Column<string>(nullable: false),
            ContentType = t.Column<string>(nullable: false),
            DownloadName = t.Column<string>(nullable: false),
            SizeBytes = t.Column<long>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_files", x => x.Key));

        b.CreateTable("jobs", t => new
        {
            Id = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            AccountId = t.Column<string>(nullable: false),
            SessionId = t.Column<string>(nullable: false),
            ExternalId = t.Column<string>(nullable: true),
            RequestHash = t.Column<string>(nullable: true),
            Status = t.Column<string>(nullable: false),
            Progress = t.Column<int>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            ErrorCode = t.Column<int>(nullable: true),
            ErrorMessage = t.Column<string>(nullable: true),
            ResultJson = t.Column<string>(nullable: true),
            Attribution = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_jobs", x => x.Id));
        b.CreateIndex("IX_jobs_AccountId_Kind_ExternalId", "jobs", ["AccountId", "Kind", "ExternalId"], unique: true);
        b.CreateIndex("IX_jobs_Status", "jobs", "Status");

        b.CreateTable("job_payloads", t => new
        {
            JobId = t.Column<string>(nullable: false),
            Json = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_job_payloads", x => x.JobId));

        b.CreateTable("job_transitions", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            JobId = t.Column<string>(nullable: false),
            From = t.Column<string>(nullable: true),
            To = t.Column<string>(nullable: false),
            Reason = t.Column<string>(nullable: true),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_job_transitions", x => x.Id));
        b.CreateIndex("IX_job_transitions_JobId", "job_transitions", "JobId");

        b.CreateTable("credit_ledger", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            AccountId = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Amount = t.Column<int>(nullable: false),
            Charged = t.Column<int>(nullable: false),
            HoldId = t.Column<string>(nullable: true),
            JobId = t.Column<string>(nullable: true),
            Operation = t.Column<string>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_credit_ledger", x => x.Id));
        b.CreateIndex("IX_credit_ledger_AccountId", "credit_ledger", "AccountId");
        b.CreateIndex("IX_credit_ledger_HoldId_Kind", "credit_ledger", ["HoldId", "Kind"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "credit_ledger", "job_transitions", "job_payloads", "jobs", "files", "generated_media", "media", "draft_revisions", "sessions", "tokens", "accounts" })
            migrationBuilder.DropTable(table);
    }
}
