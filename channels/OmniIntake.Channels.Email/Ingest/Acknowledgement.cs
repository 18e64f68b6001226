using OmniIntake.Core.Intake;
using OmniIntake.Core.Text;

namespace OmniIntake.Channels.Email.Ingest;

/// <summary>
/// The receipt a new e-mail case gets: its number and by when it is forwarded (issue 16 item 3), in Chinese when the
/// customer wrote Chinese, else English.
/// </summary>
public static class Acknowledgement
{
    /// <param name="forwardBy">The forwarding promise's sentence (<see cref="Core.Promises.ForwardingPromise"/>), or null.</param>
    /// <param name="statusLink">Where the customer follows the case (the status page), or null.</param>
    public static string Text(string caseNumber, InboundMessage message, string? forwardBy = null, string? statusLink = null) =>
        Language(message) == Languages.Chinese
            ? $"""
               您好：

               我们已收到您的来信，受理编号为 {caseNumber}。{forwardBy}我们将在规定时限内处理并答复您。
               回复本邮件时请保留主题中的编号 [#{caseNumber}]。{(statusLink is null ? "" : "\n查询处理进度：" + statusLink)}

               此邮件由系统自动发送。
               """
            : $"""
               Hello,

               We have received your message; its case number is {caseNumber}. {forwardBy}{(forwardBy is null ? "" : " ")}We will handle it and answer
               you within the set time limits. When you reply, please keep [#{caseNumber}] in the subject.{(statusLink is null ? "" : "\nFollow your case: " + statusLink)}

               This message was sent automatically.
               """;

    /// <summary>zh-CN when the customer wrote Chinese, else en.</summary>
    public static string Language(InboundMessage message) => Languages.Of(message.Subject, message.Text);
}
