namespace OmniIntake.Core.Promises;

/// <summary>The customer's link to follow a case on the self-service status page (issue 16 item 5), for acknowledgements.</summary>
public interface IStatusLinks
{
    string For(string caseNumber);
}
