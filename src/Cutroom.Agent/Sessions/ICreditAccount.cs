using Cutroom.Contract.Errors;
namespace Cutroom.Agent.Sessions;

/// <summary>A credit balance (contract §7): <c>total = available + frozen</c>.</summary>
/// <param name="Available">Credits that can be spent.</param>
/// <param name="Frozen">Credits held by running operations.</param>
public sealed record CreditBalance(int Available, int Frozen)
{
    /// <summary>Available plus frozen.</summary>
    public int Total => Available + Frozen;
}

/// <summary>Credits held for one running operation.</summary>
/// <param name="Id">The hold's id.</param>
/// <param name="Amount">Credits frozen.</param>
/// <param name="Operation">The tool name.</param>
public sealed record CreditHold(string Id, int Amount, string Operation);

/// <summary>
/// Credits: an operation's estimate is frozen when it starts, the actual cost charged when it
/// ends, everything frozen returned when it fails. No balance goes below 0; a hold is settled once.
/// </summary>
public interface ICreditAccount
{
    /// <summary>The balance now.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    Task<CreditBalance> BalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>Freezes <paramref name="amount"/> credits for <paramref name="operation"/>.</summary>
    /// <param name="amount">Credits (≥ 0).</param>
    /// <param name="operation">The tool name.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    /// <exception cref="InsufficientCreditsException">Fewer credits are available.</exception>
    Task<CreditHold> FreezeAsync(int amount, string operation, CancellationToken cancellationToken = default);

    /// <summary>Charges <paramref name="actual"/> (at most the frozen amount) and returns the rest.</summary>
    /// <param name="hold">The hold.</param>
    /// <param name="actual">The actual cost.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task ChargeAsync(CreditHold hold, int actual, CancellationToken cancellationToken = default);

    /// <summary>Returns everything frozen by <paramref name="hold"/>.</summary>
    /// <param name="hold">The hold.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task ReleaseAsync(CreditHold hold, CancellationToken cancellationToken = default);
}
