using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom serve [--port 8080] [--data DIR] [--role all|api|worker] [--auth token|local]</c>: the HTTP server of the
/// contract and the Studio page, on 127.0.0.1, with SQLite and files in the data folder; with
/// <c>--role</c> an API-only or worker-only process of a service spread over several (docs/scale-out.md). Settings beyond the options come
/// from environment variables <c>Cutroom__Section__Name</c> (docs/server.md).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => EnvInt("CUTROOM_PORT") ?? 8080 };
        var data = new Option<string>("--data") { Description = "Data folder (database, files); default $CUTROOM_DATA or ~/.local/share/cutroom" };
        var role = new Option<string>("--role")
        {
            Description = "What this process does: all (HTTP API and job workers), api (HTTP only, jobs run on workers) or worker (runs jobs; HTTP only /healthz)",
            DefaultValueFactory = _ => ServerRoles.All,
        };
        role.AcceptOnlyFromAmong(ServerRoles.All, ServerRoles.Api, ServerRoles.Worker);
        var auth = new Option<string>("--auth")
        {
            Description = "token (default: bearer tokens) or local (requests without a token are one local account; loopback only; for clients that cannot send a header, such as Google ADK's)",
            DefaultValueFactory = _ => AuthModes.Token,
        };
        auth.AcceptOnlyFromAmong(AuthModes.Token, AuthModes.Local);
        var cmd = new Command("serve", "Run the Cutroom server (HTTP API, chat over SSE, render jobs, the Studio page)") { port, data, role, auth };
        cmd.SetAction(async (parse, ct) =>
        {
            var options = new ServerOptions();
            new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Cutroom").Bind(options);
            options.Port = parse.GetValue(port);
            if (parse.GetResult(role) is { Implicit: false }) options.Role = parse.GetValue(role)!;
            if (parse.GetResult(auth) is { Implicit: false }) options.Auth.Mode = parse.GetValue(auth)!;
            if (!ServerRoles.IsKnown(options.Role))
            {
                Console.Error.WriteLine($"cutroom: --role: '{options.Role}' (from Cutroom__Role) is not a role: use all, api or worker");
                return ExitCodes.Usage;
            }
            options.DataDir = parse.GetValue(data) ?? Environment.GetEnvironmentVariable("CUTROOM_DATA") ?? options.DataDir;
            // The same LLM planner variables as local-chat (the built-in planner stays the fallback).
            options.Chat.LlmBaseUrl ??= Environment.GetEnvironmentVariable("CUTROOM_LLM_URL") is { Length: > 0 } llm ? llm : null;
            options.Chat.LlmModel ??= Environment.GetEnvironmentVariable("CUTROOM_LLM_MODEL") is { Length: > 0 } model ? model : null;
            // The engine's work folders (render, analysis) go under the data folder, whose tmp/ is
            // emptied at start-up, so a killed server leaves nothing behind in the system temp folder.
            var engineTemp = Path.Combine(Path.GetFullPath(options.DataDir), "tmp", "engine");
            Directory.CreateDirectory(engineTemp);
            Environment.SetEnvironmentVariable("TMPDIR", engineTemp);
            WebApplication app;
            try { app = ServerHost.Build(options); }
            catch (ToolMissingException e)
            {
                Console.Error.WriteLine($"cutroom: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (ArgumentException e) when (e.ParamName == "options")
            {
                Console.Error.WriteLine($"cutroom: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.Usage;
            }
            await app.StartAsync(ct);
            var what = options.Role == ServerRoles.All ? "" : $" as {options.Role}";
            Console.Error.WriteLine($"Cutroom is listening on {ServerHost.BaseUrl(app)}{what} (data in {options.DataDir}); Ctrl+C stops it.");
            if (options.Auth.Mode == AuthModes.Local) Console.Error.WriteLine(ServerHost.LocalAuthWarning);
            await app.WaitForShutdownAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static int? EnvInt(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : null;
}
