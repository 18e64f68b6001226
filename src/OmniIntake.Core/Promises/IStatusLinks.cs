namespace OmniIntake.Core.Promises;

/// <summary>The customer's link to follow a case on the self-service status page (issue 16 item 5), for acknowledgements.</summary>
public interface IStatusLinks
{
    /// <summary>The page with the case's number filled in (/status?case=…): e-mail and chat.</summary>
    string For(string caseNumber);

    /// <summary>
    /// The same page by a short path (/s/…), for an SMS: ten characters fewer keep the receipt, the forwarding time, the
    /// link and the first question within two UCS-2 segments (issue 16 item 3).
    /// </summary>
    string ShortFor(string caseNumber);
}
