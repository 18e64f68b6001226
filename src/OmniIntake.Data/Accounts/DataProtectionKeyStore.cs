using System.Xml.Linq;

namespace OmniIntake.Data.Accounts;

/// <summary>
/// The key ring that protects sign-in cookies, kept in the database so every server process reads the cookies the
/// others issued (two nodes behind one address) and a restart does not sign everybody out.
/// </summary>
public sealed class DataProtectionKeyStore(Database database, TimeProvider clock)
{
    public IReadOnlyCollection<XElement> All()
    {
        // IXmlRepository is synchronous by contract; the key ring is read rarely (start-up, key refresh).
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        var rows = connection.ListAsync<string>("SELECT xml FROM data_protection_keys ORDER BY name", null, null, CancellationToken.None)
            .GetAwaiter().GetResult();
        return rows.Select(XElement.Parse).ToList();
    }

    public void Store(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.ExecAsync(
                "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@friendlyName, @xml, @now) ON CONFLICT (name) DO NOTHING",
                new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow() }, null, CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
