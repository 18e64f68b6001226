using System.Net.Http.Json;
using System.Text;
using MimeKit;

namespace OmniIntake.Testing.Drills;

/// <summary>
/// Every public entry point of the hub, each field fed every hostile value, plus the malformed shapes a field-by-field
/// substitution cannot make (too many form fields, broken MIME, a megabyte header, HTML nested half a million deep).
/// Signed where the entry point checks a signature or a key, so the hostile content reaches the parsing behind it.
/// </summary>
public static class HostileCatalogue
{
    public const string SmsPath = "/channels/sms/twilio";
    public const string SmsStatusPath = "/channels/sms/twilio/status";
    public const string EmailPipePath = "/channels/email/inbound";

    /// <param name="scale">1 for CI's short form; larger for the benchmark (deeper nesting, longer values).</param>
    public static IReadOnlyList<HostileProbe> Build(int scale, string ourNumber)
    {
        var values = HostileValues.All(scale);
        var probes = new List<HostileProbe>();
        foreach (var (name, value) in values)
        {
            foreach (var field in new[] { "Body", "From", "To", "MessageSid", "NumMedia", "MediaUrl0" })
                probes.Add(new HostileProbe("sms", $"{field}={name}", (t, ct) => SignedSmsAsync(t, SmsPath, SmsForm(ourNumber, field, value), ct)));
            foreach (var field in new[] { "MessageSid", "MessageStatus", "ErrorCode" })
                probes.Add(new HostileProbe("sms-status", $"{field}={name}", (t, ct) => SignedSmsAsync(t, SmsStatusPath, StatusForm(field, value), ct)));
            foreach (var part in Enum.GetValues<MailPart>())
                probes.Add(new HostileProbe("email-pipe", $"{part}={name}", (t, ct) => PipeAsync(t, Mail(part, value), ct)));
            probes.Add(new HostileProbe("login", $"username={name}", (t, ct) => JsonAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login", new { username = value, password = "x" }, ct)));
            probes.Add(new HostileProbe("login", $"password={name}", (t, ct) => JsonAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login", new { username = "admin", password = value }, ct)));
            probes.Add(new HostileProbe("setup", $"code={name}", (t, ct) => JsonAsync(t.Anonymous, HttpMethod.Post, "/api/setup/admin",
                new { setupCode = value, username = value, password = value }, ct)));
            probes.Add(new HostileProbe("follow-up", $"token={name}", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Get, "/api/follow-up/" + Uri.EscapeDataString(Cut(value)), null, ct)));
            probes.Add(new HostileProbe("follow-up", $"answer={name}", (t, ct) => JsonAsync(t.Anonymous, HttpMethod.Post, "/api/follow-up/" + Uri.EscapeDataString(Cut(value)),
                new { satisfaction = 3, solved = true, comment = value }, ct)));
            probes.Add(new HostileProbe("staff", $"search={name}", (t, ct) => SendAsync(t.Staff, HttpMethod.Get, "/api/cases?search=" + Uri.EscapeDataString(Cut(value)), null, ct)));
            probes.Add(new HostileProbe("staff", $"filters={name}", (t, ct) => SendAsync(t.Staff, HttpMethod.Get,
                $"/api/cases?channel={Uri.EscapeDataString(Cut(value))}&status={Uri.EscapeDataString(Cut(value))}&departmentId={Uri.EscapeDataString(Cut(value))}", null, ct)));
            probes.Add(new HostileProbe("staff", $"case-key={name}", (t, ct) => SendAsync(t.Staff, HttpMethod.Get, "/api/cases/" + Uri.EscapeDataString(Cut(value)), null, ct)));
            probes.Add(new HostileProbe("staff", $"events-after={name}", (t, ct) => SendAsync(t.Staff, HttpMethod.Get, "/api/events?after=" + Uri.EscapeDataString(Cut(value)), null, ct)));
            probes.Add(new HostileProbe("staff", $"policy-preview={name}", (t, ct) => SendAsync(t.Staff, HttpMethod.Get,
                $"/api/policy/preview?channel={Uri.EscapeDataString(Cut(value))}&receivedAt={Uri.EscapeDataString(Cut(value))}", null, ct)));
            foreach (var field in new[] { "channel", "text", "complainantName", "phone", "email", "occurredAt", "category" })
                probes.Add(new HostileProbe("staff", $"register.{field}={name}", (t, ct) => RegisterAsync(t, field, value, ct)));
            probes.Add(new HostileProbe("staff", $"idempotency-key={name}", (t, ct) => RegisterAsync(t, "idempotency", value, ct)));
            probes.Add(new HostileProbe("staff", $"note={name}", (t, ct) => OnFirstCaseAsync(t, "notes", new { text = value }, ct)));
            probes.Add(new HostileProbe("staff", $"reply={name}", (t, ct) => OnFirstCaseAsync(t, "reply", new { text = value }, ct)));
            probes.Add(new HostileProbe("staff", $"classify={name}", (t, ct) => OnFirstCaseAsync(t, "classify", new { @class = value, category = value, reason = value }, ct)));
            probes.Add(new HostileProbe("staff", $"merge={name}", (t, ct) => OnFirstCaseAsync(t, "merge", new { into = value, reason = value }, ct)));
            probes.Add(new HostileProbe("chat", $"start.language={name}", (t, ct) => ChatProbes.StartAsync(t, value, ct)));
            probes.Add(new HostileProbe("chat", $"send.text={name}", (t, ct) => ChatProbes.SendAsync(t, null, null, value, ct)));
            probes.Add(new HostileProbe("chat", $"send.clientId={name}", (t, ct) => ChatProbes.SendAsync(t, null, value, "电梯坏了", ct)));
            probes.Add(new HostileProbe("chat", $"send.token={name}", (t, ct) => ChatProbes.SendAsync(t, value, null, "电梯坏了", ct)));
            probes.Add(new HostileProbe("chat", $"resume.token={name}", (t, ct) => ChatProbes.ResumeAsync(t, value, ct)));
            probes.Add(new HostileProbe("chat", $"transcript.address={name}", (t, ct) => ChatProbes.TranscriptAsync(t, value, ct)));
            probes.Add(new HostileProbe("path", $"path={name}", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Get, "/" + Uri.EscapeDataString(Cut(value)), null, ct)));
        }
        probes.AddRange(Shapes(scale, ourNumber));
        return probes;
    }

    private enum MailPart
    {
        Subject, FromName, FromAddress, Text, Html, MessageId, InReplyTo, AttachmentName, CharsetLabel,
    }

    /// <summary>Shapes, not values: the structural attacks of the outside test.</summary>
    private static IEnumerable<HostileProbe> Shapes(int scale, string ourNumber)
    {
        var depth = 100_000 * scale;
        yield return new HostileProbe("email-pipe", $"html-nested-div-{depth}", (t, ct) => PipeAsync(t, HtmlMail(string.Concat(Enumerable.Repeat("<div>", depth)) + "电梯坏了"), ct));
        yield return new HostileProbe("email-pipe", "html-nested-table", (t, ct) => PipeAsync(t, HtmlMail(string.Concat(Enumerable.Repeat("<table><tr><td>", depth / 3))), ct));
        yield return new HostileProbe("email-pipe", "html-repeated-script-320KB", (t, ct) => PipeAsync(t, HtmlMail(string.Concat(Enumerable.Repeat("<script>", 40_000))), ct));
        yield return new HostileProbe("email-pipe", "html-repeated-style-open", (t, ct) => PipeAsync(t, HtmlMail(string.Concat(Enumerable.Repeat("<style>a{", 30_000))), ct));
        yield return new HostileProbe("email-pipe", "html-million-attributes", (t, ct) => PipeAsync(t, HtmlMail("<p " + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"a{i}=x ")) + ">x</p>"), ct));
        yield return new HostileProbe("email-pipe", "html-unterminated-comment", (t, ct) => PipeAsync(t, HtmlMail("<!--" + new string('x', 300_000)), ct));
        yield return new HostileProbe("email-pipe", "mime-2000-parts", (t, ct) => PipeAsync(t, ManyParts(2_000), ct));
        yield return new HostileProbe("email-pipe", "mime-nested-200", (t, ct) => PipeAsync(t, NestedMultipart(200), ct));
        yield return new HostileProbe("email-pipe", "mime-broken-boundary", (t, ct) => PipeBytesAsync(t,
            "From: a@example.test\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nhi\r\n--z"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "mime-base64-garbage", (t, ct) => PipeBytesAsync(t,
            "From: a@example.test\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!****====\u0000\u0001\r\n"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "mime-header-1MB", (t, ct) => PipeBytesAsync(t,
            Encoding.ASCII.GetBytes("From: a@example.test\r\nSubject: " + new string('x', 1_048_576) + "\r\n\r\nbody\r\n"), ct));
        yield return new HostileProbe("email-pipe", "mime-no-headers", (t, ct) => PipeBytesAsync(t, "\r\n\r\njust a body"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "mime-empty", (t, ct) => PipeBytesAsync(t, [], ct));
        yield return new HostileProbe("email-pipe", "mime-binary-zeros", (t, ct) => PipeBytesAsync(t, new byte[100_000], ct));
        yield return new HostileProbe("email-pipe", "mime-random-bytes", (t, ct) => PipeBytesAsync(t, RandomBytes(200_000, 7), ct));
        yield return new HostileProbe("email-pipe", "mime-content-type-text-no-subtype", (t, ct) => PipeBytesAsync(t,
            "From: a@example.test\r\nSubject: x\r\nContent-Type: text\r\n\r\n3号楼电梯坏了\r\n"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "mime-utf8-labelled-ascii", (t, ct) => PipeBytesAsync(t,
            "From: a@example.test\r\nSubject: x\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n3号楼电梯坏了\r\n"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "mime-unknown-charset", (t, ct) => PipeBytesAsync(t,
            "From: a@example.test\r\nSubject: =?x-unknown-42?B?5Lit5paH?=\r\nContent-Type: text/plain; charset=x-unknown-42\r\n\r\n\u00e4\u00b8\u00ad\r\n"u8.ToArray(), ct));
        yield return new HostileProbe("email-pipe", "pipe-wrong-key", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, EmailPipePath,
            new ByteArrayContent("From: a@example.test\r\n\r\nx"u8.ToArray()) { Headers = { { "Content-Type", "message/rfc822" } } }, ct));
        yield return new HostileProbe("email-pipe", "pipe-60MB", (t, ct) => PipeBytesAsync(t, new byte[60 * 1024 * 1024], ct));

        yield return new HostileProbe("sms", "unsigned-1025-fields", (t, ct) => RawFormAsync(t, SmsPath, string.Join('&', Enumerable.Range(0, 1_025).Select(i => $"f{i}=v")), ct));
        yield return new HostileProbe("sms", "unsigned-5000-fields", (t, ct) => RawFormAsync(t, SmsPath, string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"f{i}=v")), ct));
        yield return new HostileProbe("sms", "unsigned-key-3KB", (t, ct) => RawFormAsync(t, SmsPath, new string('k', 3_000) + "=v", ct));
        yield return new HostileProbe("sms", "unsigned-value-5MB", (t, ct) => RawFormAsync(t, SmsPath, "Body=" + new string('v', 5 * 1024 * 1024), ct));
        yield return new HostileProbe("sms", "unsigned-nul-key", (t, ct) => RawFormAsync(t, SmsPath, "Bo%00dy=x&From=%00", ct));
        yield return new HostileProbe("sms", "unsigned-bad-percent", (t, ct) => RawFormAsync(t, SmsPath, "Body=%zz%&From=%", ct));
        yield return new HostileProbe("sms", "unsigned-invalid-utf8", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, SmsPath,
            new ByteArrayContent([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe, 0xc3, 0x28]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } }, ct));
        yield return new HostileProbe("sms", "unsigned-json", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, SmsPath, JsonContent.Create(new { Body = "x" }), ct));
        yield return new HostileProbe("sms", "unsigned-multipart", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, SmsPath,
            new MultipartFormDataContent { { new StringContent("x"), "Body" } }, ct));
        yield return new HostileProbe("sms", "unsigned-empty", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, SmsPath, new ByteArrayContent([]), ct));
        yield return new HostileProbe("sms", "signature-64KB", (t, ct) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, SmsPath) { Content = new FormUrlEncodedContent(SmsForm(ourNumber, "Body", "x")) };
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", new string('A', 64 * 1024));
            return AnswerAsync(t.Anonymous, request, ct);
        });
        yield return new HostileProbe("sms", "signed-resplit-sid", (t, ct) =>
        {
            var form = SmsForm(ourNumber, "Body", "电梯坏了");
            form["MessageSid"] = "SM" + Guid.NewGuid().ToString("N") + "-2"; // a captured request re-split under a new id
            return SignedSmsAsync(t, SmsPath, form, ct);
        });

        yield return new HostileProbe("login", "malformed-json", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login",
            new StringContent("{\"username\": ", Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("login", "deep-json", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login",
            new StringContent(new string('[', 100_000), Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("login", "form-instead-of-json", (t, ct) => RawFormAsync(t, "/api/auth/login", "username=a&password=b", ct));
        yield return new HostileProbe("login", "json-10MB", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login",
            new StringContent("{\"username\":\"" + new string('a', 10 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("login", "null-body", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, "/api/auth/login",
            new StringContent("null", Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("staff", "register-no-idempotency-key", (t, ct) => JsonAsync(t.Staff, HttpMethod.Post, "/api/cases", new { channel = "phone", text = "x" }, ct));
        yield return new HostileProbe("staff", "register-json-array", (t, ct) => SendAsync(t.Staff, HttpMethod.Post, "/api/cases",
            new StringContent("[1,2,3]", Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("staff", "reply-on-missing-case", (t, ct) => JsonAsync(t.Staff, HttpMethod.Post, "/api/cases/9223372036854775807/reply", new { text = "x" }, ct));
        yield return new HostileProbe("path", "url-16KB", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Get, "/api/cases?search=" + new string('a', 16 * 1024), null, ct));
        yield return new HostileProbe("path", "headers-200", (t, ct) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
            for (var i = 0; i < 200; i++) request.Headers.TryAddWithoutValidation($"X-H{i}", new string('h', 300));
            return AnswerAsync(t.Anonymous, request, ct);
        });
        yield return new HostileProbe("path", "cookie-garbage", (t, ct) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.TryAddWithoutValidation("Cookie", ".OmniIntake.Auth=" + new string('%', 4_000) + "; x=\u0001");
            return AnswerAsync(t.Anonymous, request, ct);
        });
        yield return new HostileProbe("path", "hub-negotiate-garbage", (t, ct) => SendAsync(t.Anonymous, HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=abc",
            new StringContent("{{{", Encoding.UTF8, "application/json"), ct));
        yield return new HostileProbe("path", "method-trace", (t, ct) => SendAsync(t.Anonymous, new HttpMethod("TRACE"), "/api/cases", null, ct));
        yield return new HostileProbe("chat", "send-1MB", (t, ct) => ChatProbes.SendAsync(t, null, null, new string('长', 1_048_576), ct));
    }

    private static Dictionary<string, string> SmsForm(string ourNumber, string field, string value)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid,
            ["From"] = "+86139" + Random.Shared.Next(10_000_000, 99_999_999), ["To"] = ourNumber, ["Body"] = "电梯坏了", ["NumMedia"] = "0",
        };
        form[field] = value;
        if (field == "MediaUrl0") (form["NumMedia"], form["MediaContentType0"]) = ("1", "image/jpeg");
        return form;
    }

    private static Dictionary<string, string> StatusForm(string field, string value)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.AccountSid, ["MessageStatus"] = "delivered",
        };
        form[field] = value;
        return form;
    }

    private static Task<ProbeAnswer> SignedSmsAsync(DrillTarget target, string path, Dictionary<string, string> form, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(target.Url + path, form, TwilioStandIn.AuthToken));
        return AnswerAsync(target.Anonymous, request, ct);
    }

    private static Task<ProbeAnswer> RawFormAsync(DrillTarget target, string path, string body, CancellationToken ct) =>
        SendAsync(target.Anonymous, HttpMethod.Post, path, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"), ct);

    private static MimeMessage Mail(MailPart part, string value)
    {
        var mail = new MimeMessage { Subject = "投诉", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("drill.example.test") };
        mail.To.Add(new MailboxAddress("", "complaints@hub.example.test"));
        var from = new MailboxAddress("王芳", $"wang{Random.Shared.Next()}@example.test");
        var text = "3号楼电梯坏了三天了";
        string? html = null;
        string? attachment = null;
        var charset = "utf-8";
        switch (part)
        {
            case MailPart.Subject: mail.Subject = value; break;
            case MailPart.FromName: from.Name = value; break;
            case MailPart.FromAddress: from = new MailboxAddress("x", "x@example.test"); break;
            case MailPart.Text: text = value; break;
            case MailPart.Html: html = value; break;
            case MailPart.MessageId: mail.Headers.Replace(HeaderId.MessageId, Encoding.UTF8, OneLine(value)); break;
            case MailPart.InReplyTo: mail.Headers.Replace(HeaderId.InReplyTo, Encoding.UTF8, OneLine(value)); break;
            case MailPart.AttachmentName: attachment = value; break;
            case MailPart.CharsetLabel: charset = Cut(value); break;
        }
        mail.From.Add(from);
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (attachment is not null) body.Attachments.Add(new MimePart("application", "pdf") { FileName = attachment, Content = new MimeContent(new MemoryStream([1, 2, 3])) });
        mail.Body = body.ToMessageBody();
        if (part == MailPart.FromAddress)
        {
            mail.Headers.Replace(HeaderId.From, Encoding.UTF8, OneLine(value));
        }
        if (part == MailPart.CharsetLabel && mail.Body is TextPart textPart)
        {
            try
            {
                textPart.ContentType.Parameters["charset"] = OneLine(charset);
            }
            catch (ArgumentException)
            {
                textPart.ContentType.Parameters["charset"] = "x-hostile";
            }
        }
        return mail;
    }

    private static MimeMessage HtmlMail(string html)
    {
        var mail = new MimeMessage { Subject = "嵌套" };
        mail.From.Add(new MailboxAddress("", $"nest{Random.Shared.Next()}@example.test"));
        mail.To.Add(new MailboxAddress("", "complaints@hub.example.test"));
        mail.Body = new TextPart("html") { Text = html };
        return mail;
    }

    private static MimeMessage ManyParts(int count)
    {
        var mail = HtmlMail("x");
        var mixed = new Multipart("mixed");
        for (var i = 0; i < count; i++) mixed.Add(new TextPart("plain") { Text = "part " + i });
        mail.Body = mixed;
        return mail;
    }

    private static MimeMessage NestedMultipart(int depth)
    {
        var mail = HtmlMail("x");
        MimeEntity inner = new TextPart("plain") { Text = "最里面" };
        for (var i = 0; i < depth; i++) inner = new Multipart("mixed") { inner };
        mail.Body = inner;
        return mail;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<ProbeAnswer> PipeAsync(DrillTarget target, MimeMessage mail, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await mail.WriteToAsync(stream, ct);
        return await PipeBytesAsync(target, stream.ToArray(), ct);
    }

    private static Task<ProbeAnswer> PipeBytesAsync(DrillTarget target, byte[] bytes, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, EmailPipePath)
            { Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "message/rfc822" } } } };
        request.Headers.Add("X-Api-Key", target.EmailPipeKey);
        return AnswerAsync(target.Anonymous, request, ct);
    }

    private static async Task<ProbeAnswer> RegisterAsync(DrillTarget target, string field, string value, CancellationToken ct)
    {
        var body = new Dictionary<string, string?> { ["channel"] = "phone", ["text"] = "来电：电梯坏了", ["complainantName"] = "王芳", ["phone"] = "13800138000" };
        if (field != "idempotency") body[field] = value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", field == "idempotency" ? Cut(value) : Guid.NewGuid().ToString("N"));
        return await AnswerAsync(target.Staff, request, ct);
    }

    private static async Task<ProbeAnswer> OnFirstCaseAsync(DrillTarget target, string action, object body, CancellationToken ct)
    {
        if (target.FirstCaseId is null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
                { Content = JsonContent.Create(new { channel = "phone", text = "来电：电梯坏了", phone = "13800138000" }) };
            request.Headers.Add("Idempotency-Key", "drill-first-case");
            using var response = await target.Staff.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            target.FirstCaseId = (await response.Content.ReadFromJsonAsync<RegisteredCaseId>(ct))!.CaseId;
        }
        return await JsonAsync(target.Staff, HttpMethod.Post, $"/api/cases/{target.FirstCaseId}/{action}", body, ct);
    }

    private sealed record RegisteredCaseId(long CaseId);

    private static Task<ProbeAnswer> JsonAsync(HttpClient client, HttpMethod method, string path, object body, CancellationToken ct) =>
        SendAsync(client, method, path, JsonContent.Create(body), ct);

    private static Task<ProbeAnswer> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, CancellationToken ct) =>
        AnswerAsync(client, new HttpRequestMessage(method, path) { Content = content }, ct);

    private static async Task<ProbeAnswer> AnswerAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                var detail = status >= 500 ? Truncate(await response.Content.ReadAsStringAsync(ct)) : null;
                return new ProbeAnswer(status, detail);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
                || ex.InnerException is IOException)
            {
                // The server closed the connection on a request it refused to read (e.g. over a size limit, while it was still
                // being sent): a refusal. A dead server is told apart by the drill, which watches the process.
                return new ProbeAnswer(499, ex.HttpRequestError.ToString());
            }
        }
    }

    /// <summary>A header value the message writer accepts: what a raw SMTP client could send anyway.</summary>
    private static string OneLine(string value) => Cut(value).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    /// <summary>Keeps values in a URL or a header short enough for the client to send at all.</summary>
    private static string Cut(string value) => value.Length > 2_000 ? value[..2_000] : value;

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
