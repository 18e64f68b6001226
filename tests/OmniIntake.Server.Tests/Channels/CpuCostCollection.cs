namespace OmniIntake.Server.Tests.Channels;

/// <summary>
/// Tests that measure what work costs in CPU time of this process run alone: with other tests beside them the
/// process's CPU time would be theirs too (wall time on a shared box measures the neighbours).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuCostCollection
{
    public const string Name = "CPU cost";
}
