using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cutroom.Cli.Infrastructure;
using Cutroom.Server.Accounts;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom admin keys create --name NAME [--credits N] [--rate R]</c>, <c>keys list</c> and
/// <c>keys revoke ID|NAME</c>: the developer API's keys (docs/developer-api.md). The key is printed
/// once, when it is made; only its hash is kept.
/// </summary>
internal static class AdminKeysCommand
{
    public static Command Create()
    {
        var cmd = new Command("keys", "Developer API keys: create (shown once), list, revoke");
        cmd.Subcommands.Add(CreateKey());
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Revoke());
        return cmd;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "A name for the key (1-64 characters)", Required = true };
        var credits = new Option<int>("--credits") { Description = "Credits granted to the key's account (default 0)" };
        var rate = new Option<int?>("--rate") { Description = "Requests per minute allowed (default: the server's per-token rate)" };
        var data = AdminCommand.DataOption();
        var json = CliOptions.Json();
        var cmd = new Command("create", "Make an API key; prints it once") { name, credits, rate, data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            try
            {
                var made = await admin.Keys.CreateAsync(parse.GetValue(name)!, parse.GetValue(credits), parse.GetValue(rate), ct);
                if (parse.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(new { key = made.Key, webhook_secret = made.WebhookSecret, id = made.Info.Id, name = made.Info.Name, account_id = made.Info.AccountId }, AdminCommand.JsonOptions));
                else
                {
                    Console.WriteLine($"API key {made.Info.Id} ({made.Info.Name}) made. It is shown only now; keep it secret:");
                    Console.WriteLine($"  key:            {made.Key}");
                    Console.WriteLine($"  webhook secret: {made.WebhookSecret}");
                }
                return ExitCodes.Ok;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"cutroom: {e.Message.Split(" (Parameter")[0]}");
                return ExitCodes.Usage;
            }
        });
        return cmd;
    }

    private static Command List()
    {
        var data = AdminCommand.DataOption();
        var json = CliOptions.Json();
        var cmd = new Command("list", "List API keys (never the keys themselves)") { data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            var list = await admin.Keys.ListAsync(ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { keys = list }, AdminCommand.JsonOptions));
                return ExitCodes.Ok;
            }
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
            var t = new Table().Border(TableBorder.Rounded);
            foreach (var c in Columns) t.AddColumn(c);
            foreach (var k in list)
                t.AddRow(k.Id, Markup.Escape(k.Name), Markup.Escape(k.Prefix + "…"), k.RequestsPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "default",
                    k.Available.ToString(CultureInfo.InvariantCulture), k.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    k.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            AnsiConsole.Write(t);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} keys"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static readonly string[] Columns = ["Id", "Name", "Prefix", "Rate/min", "Credits", "Created", "Revoked"];

    private static Command Revoke()
    {
        var which = new Argument<string>("key") { Description = "The key's id (key_…) or name" };
        var data = AdminCommand.DataOption();
        var cmd = new Command("revoke", "Revoke an API key: it answers 401 from the next request on") { which, data };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            var n = await admin.Keys.RevokeAsync(parse.GetValue(which)!, ct);
            if (n == 0)
            {
                Console.Error.WriteLine($"cutroom: no working key has id or name '{parse.GetValue(which)}'");
                return ExitCodes.Failure;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Revoked {n} key(s)."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
