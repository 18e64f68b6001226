namespace OmniIntake.Core.Deadlines;

/// <summary>What started a deadline's clock (issue 13): a calendar change computes the deadline again from that start.</summary>
public enum ClockStart
{
    /// <summary>The complaint arrived: forwarding is owed (policy 5.2.2).</summary>
    Receipt,

    /// <summary>A handled case was opened again: a new forwarding is owed from then on.</summary>
    Reopening,

    /// <summary>An owner sent the case back as wrongly routed: a new forwarding is owed from then on.</summary>
    SendBack,

    /// <summary>The case reached its owner: the written answer (5.2.5) or the forum's public reply (5.3.1) is owed.</summary>
    Forwarding,

    /// <summary>The case became major (by hand or raised): the first answer to the customer is owed (4.1.2).</summary>
    Classification,

    /// <summary>A paused clock resumed (the customer wrote, or the agent or owner resumed it): it runs the window that was left.</summary>
    Resumption,
}

public static class ClockStartNames
{
    /// <summary>camelCase, as stored: receipt, reopening, sendBack, forwarding, classification, resumption.</summary>
    public static string ToName(this ClockStart start)
    {
        var name = start.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string? name, out ClockStart start) =>
        Enum.TryParse(name, ignoreCase: true, out start) && Enum.IsDefined(start);
}
