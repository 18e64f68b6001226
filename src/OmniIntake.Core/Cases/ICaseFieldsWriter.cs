using OmniIntake.Core.Intake;

namespace OmniIntake.Core.Cases;

/// <summary>
/// Fills in the registration fields of an open case: how a dialog completes a case that was opened before it asked
/// (an e-mail is a written complaint the moment it arrives; its missing fields are asked for afterwards).
/// </summary>
public interface ICaseFieldsWriter
{
    /// <returns>False when the case does not exist.</returns>
    Task<bool> FillAsync(long caseId, CaseFields fields, string actor, CancellationToken cancellationToken = default);
}
