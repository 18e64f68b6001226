using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Policy 5.5: a case that needs outside expertise is important. Marking a case as waiting for outside expertise
/// raises a general case to important; a case already important or higher keeps its class (a raise never lowers).
/// </summary>
public static class OutsideExpertiseRaise
{
    public static ClassRaise? For(CaseClass current) =>
        current < CaseClass.Important
            ? new ClassRaise(CaseClass.Important, "needs outside expertise (policy 5.5: important)")
            : null;
}
