using System.Text;
using Dapper;
using OmniIntake.Core.Attachments;
using OmniIntake.Data.Attachments;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Attachments;

/// <summary>
/// The attachment store (issue 16 item 4) on real PostgreSQL and SQLite: a file is kept under its SNIFFED type (the name
/// follows the content), anything that is not an allowed image or PDF is refused whatever it is called, and the size
/// limit holds; refused files leave nothing stored.
/// </summary>
public sealed class SqlAttachmentStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<long> StoredCountAsync(DataHarness data)
    {
        await using var connection = await data.Database.OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM attachment_files");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnImageIsKeptUnderItsSniffedType_WhateverItsNameSays_AndOpensAsStored(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlAttachmentStore(data.Database, new AttachmentRules(), data.Clock);

        var kept = await store.KeepAsync("../../扣款截图.txt", Png, Ct);

        Assert.Null(kept.RefusedReason);
        Assert.Equal(("扣款截图.png", "image/png", (long)Png.Length), (kept.FileName, kept.ContentType, kept.Size));
        var opened = await store.OpenAsync(kept.StorageKey!, Ct);
        Assert.NotNull(opened);
        Assert.Equal(Png, opened.Content);
        Assert.Equal("image/png", opened.ContentType);
        Assert.Null(await store.OpenAsync("file-999999", Ct));
        Assert.Null(await store.OpenAsync("mime-0", Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task HtmlNamedPng_AndSvg_AreRefused_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlAttachmentStore(data.Database, new AttachmentRules(), data.Clock);

        var html = await store.KeepAsync("photo.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), Ct);
        var svg = await store.KeepAsync("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), Ct);

        Assert.Equal(("attachment.type-not-allowed", null), (html.RefusedReason, html.StorageKey));
        Assert.Equal(("attachment.type-not-allowed", null), (svg.RefusedReason, svg.StorageKey));
        Assert.Equal(0, await StoredCountAsync(data));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheSizeLimit_AndTheConfiguredTypes_Hold(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var rules = new AttachmentRules { MaxBytes = 2048, AllowedTypes = [ContentSniffer.Pdf] };
        var store = new SqlAttachmentStore(data.Database, rules, data.Clock);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 1000));
        var bigPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 2100));

        var within = await store.KeepAsync("账单.pdf", pdf, Ct);
        var tooLarge = await store.KeepAsync("账单.pdf", bigPdf, Ct);
        var pngNotListed = await store.KeepAsync("a.png", Png, Ct);

        Assert.Equal(("application/pdf", null), (within.ContentType, within.RefusedReason));
        Assert.Equal("attachment.too-large", tooLarge.RefusedReason);
        Assert.Equal("attachment.type-not-allowed", pngNotListed.RefusedReason);
        Assert.Equal(1, await StoredCountAsync(data));
        Assert.NotEmpty(new AttachmentRules { AllowedTypes = ["text/html"] }.Validate());
    }
}
