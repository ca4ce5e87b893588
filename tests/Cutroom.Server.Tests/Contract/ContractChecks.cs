using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Contract;

/// <summary>Runs one row of a chat-reached job's table through the three interfaces and compares their answers.</summary>
internal static class ContractChecks
{
    public static async Task RunAsync(IEnumerable<ContractRow> table, string name, LiveServer server)
    {
        var row = table.Single(r => r.Name == name);
        using var dir = new TempDir();
        // The CLI is a process of its own: it runs while the agent and the server answer.
        var input = row.Input.Make(dir);
        var cli = row.Cli is null ? Task.FromResult<Answer?>(null) : Task.Run<Answer?>(() => ThreeInterfaces.Cli(row.Cli(input, dir)));
        var agent = row.Tool is null ? null : await ThreeInterfaces.AgentAsync(row, dir);
        var http = row.Tool is null ? null : await ThreeInterfaces.HttpChatAsync(server, row, dir);
        Answer.AssertAgree(row, await cli, agent, http);
    }
}

public sealed class FramesContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Frames());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_frames_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Frames(), row, fixture.Server);
}

public sealed class ThumbnailContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Thumbnail());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_thumbnail_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Thumbnail(), row, fixture.Server);
}

public sealed class TrimContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Trim());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_trim_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Trim(), row, fixture.Server);
}

public sealed class HighlightsContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Highlights());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_highlights_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Highlights(), row, fixture.Server);
}

public sealed class AnimateContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Animate());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_animate_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Animate(), row, fixture.Server);
}

public sealed class CreateContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Create());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_create_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Create(), row, fixture.Server);
}

public sealed class ContactSheetContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.ContactSheet());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_contact_sheet_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.ContactSheet(), row, fixture.Server);
}

public sealed class ConvertContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Convert());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_convert_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Convert(), row, fixture.Server);
}

public sealed class SummaryContractTests(ContractServer fixture) : IClassFixture<ContractServer>
{
    public static TheoryData<string> Rows => JobTables.Names(JobTables.Summary());

    [Theory, MemberData(nameof(Rows))]
    public Task A_bad_summary_request_gives_the_same_code_through_the_CLI_the_agent_and_HTTP(string row) =>
        ContractChecks.RunAsync(JobTables.Summary(), row, fixture.Server);
}
