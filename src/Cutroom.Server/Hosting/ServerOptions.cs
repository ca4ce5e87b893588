namespace Cutroom.Server.Hosting;

/// <summary>
/// The server's settings. Every value has an embedded default; <c>cutroom serve</c> sets the port
/// and data folder from its options, and any value can be overridden through configuration
/// (section <c>Cutroom</c>, e.g. environment variable <c>Cutroom__Jobs__Concurrency=2</c>).
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The data folder (database, stored files, work folders, signing key). Default <c>~/.local/share/cutroom</c>.</summary>
    public string DataDir { get; set; } = DefaultDataDir();

    /// <summary>The TCP port on 127.0.0.1 (0 = any free port; the chosen one is in <see cref="ServerHost.BaseUrl"/>).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>The address to listen on (default loopback only).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// What this process does (<c>cutroom serve --role</c>): <c>all</c> (default: the HTTP API and the
    /// job workers), <c>api</c> (HTTP only: jobs are queued for workers elsewhere) or <c>worker</c> (runs
    /// jobs; HTTP answers only <c>/healthz</c>). Every process of one service shares the database and storage.
    /// </summary>
    public string Role { get; set; } = ServerRoles.All;

    /// <summary>
    /// The operators' key: the job engine's dashboard at <c>/admin/jobs</c> asks for it (HTTP Basic
    /// with the key as password, or <c>Authorization: Bearer KEY</c>). Null (default): no dashboard.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>Database settings.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Where stored files live: the data folder (default) or an S3-compatible store (docs/storage.md).</summary>
    public Storage.StorageOptions Storage { get; set; } = new();

    /// <summary>Upload and URL import settings.</summary>
    public UploadOptions Upload { get; set; } = new();

    /// <summary>Token and account settings.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Job settings.</summary>
    public JobOptions Jobs { get; set; } = new();

    /// <summary>Chat (SSE) settings.</summary>
    public ChatOptions Chat { get; set; } = new();

    /// <summary>Google ADK endpoint settings.</summary>
    public AdkOptions Adk { get; set; } = new();

    /// <summary>Render settings (the chunk cache shared by exports and previews).</summary>
    public RenderOptions Render { get; set; } = new();

    /// <summary>Live preview settings (Cutroom's addition: <c>GET /api/preview/nemo_agent/me/&lt;session_id&gt;</c>).</summary>
    public PreviewOptions Preview { get; set; } = new();

    /// <summary>Webhooks of the developer API.</summary>
    public DevApi.WebhookOptions Webhooks { get; set; } = new();

    /// <summary>Lifetime of signed download URLs (contract §8; default 24 h).</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether export requires the three attribution headers (contract §1; default on).</summary>
    public bool RequireAttribution { get; set; } = true;

    /// <summary>Requests per second allowed per token (token bucket; burst = 10 s of it). Default 50.</summary>
    public int RequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>Anonymous tokens issued per client IP per hour (client ids are chosen by clients). Default 30.</summary>
    public int TokensPerIpPerHour { get; set; } = 30;

    /// <summary>The per-user default folder (<c>$XDG_DATA_HOME/cutroom</c> or <c>~/.local/share/cutroom</c>).</summary>
    public static string DefaultDataDir()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(root, "cutroom");
    }
}

/// <summary>Database settings.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default; <c>cutroom.db</c> in the data folder) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string (PostgreSQL; for SQLite, overrides the default file).</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Upload settings (contract §5, docs/security.md §8, §10).</summary>
public sealed class UploadOptions
{
    /// <summary>Largest accepted file (bytes); default 500 MB (500 × 1024 × 1024).</summary>
    public long MaxFileBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Disk quota of one session (bytes: uploads and outputs); default 4 GiB.</summary>
    public long SessionQuotaBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>URL import: allow loopback addresses and any port (tests only; default off).</summary>
    public bool AllowLoopbackImports { get; set; }

    /// <summary>URL import: time limit of one download; default 10 min.</summary>
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Largest chat body (<c>/run_sse</c>, <c>/run</c>) when it carries files as base64 <c>inlineData</c>
    /// parts (bytes of JSON, about 4/3 of the files); default 64 MiB (ADK's own server takes 50 MB). The body
    /// is held in memory while it is read, so larger files go through the multipart upload.
    /// </summary>
    public long MaxInlineBodyBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>Token settings (contract §3).</summary>
public sealed class AuthOptions
{
    /// <summary>Token lifetime, and the window of one anonymous token per client id; default 7 days.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Credits of a new account; default 100.</summary>
    public int SignupCredits { get; set; } = 100;

    /// <summary>
    /// How callers are known: <c>token</c> (default: a bearer token, or a same-origin session cookie made from
    /// one) or <c>local</c> (<c>cutroom serve --auth local</c>: a request without a token is the one local
    /// account; refused unless the server listens on a loopback address). docs/adk.md, "Auth".
    /// </summary>
    public string Mode { get; set; } = AuthModes.Token;
}

/// <summary>The values of <see cref="AuthOptions.Mode"/>.</summary>
public static class AuthModes
{
    /// <summary>Bearer tokens (and same-origin cookies) only.</summary>
    public const string Token = "token";

    /// <summary>One local account for requests without a token, on loopback only.</summary>
    public const string Local = "local";
}

/// <summary>Settings of the Google ADK endpoints (docs/adk.md).</summary>
public sealed class AdkOptions
{
    /// <summary>The largest artifact answered inline as base64 <c>inlineData</c> (bytes); larger ones are a link part. Default 16 MiB.</summary>
    public long MaxInlineArtifactBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// A folder holding ADK's built dev UI (<c>node_modules/@google/adk-devtools/dist/browser</c> of the npm
    /// package), served at <c>/dev-ui/</c> with a <c>runtime-config.json</c> whose <c>backendUrl</c> is this
    /// server, so the dev UI is same-origin (its requests carry the session cookie). Null (default): not served.
    /// </summary>
    public string? DevUiDir { get; set; }
}

/// <summary>Job settings.</summary>
public sealed class JobOptions
{
    /// <summary>Renders run at once; default cores / 2, at least 1.</summary>
    public int Concurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// Pieces of chunked renders (<c>render_chunk</c> jobs, docs/render.md "Chunks as jobs") this worker process renders at once,
    /// for any render of any worker; default the cores (at most 8), as a render on one machine runs its chunks.
    /// </summary>
    public int ChunkConcurrency { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Chat turns run at once (they are short, or wait on their own ffmpeg); default cores, at least 2.</summary>
    public int ChatConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Starts of one job before it is failed (crash recovery); default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Renders one account may have running at once, all workers together; default 2 (the rest wait in the fair queue).</summary>
    public int RendersPerAccount { get; set; } = 2;

    /// <summary>Chat turns one account may have running at once, all workers together; default 2.</summary>
    public int ChatTurnsPerAccount { get; set; } = 2;

    /// <summary>How long a worker holds a running job without renewing it (renewed every third of it); a job past it is recovered. Default 30 s.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an idle worker asks the job engine's queue for work (on SQLite: the delay before a
    /// queued job starts, and the idle cost, docs/jobs.md; PostgreSQL also wakes workers at once by
    /// LISTEN/NOTIFY); default 500 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The PostgreSQL schema of the job engine's tables (every process of one service uses the same); default <c>hangfire</c>.</summary>
    public string EngineSchema { get; set; } = "hangfire";

    /// <summary>How often a worker looks for jobs of dead workers (the engine's recurring job); default 15 s.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The values of <see cref="ServerOptions.Role"/>.</summary>
public static class ServerRoles
{
    /// <summary>The HTTP API and the workers in one process (default).</summary>
    public const string All = "all";
    /// <summary>The HTTP API only: takes requests and queues jobs.</summary>
    public const string Api = "api";
    /// <summary>A worker only: runs queued jobs.</summary>
    public const string Worker = "worker";

    /// <summary>Whether <paramref name="role"/> serves the HTTP API.</summary>
    /// <param name="role">A role.</param>
    public static bool ServesApi(string role) => !string.Equals(role, Worker, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="role"/> runs jobs.</summary>
    /// <param name="role">A role.</param>
    public static bool RunsJobs(string role) => !string.Equals(role, Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="role"/> is one of the three.</summary>
    /// <param name="role">A value.</param>
    public static bool IsKnown(string? role) => role is not null && (role.Equals(All, StringComparison.OrdinalIgnoreCase)
        || role.Equals(Api, StringComparison.OrdinalIgnoreCase) || role.Equals(Worker, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Chat settings (contract §6b).</summary>
public sealed class ChatOptions
{
    /// <summary>Quiet time before a <c>: heartbeat</c> comment; default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest turn; default 15 min.</summary>
    public TimeSpan TurnLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An OpenAI-compatible base URL for the LLM planner (null: the built-in planner only).</summary>
    public string? LlmBaseUrl { get; set; }

    /// <summary>The LLM's model name.</summary>
    public string? LlmModel { get; set; }
}

/// <summary>Render settings.</summary>
public sealed class RenderOptions
{
    /// <summary>
    /// Size limit of the render cache, bytes: rendered chunks of exports and previews kept under
    /// <c>&lt;data&gt;/render-cache</c> so that a render after an edit renders only the chunks the edit
    /// touched (least recently used pieces are deleted past the limit). Default 2 GiB
    /// (<see cref="Cutroom.Engine.Render.Chunks.RenderCache.DefaultMaxBytes"/>); 0 turns the cache off.
    /// </summary>
    public long CacheMaxBytes { get; set; } = Cutroom.Engine.Render.Chunks.RenderCache.DefaultMaxBytes;

    /// <summary>
    /// Who renders the chunks of an export (docs/render.md, "Chunks as jobs"): <c>local</c> (the worker that runs the render, on its cores),
    /// <c>queued</c> (each chunk is a <c>render_chunk</c> job that any worker process on any machine may take, so several workers render
    /// one video together), or <c>auto</c> (default: <c>queued</c> in a process started with <c>--role worker</c>, which implies other
    /// workers share the queue; <c>local</c> otherwise, which saves the queue's round trips on one machine).
    /// </summary>
    public string ChunkJobs { get; set; } = ChunkJobModes.Auto;

    /// <summary>Whether renders of a process in <paramref name="role"/> queue their chunks as jobs (<see cref="ChunkJobs"/>).</summary>
    /// <param name="role">The process's <see cref="ServerOptions.Role"/>.</param>
    public bool QueuesChunks(string role) => ChunkJobs.ToLowerInvariant() switch
    {
        ChunkJobModes.Queued => true,
        ChunkJobModes.Local => false,
        _ => string.Equals(role, ServerRoles.Worker, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The longest output one render may produce (the draft's duration, checked when the render is posted: 4000 past it). Default 30 min.</summary>
    public TimeSpan MaxOutputDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wall-clock limit of a render's ffmpeg runs: this plus <see cref="FFmpegTimeLimitPerOutputSecond"/> per second of output. Default 2 min.</summary>
    public TimeSpan FFmpegTimeLimitBase { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wall-clock time allowed per second of a render's output (default 10 s: a 30 s render may run 7 min, a 30 min one 5 h 2 min).</summary>
    public TimeSpan FFmpegTimeLimitPerOutputSecond { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The ffmpeg time limit of a render of <paramref name="outputMs"/> ms.</summary>
    /// <param name="outputMs">The output's duration in ms.</param>
    public TimeSpan FFmpegTimeLimitFor(long outputMs) => FFmpegTimeLimitBase + FFmpegTimeLimitPerOutputSecond * Math.Max(0, outputMs / 1000.0);
}

/// <summary>Live preview settings.</summary>
public sealed class PreviewOptions
{
    /// <summary>
    /// Preview renders running at once in this process, all sessions together (each session has at
    /// most one); default cores / 4, between 1 and 2, so that previews never take the cores exports need.
    /// </summary>
    public int Concurrency { get; set; } = Math.Clamp(Environment.ProcessorCount / 4, 1, 2);

    /// <summary>Single frames (scrubbing) rendered at once in this process; default 2.</summary>
    public int FrameConcurrency { get; set; } = 2;

    /// <summary>Quiet time after a draft change before its preview starts (a turn of several edits makes one preview); default 250 ms.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a <c>GET</c> of the preview waits for its render before answering 5000 (the render goes on); default 60 s.</summary>
    public TimeSpan WaitLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The preview's height in pixels (the width keeps the draft's aspect ratio); default 360 (640x360 for 16:9).</summary>
    public int Height { get; set; } = Cutroom.Engine.Render.Preview.DraftPreview.DefaultHeight;
}

/// <summary>The values of <see cref="RenderOptions.ChunkJobs"/>.</summary>
public static class ChunkJobModes
{
    /// <summary>Queued in a worker-only process, local otherwise (default).</summary>
    public const string Auto = "auto";
    /// <summary>The render's own worker renders its chunks.</summary>
    public const string Local = "local";
    /// <summary>Every chunk is a job of the queue, for any worker.</summary>
    public const string Queued = "queued";
}
