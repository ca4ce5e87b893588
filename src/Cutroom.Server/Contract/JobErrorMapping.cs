using Cutroom.Contract.Errors;

namespace Cutroom.Server.Contract;

/// <summary>
/// The server's side of the job contract: the contract code (contract §2) of each kind of job
/// failure. Every job failure that reaches HTTP, from an endpoint or a durable job, goes through here.
/// </summary>
public static class JobErrorMapping
{
    /// <summary>
    /// The contract code of <paramref name="kind"/>: bad input 4000, not found 4004, unsupported
    /// media 4001, over a limit 4002 (the contract's "too large"), out of credits 2001, anything
    /// else 5000.
    /// </summary>
    public static int ApiCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => ApiCodes.BadRequest,
        ErrorKind.NotFound => ApiCodes.NotFound,
        ErrorKind.UnsupportedMedia => ApiCodes.UnsupportedMedia,
        ErrorKind.OverLimit => ApiCodes.TooLarge,
        ErrorKind.InsufficientCredits => ApiCodes.OutOfCredits,
        _ => ApiCodes.ServerError,
    };

    /// <summary>The contract code of a job failure.</summary>
    public static int ApiCodeOf(CutroomException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return ApiCodeOf(failure.Kind);
    }
}
