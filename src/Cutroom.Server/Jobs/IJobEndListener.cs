using Cutroom.Server.Data.Entities;

namespace Cutroom.Server.Jobs;

/// <summary>Told when a job this process ran has ended (completed, failed or cancelled): the developer API's webhooks listen.</summary>
public interface IJobEndListener
{
    /// <summary>Called once per ended attempt with the job as recorded; a failure here is logged and never changes the job.</summary>
    /// <param name="job">The job, in a terminal state.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task JobEndedAsync(JobRow job, CancellationToken cancellationToken);
}
