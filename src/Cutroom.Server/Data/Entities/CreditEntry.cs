namespace Cutroom.Server.Data.Entities;

/// <summary>
/// One line of the append-only credit ledger (contract §7). Kinds: <c>grant</c> (+Amount to
/// the total), <c>freeze</c> (a hold of Amount), <c>settle</c> (ends a hold: Charged is taken
/// from the total, the rest returns to available). A hold has at most one settle line (unique
/// index), so nothing is charged twice. Balances are derived: total = grants − charges,
/// frozen = holds without a settle line, available = total − frozen.
/// </summary>
public sealed class CreditEntry
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>The account.</summary>
    public required string AccountId { get; set; }

    /// <summary><c>grant</c>, <c>freeze</c> or <c>settle</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Credits granted (grant) or frozen (freeze); 0 for settle.</summary>
    public int Amount { get; set; }

    /// <summary>Credits charged when a hold is settled (0 for a release).</summary>
    public int Charged { get; set; }

    /// <summary>The hold's id (freeze and settle lines).</summary>
    public string? HoldId { get; set; }

    /// <summary>The job it belongs to, if any.</summary>
    public string? JobId { get; set; }

    /// <summary>The operation (tool name) or the grant's reason (<c>signup</c>, <c>admin</c>).</summary>
    public required string Operation { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }
}
