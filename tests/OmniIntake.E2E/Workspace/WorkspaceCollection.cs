namespace OmniIntake.E2E.Workspace;

/// <summary>
/// The workspace journeys run by themselves, not beside the other browser tests: each starts a hub and a Chromium, and
/// on two shared cores more of them at once only slows the others' timed expectations (TwoNodeConsoleTests: 3 s).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkspaceCollection
{
    public const string Name = "Workspace journeys";
}
