using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cutroom.Cli.Infrastructure;
using Cutroom.Server.Accounts;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom admin webhooks add --key KEY --url URL</c>, <c>webhooks list</c> and <c>webhooks remove ID</c>:
/// account-level webhook endpoints of the developer API (docs/developer-api.md, "Webhooks"). The
/// endpoint's signing secret is printed once, when it is added.
/// </summary>
internal static class AdminWebhooksCommand
{
    public static Command Create()
    {
        var cmd = new Command("webhooks", "Webhook endpoints of an API key's account: add (secret shown once), list, remove");
        cmd.Subcommands.Add(Add());
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Remove());
        return cmd;
    }

    private static Command Add()
    {
        var key = new Option<string>("--key") { Description = "The API key's id (key_…) or name", Required = true };
        var url = new Option<string>("--url") { Description = "The http(s) URL that receives the events", Required = true };
        var data = AdminCommand.DataOption();
        var json = CliOptions.Json();
        var cmd = new Command("add", "Post every render end of the key's account to URL") { key, url, data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            try
            {
                var (endpoint, secret) = await admin.Webhooks.AddAsync(parse.GetValue(key)!, parse.GetValue(url)!, ct);
                if (parse.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(new { id = endpoint.Id, url = endpoint.Url, account_id = endpoint.AccountId, secret }, AdminCommand.JsonOptions));
                else
                {
                    Console.WriteLine($"Webhook endpoint {endpoint.Id} added for {endpoint.Url}. Its signing secret is shown only now:");
                    Console.WriteLine($"  secret: {secret}");
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
        var cmd = new Command("list", "List webhook endpoints (never their secrets)") { data, json };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            var list = await admin.Webhooks.ListAsync(ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(new { endpoints = list }, AdminCommand.JsonOptions));
            else
            {
                foreach (var e in list)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Id}  {e.AccountId}  {e.CreatedAt:yyyy-MM-dd HH:mm}  {e.Url}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} endpoints"));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The endpoint's id (whe_…)" };
        var data = AdminCommand.DataOption();
        var cmd = new Command("remove", "Remove a webhook endpoint") { id, data };
        cmd.SetAction(async (parse, ct) =>
        {
            using var admin = new AdminTools(AdminCommand.OptionsFor(parse.GetValue(data)));
            if (await admin.Webhooks.RemoveAsync(parse.GetValue(id)!, ct)) return ExitCodes.Ok;
            Console.Error.WriteLine($"cutroom: no webhook endpoint has id '{parse.GetValue(id)}'");
            return ExitCodes.Failure;
        });
        return cmd;
    }
}
