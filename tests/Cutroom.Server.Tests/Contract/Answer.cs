using Cutroom.Contract.Errors;

namespace Cutroom.Server.Tests.Contract;

/// <summary>What one interface answered to a bad request.</summary>
/// <param name="Interface">cli, agent, http.</param>
/// <param name="Code">The job error code it reported (null: none, e.g. it succeeded or said only a contract code).</param>
/// <param name="Kind">The kind it reported (null: none).</param>
/// <param name="Exit">The CLI's exit code.</param>
/// <param name="ApiCode">The HTTP contract code (render).</param>
/// <param name="Detail">Its raw answer, for the failure message.</param>
internal sealed record Answer(string Interface, string? Code, string? Kind, int? Exit, int? ApiCode, string Detail)
{
    /// <summary>
    /// Asserts that every answer gives the row's code (or kind), that the codes are equal across the
    /// interfaces, and that the CLI exit code and the HTTP contract code are the kind's. Fails with
    /// every problem and every answer.
    /// </summary>
    public static void AssertAgree(ContractRow row, params Answer?[] answers)
    {
        var given = answers.OfType<Answer>().ToList();
        Assert.NotEmpty(given);
        var problems = new List<string>();
        var kind = Expect.Name(row.Kind);
        foreach (var a in given)
        {
            if (a.Code is null && a.ApiCode is null) problems.Add($"{a.Interface}: no error code (it succeeded or failed without a code)");
            if (a.Code is not null && row.Code is not null && a.Code != row.Code) problems.Add($"{a.Interface}: code {a.Code}, expected {row.Code}");
            if (a.Code is not null && JobErrorCodes.KindOf(a.Code) != row.Kind) problems.Add($"{a.Interface}: code {a.Code} is of kind {JobErrorCodes.KindOf(a.Code)}, expected {row.Kind}");
            if (a.Kind is not null && a.Kind != kind) problems.Add($"{a.Interface}: kind {a.Kind}, expected {kind}");
            if (a.Exit is { } exit && exit != Expect.ExitCode(row.Kind)) problems.Add($"{a.Interface}: exit code {exit}, expected {Expect.ExitCode(row.Kind)}");
            if (a.ApiCode is { } api && api != Expect.ApiCode(row.Kind)) problems.Add($"{a.Interface}: contract code {api}, expected {Expect.ApiCode(row.Kind)}");
        }
        var codes = given.Where(a => a.Code is not null).Select(a => $"{a.Interface}={a.Code}").ToList();
        if (given.Where(a => a.Code is not null).Select(a => a.Code).Distinct().Count() > 1) problems.Add($"the codes differ: {string.Join(", ", codes)}");
        Assert.True(problems.Count == 0,
            $"{row.Name} ({row.Input}): {string.Join("; ", problems)}\n" + string.Join("\n", given.Select(a => $"  {a.Interface}: {a.Detail}")));
    }
}
