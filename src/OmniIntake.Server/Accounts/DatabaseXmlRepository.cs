using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OmniIntake.Data.Accounts;

namespace OmniIntake.Server.Accounts;

/// <summary>ASP.NET Core Data Protection's key repository on the hub's own database.</summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.All();

    public void StoreElement(XElement element, string friendlyName) => store.Store(element, friendlyName);
}
