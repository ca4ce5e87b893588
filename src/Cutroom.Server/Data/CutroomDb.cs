using Cutroom.Server.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Data;

/// <summary>
/// The server's database: accounts and hashed tokens, sessions with their draft revisions,
/// media, generated media, stored files, jobs with payloads and transitions, and the credit
/// ledger. SQLite by default (one file in the data folder); PostgreSQL by configuration. The
/// schema is created by the hand-written migrations in <c>Data/Migrations</c> (the EF design
/// package does not restore here), applied at start-up.
/// </summary>
/// <param name="options">Provider and connection.</param>
public sealed class CutroomDb(DbContextOptions<CutroomDb> options) : DbContext(options)
{
    /// <summary>Accounts.</summary>
    public DbSet<Account> Accounts => Set<Account>();
    /// <summary>Hashed bearer tokens.</summary>
    public DbSet<AccessToken> Tokens => Set<AccessToken>();
    /// <summary>Sessions.</summary>
    public DbSet<SessionRow> Sessions => Set<SessionRow>();
    /// <summary>Draft revisions (append-only).</summary>
    public DbSet<DraftRevision> DraftRevisions => Set<DraftRevision>();
    /// <summary>Uploads.</summary>
    public DbSet<MediaRow> Media => Set<MediaRow>();
    /// <summary>Outputs of chat operations.</summary>
    public DbSet<GeneratedRow> Generated => Set<GeneratedRow>();
    /// <summary>Files by opaque key.</summary>
    public DbSet<StoredFile> Files => Set<StoredFile>();
    /// <summary>Jobs.</summary>
    public DbSet<JobRow> Jobs => Set<JobRow>();
    /// <summary>Job requests.</summary>
    public DbSet<JobPayload> JobPayloads => Set<JobPayload>();
    /// <summary>Job state history.</summary>
    public DbSet<JobTransition> JobTransitions => Set<JobTransition>();
    /// <summary>The credit ledger.</summary>
    public DbSet<CreditEntry> Credits => Set<CreditEntry>();
    /// <summary>Developer API keys (hashed).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    /// <summary>Account-level webhook endpoints.</summary>
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    /// <summary>Webhook deliveries.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    /// <summary>Every attempt of every delivery.</summary>
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    /// <summary>Render templates.</summary>
    public DbSet<RenderTemplate> Templates => Set<RenderTemplate>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ClientId).IsUnique();
            e.HasIndex(x => x.BindCode).IsUnique();
        });
        modelBuilder.Entity<AccessToken>(e =>
        {
            e.ToTable("tokens");
            e.HasKey(x => x.Hash);
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<DraftRevision>(e =>
        {
            e.ToTable("draft_revisions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SessionId);
        });
        modelBuilder.Entity<MediaRow>(e =>
        {
            e.ToTable("media");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.SessionId, x.Seq });
        });
        modelBuilder.Entity<GeneratedRow>(e =>
        {
            e.ToTable("generated_media");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.SessionId, x.Seq });
        });
        modelBuilder.Entity<StoredFile>(e =>
        {
            e.ToTable("files");
            e.HasKey(x => x.Key);
        });
        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable("jobs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.AccountId, x.Kind, x.ExternalId }).IsUnique();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => new { x.SessionId, x.Kind });
            e.HasIndex(x => new { x.Kind, x.Status });
            e.HasIndex(x => new { x.AccountId, x.CreatedAt });
        });
        modelBuilder.Entity<JobPayload>(e =>
        {
            e.ToTable("job_payloads");
            e.HasKey(x => x.JobId);
        });
        modelBuilder.Entity<JobTransition>(e =>
        {
            e.ToTable("job_transitions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.JobId);
        });
        modelBuilder.Entity<CreditEntry>(e =>
        {
            e.ToTable("credit_ledger");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AccountId);
            e.HasIndex(x => new { x.HoldId, x.Kind }).IsUnique();
        });
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("webhook_endpoints");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EventId, x.Url }).IsUnique();
            e.HasIndex(x => new { x.AccountId, x.CreatedAt });
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<RenderTemplate>(e =>
        {
            e.ToTable("render_templates");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AccountId);
        });
        modelBuilder.Entity<WebhookAttempt>(e =>
        {
            e.ToTable("webhook_attempts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DeliveryId);
        });
    }
}
