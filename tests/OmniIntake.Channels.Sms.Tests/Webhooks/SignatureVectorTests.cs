using System.Collections.Specialized;
using System.Text.Json;
using OmniIntake.Testing;
using OmniIntake.Channels.Sms.Webhooks;

namespace OmniIntake.Channels.Sms.Tests.Webhooks;

/// <summary>
/// Twilio's published X-Twilio-Signature vectors (../shared/testdata/twilio/request-validator-vectors.json): the
/// SDK validator the webhooks use accepts and refuses them as published, and the signer the webhook tests use
/// produces the published signatures.
/// </summary>
public sealed class SignatureVectorTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(SharedTestData.Path("twilio/request-validator-vectors.json"))).RootElement;
    private static string Token => Root.GetProperty("auth_token").GetString()!;

    private static JsonElement Vector(string id) => Root.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static List<KeyValuePair<string, string>> Params(JsonElement vector)
    {
        var p = vector.GetProperty("params");
        if (p.ValueKind == JsonValueKind.String) p = Vector("form-params-basic").GetProperty("params");
        return p.EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!)).ToList();
    }

    private static NameValueCollection Form(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var form = new NameValueCollection();
        foreach (var (key, value) in pairs) form.Add(key, value);
        return form;
    }

    [Theory]
    [InlineData("form-params-basic")]
    [InlineData("http-port-1234")]
    [InlineData("duplicate-param-names")]
    public void TheSignerProducesThePublishedSignature_AndTheValidatorAcceptsIt(string id)
    {
        var vector = Vector(id);
        var url = vector.GetProperty("url").GetString()!;
        var expected = vector.GetProperty("expected_signature").GetString()!;

        Assert.Equal(expected, TwilioSigner.Sign(url, Params(vector), Token));
        Assert.True(TwilioSignature.IsValid(url, Form(Params(vector)), expected, Token));
        Assert.False(TwilioSignature.IsValid(url, Form(Params(vector)), (expected[0] == 'x' ? "y" : "x") + expected[1..], Token));
    }

    [Fact]
    public void AWrongSignature_IsRefused()
    {
        var vector = Vector("form-params-wrong-signature");
        Assert.False(TwilioSignature.IsValid(vector.GetProperty("url").GetString()!, Form(Params(vector)),
            vector.GetProperty("presented_signature").GetString()!, Token));
    }

    [Theory]
    [InlineData("https-explicit-port-443", "https://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("http-explicit-port-80", "http://mycompany.com/myapp.php?foo=1&bar=2")]
    public void AStandardPort_SignedExplicitly_ValidatesWithoutIt(string id, string presentedUrl)
    {
        var vector = Vector(id);
        Assert.True(TwilioSignature.IsValid(presentedUrl, Form(Params(vector)), vector.GetProperty("expected_signature").GetString()!, Token));
    }

    [Fact]
    public void ANonStandardPort_ValidatesAgainstTheUrlWithoutIt()
    {
        var vector = Vector("https-port-1234-stripped");
        Assert.True(TwilioSignature.IsValid(vector.GetProperty("url").GetString()!, Form(Params(vector)),
            vector.GetProperty("presented_signature").GetString()!, Token));
    }
}
