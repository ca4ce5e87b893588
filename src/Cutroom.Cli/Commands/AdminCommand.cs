using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cutroom.Cli.Infrastructure;
using Cutroom.Server.Accounts;
using Cutroom.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom admin credits --client ID --add N</c> and <c>cutroom admin accounts</c>: operator tools
/// on the server's database (the data folder of <c>cutroom serve</c>, or the PostgreSQL database of
/// <c>Cutroom__Database__Provider</c> and <c>Cutroom__Database__ConnectionString</c>).
/// </summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var cmd = new Command("admin", "Operator tools: grant credits, list accounts and usage, API keys");
        cmd.Subcommands.Add(Credits());
        cmd.Subcommands.Add(Accounts());
        cmd.Subcommands.Add(AdminKeysCommand.Create());
        cmd.Subcommands.Add(AdminWebhooksCommand.Create());
        return cmd;
    }

    internal static Option<string> DataOption() => new("--data") { Description = "Data folder of the server; default $CUTROOM_DATA or ~/.local/share/cutroom" };

    /// <summary>The server's settings as <c>serve</c> reads them (<c>Cutroom__Section__Name</c> variables: the database), with the data folder.</summary>
    internal static ServerOptions OptionsFor(string? data)
    {
        var options = new ServerOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Cutroom").Bind(options);
        options.DataDir = data ?? Environment.GetEnvironmentVariable("CUTROOM_DATA") ?? options.DataDir;
        return options;
    }

    private static Command Credits()
    {
        var client = new Option<string>("--client") { Description = "The account's client id (X-Client-Id)", Required = true };
        var add = new Option<int>("--add") { Description = "Credits to add (> 0)", Required = true };
        var data = DataOption();
        var json = CliOptions.Json();
        var cmd = new Command("credits", "Add credits to an account") { client, add, data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(add);
            if (n <= 0)
            {
                Console.Error.WriteLine("cutroom: --add must be a positive number of credits");
                return ExitCodes.Usage;
            }
            using var admin = new AdminTools(OptionsFor(parse.GetValue(data)));
            try
            {
                var a = await admin.GrantAsync(parse.GetValue(client)!, n, ct);
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(a, JsonOptions));
                else Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Added {n} credits to {a.ClientId}: {a.Available} available, {a.Frozen} frozen."));
                return ExitCodes.Ok;
            }
            catch (KeyNotFoundException e)
            {
                Console.Error.WriteLine($"cutroom: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return cmd;
    }

    private static Command Accounts()
    {
        var data = DataOption();
        var json = CliOptions.Json();
        var cmd = new Command("accounts", "List accounts with balance and usage") { data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(OptionsFor(parse.GetValue(data)));
            var list = await admin.ListAsync(ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { accounts = list }, JsonOptions));
                return ExitCodes.Ok;
            }
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
            var t = new Table().Border(TableBorder.Rounded);
            foreach (var c in Columns) t.AddColumn(c);
            foreach (var a in list)
                t.AddRow(Markup.Escape(a.ClientId), Markup.Escape(a.Email ?? "(anonymous)"), a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    I(a.Available), I(a.Frozen), I(a.Spent), I(a.Sessions), I(a.Uploads), I(a.Jobs));
            AnsiConsole.Write(t);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} accounts"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static readonly string[] Columns = ["Client id", "E-mail", "Created", "Available", "Frozen", "Spent", "Sessions", "Uploads", "Jobs"];

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new Cutroom.Server.Contract.UtcDateTimeConverter() } };
}
