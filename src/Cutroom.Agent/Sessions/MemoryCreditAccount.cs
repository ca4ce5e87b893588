using Cutroom.Contract.Errors;
namespace Cutroom.Agent.Sessions;

/// <summary>An in-process <see cref="ICreditAccount"/> (CLI and tests); thread-safe.</summary>
public sealed class MemoryCreditAccount : ICreditAccount
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CreditHold> _holds = [];
    private int _available;
    private int _frozen;
    private int _next;

    /// <summary>Starts with <paramref name="available"/> credits.</summary>
    /// <param name="available">The starting balance (≥ 0).</param>
    public MemoryCreditAccount(int available = 100) => _available = Math.Max(0, available);

    /// <inheritdoc/>
    public Task<CreditBalance> BalanceAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(new CreditBalance(_available, _frozen));
    }

    /// <inheritdoc/>
    public Task<CreditHold> FreezeAsync(int amount, string operation, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        lock (_gate)
        {
            if (amount > _available) throw new InsufficientCreditsException(amount, _available);
            _available -= amount;
            _frozen += amount;
            var hold = new CreditHold($"hold_{++_next}", amount, operation);
            _holds[hold.Id] = hold;
            return Task.FromResult(hold);
        }
    }

    /// <inheritdoc/>
    public Task ChargeAsync(CreditHold hold, int actual, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            if (!_holds.Remove(hold.Id)) return Task.CompletedTask; // settled already: never twice
            var charged = Math.Clamp(actual, 0, hold.Amount);
            _frozen -= hold.Amount;
            _available += hold.Amount - charged;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(CreditHold hold, CancellationToken cancellationToken = default) => ChargeAsync(hold, 0, cancellationToken);
}
