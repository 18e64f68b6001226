using System.Security.Cryptography;
using System.Text;
using Dapper;
using OmniIntake.Data.Schema;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Schema;

/// <summary>
/// Issue 13 item 6: the scripts both dialects accepted word for word moved to Migrations/common. A database migrated
/// before the move recorded each by version and name, so it must find the very same scripts now and apply nothing.
/// </summary>
public sealed class CommonMigrationsTests
{
    /// <summary>What each provider's migrator read before Migrations/common existed: provider, version, name, SHA-256 of the text.</summary>
    private const string BeforeCommon =
        """
        postgres 0001 initial adcec0ba1eefe9a7796822acb108dce93485995640616c0fd6bd60cc525ff7a6
        postgres 0002 drop_unused_received_index 5a3b8d58d8d3d182e17756283d60d790b41657f50fdcb99c75e5db0ff31d61d7
        postgres 0003 outbox_due_index 993e817f9d261ecce4c6996b0a4606c98b04f7403752ea460dee95ad938074a5
        postgres 0004 data_protection_keys 1f12a9aef34e8a1c4806e1e38a9a5967032b218f3768f93be179ceffd8ee428c
        postgres 0005 deadline_at_risk 0d4a1292c3d154d651a2df4c1c29e81b4ab8af74ed35c0c199e54b3928bc0224
        postgres 0006 calendar_days 863d295a1676ead903728fa06faaefba3f1b494fdf3b0061abde000ace48ed69
        postgres 0007 raw_messages 441ebef7cf44b8dcdcf1877bf66bac5b674111f2597c5f69dfcaef97a02a96e1
        postgres 0008 pollers_and_automatic_replies b90743123031739f1199464a1c5eb89e38889017b2e7acd33adf9ca20f85962e
        postgres 0009 conversations db071d0fc83ead4eae23b42694474a879525f88619ddb86c3e776b4f2ac6ef8c
        postgres 0010 sms a3fd79538c1e9a0ae55b4d91cbeddd8bae3ca7be5e2cac9bd8ae9c57e0ac586a
        postgres 0011 poller_ignored 1efa5cc588790c9da497464a6716814968304d8efd30696abaffec713510d808
        postgres 0012 deadline_starts_at 04d3f2bff8f9478decd74cb748d1155e46f03d1178aad26f99d2d692513f8a32
        postgres 0013 follow_ups 86055e7cd8de7f6012090a9e5edf94a30269a57fbd111386b477e32dff76e252
        postgres 0014 generated_reports a41b6059ac9d3f8ad593101aa44fe791b0100b8c939911ed423b9255b1a33f62
        postgres 0015 classes f81bfb0c502a118caeec5765010812376145b4181f962a6c24d9aa0579d22fb5
        postgres 0016 case_times_and_merge f9e5e8a9fb0e0128cb763d1ee100ca7906540886912b0045274738686c519118
        postgres 0017 claims 0ddb2b017c6648b0ac72984cf11c2882765f58da7a72a2331d14e42b5ad05dc5
        postgres 0018 presence a37640c44ddb25ddd7cce6fb6c47a06a5149ab8a6d5f422efd400642898abc09
        postgres 0019 case_parties_by_contact 7bf9365a15c447ab2b3065f297fbc5fa630ec9343d782380ce49863b69cbfdf4
        postgres 0020 dialog_recovery 6a33ca5304993419c100eb7a1796b3bf1cc42fb788dd3734c7886ee81ded08be
        postgres 0021 security df8f3d7a3b225a0fbca1ba074487ce53f767e3c88039e528525329dcb0e0ec0f
        postgres 0022 message_notices 7ac571f2cb9b1248dd7632abdbb9206f16022479a2de4d90bbe1ad102b8b36cd
        postgres 0024 readiness_probe 51c149fe1839ac3575ed8b52d4d3f741d88f2cc9b9c75f027a0faf294e8f7e0c
        postgres 0025 deadline_started_by f79de0b834124e3c7e687cab52a776f79c7af7e053aa143f71e9c43e8ad14c75
        postgres 0030 case_search 6e0db17589af68f576492e12b0ce6a60c6b11f5d4c8139ac28184229e833caa0
        postgres 0031 contact_links d9f68a157862116938f864ee44ecae7f0e89e67f9acf01feb84a8987aaca7316
        postgres 0034 status_codes 6d14129058fb0cd3289761cd5d78d4c1f31e9a22d526deaee397c3d4ddd064df
        postgres 0035 paused_clocks 6decdd0feba582c626eb7015a7d498c8fb483964f27cb9fe1c7b28bddd6a7857
        postgres 0038 open_cases_and_deliveries 788456b8328dd96702d38ce42e16b71c9b3574d6117ee6cae8f3a96672a5202b
        postgres 0039 job_watermarks 7a632ce065deb86ec561cd43ec9bbc6cc010d086a2ca35f09355c349402da345
        postgres 0040 waiting_cases 1304d725be2ff2620202aa06b630fe39515cd44c7f27fd8e9a5588365665d8b1
        postgres 0041 attachment_files 1ac0345ea867120572662113b7403af84bc063bbdf8d9a0a05bd86a53bbc6289
        postgres 0043 assignment 4d9d3731df42655422dab952676aec778d3124f17d5a9c90de4e801626c57c18
        postgres 0045 canned_replies 36ce8a209ad1f20bbba349faee04d3e5b24ff7e0404bd641a4f3421ceec507de
        postgres 0047 category_departments 13379f7dc27ecf0063e7cc1d7278c31d0d4899f705a3bc23c194cff589ef5c3d
        postgres 0052 macros_and_setting_changes cc8e6387ad1bfe07f439d77291b1ebef45eaa884d06a481585e04b5e9a828c8d
        postgres 0054 attachment_origins 94762deea3b8169460841a641081db9b6a56ad18ed41037e515761351254df9f
        postgres 0055 chat_pending_files 5cd66e67ec325b29063cb024c62610fe2e2e5df361ca284fb88aac3f01e7889d
        postgres 0056 escalations 7bd80d44cc04ec99a304c83fd177ae44b7f62d078deacd7ea67d51fe3fd13557
        postgres 0057 deadline_rule_code 72ffd707798403077d6d1002fff305b8d700d0aa24001223a1aa3b7a9805c21b
        sqlite 0001 initial 720aab03f6e2cd653f46b9839d72491fd28aa99a358f220417f43b9b901f0327
        sqlite 0002 drop_unused_received_index 5a3b8d58d8d3d182e17756283d60d790b41657f50fdcb99c75e5db0ff31d61d7
        sqlite 0003 outbox_due_index 993e817f9d261ecce4c6996b0a4606c98b04f7403752ea460dee95ad938074a5
        sqlite 0004 data_protection_keys d4d4742f518f301255262d9de133e4efc85a769b84dd67cc8e0b7eaa8ad8569c
        sqlite 0005 deadline_at_risk 773f472493639b6b385a0f5b8094edb56c52e156bb9429b679b203d48db82838
        sqlite 0006 calendar_days e4172ee8a3969ac3d59667323fc8c7a31291a1a8dac7c939ec6c8f4ac8553b59
        sqlite 0007 raw_messages 9f2eaf154bac2f98c9be2f46c90779ea06092180e98b16baae3c76b544772b46
        sqlite 0008 pollers_and_automatic_replies d6e7a8440c34e619d68af31b325b8169229f42684fc5f08f28dbd42ffa02bb37
        sqlite 0009 conversations d1887b939f7b4e4147088ccf8db3675c6bfa39c6e79adaf0f48a4bd1b090451c
        sqlite 0010 sms 349374616077439f69194c6b02460159406e30b9b580c45af516b486e3dcf0ab
        sqlite 0011 poller_ignored 1efa5cc588790c9da497464a6716814968304d8efd30696abaffec713510d808
        sqlite 0012 deadline_starts_at 78e42d19e61cc5ce71b5c768bf12d3456cddef4029284eb1beff1565fde3f3bd
        sqlite 0013 follow_ups d68439360c3af1e99fefe7c92056ccf4d46b5205968e96f652479f0449cdf830
        sqlite 0014 generated_reports 077f6b34fc2639c659c70521592409a015f38995d44f0c1a01430c8dd8e6d00b
        sqlite 0015 classes 9a9fca06aabc2ea4dfe528d028c08afd984bc59ae05635b0b2345fe74f7c52f2
        sqlite 0016 case_times_and_merge cf05f039a4fb3ed1f74866c2566903d02a0d8366be9a8b614c19b00359cb6c4a
        sqlite 0017 claims e7eb2d39e21b350fef4087ad7bb53b45b0bae393c4dafd8f1324974f28ad019c
        sqlite 0018 presence e5d9515a2057508cbd0a7c4f8c7a63c0a14aaec2066e5b1ff48861465a92b47b
        sqlite 0019 case_parties_by_contact 7bf9365a15c447ab2b3065f297fbc5fa630ec9343d782380ce49863b69cbfdf4
        sqlite 0020 dialog_recovery 98f76c711df4bf29252df72f43dfaa96bf85ae874ddf11c2ec28e1072f2df135
        sqlite 0021 security dca7995fa4d35106908b3eba63417a8e9ff3ce6ce1a974224542a4e2aaeba94a
        sqlite 0022 message_notices 7ac571f2cb9b1248dd7632abdbb9206f16022479a2de4d90bbe1ad102b8b36cd
        sqlite 0024 readiness_probe b47f4cc8dd6b64e7afe3cfad7ddbce37a66f0e9db4c1e65ac14d852a70e297c3
        sqlite 0025 deadline_started_by 3438f655d494642d735d4cc0c73d230db089a6cd632dd1d2fa34883d45fe2bd2
        sqlite 0030 case_search 2980b857cd0c82037224207ead5eb03add2d835cda69d99e48d7e0ee2e746625
        sqlite 0031 contact_links 466cfca94e2d312ff3e0c8dea4725f727357cd578735843a1a3155f2fcb88a2b
        sqlite 0034 status_codes 7b9028381862018131c35c3fd43b7c817f9a54728c875550d7efa24c6a5a02fb
        sqlite 0035 paused_clocks 287cbda60195165f6d11838c175d983d6cd8637d71332f95d6cdc4260bb225bd
        sqlite 0038 open_cases_and_deliveries 788456b8328dd96702d38ce42e16b71c9b3574d6117ee6cae8f3a96672a5202b
        sqlite 0039 job_watermarks 0b72316551c505369b5a3dcb7507050bb646957bb02c0f3b5d011e51e6e67f75
        sqlite 0040 waiting_cases 1304d725be2ff2620202aa06b630fe39515cd44c7f27fd8e9a5588365665d8b1
        sqlite 0041 attachment_files ab3b4d885aae87c2c473d05be81dbc60cb1ce8e9d4e57e2489fd7417affbd4cd
        sqlite 0043 assignment e65df6e32f98a67c35ceb70502574be23c63f11b0d07823a43a25d4608d13da1
        sqlite 0045 canned_replies 2b682ef899394aeafc23d6a1bf8b2e7c9dd2604109238a3b6b240f15f5c37fe8
        sqlite 0047 category_departments 85a40ecb7ee925c5619b33fba09f9c15c979c6abbd68abc10978f93722b1bdf8
        sqlite 0052 macros_and_setting_changes de2c8cf6aafdcb8cbfa17f4c60dd261e2450a4c466adc66ac98e39afb3fc5d8e
        sqlite 0054 attachment_origins 94762deea3b8169460841a641081db9b6a56ad18ed41037e515761351254df9f
        sqlite 0055 chat_pending_files 03fc3f2c643a1028f7fd5b6cbe0544b34ee5acf043e184fe90bbfe4a0ff345a1
        sqlite 0056 escalations 3eb3c5a82a1b65c956c669bc635ac7f622d5e7641500f8081004d60b964e1eff
        sqlite 0057 deadline_rule_code 72ffd707798403077d6d1002fff305b8d700d0aa24001223a1aa3b7a9805c21b
        """;

    private static IEnumerable<(string Provider, int Version, string Name, string Sha)> Before() =>
        BeforeCommon.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Select(f => (f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2], f[3]));

    private static string ProviderName(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task EveryScriptAppliedBeforeTheMove_IsReadNowUnderTheSameVersionNameAndText(DatabaseProvider provider)
    {
        // Connections are opened lazily: reading the scripts needs no server.
        await using var database = new Database(new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=unused" : "Data Source=unused.db",
        });
        var now = new SchemaMigrator(database).Scripts().ToDictionary(s => s.Version);
        var before = Before().Where(b => b.Provider == ProviderName(provider)).ToList();

        Assert.Equal(40, before.Count);
        foreach (var (_, version, name, sha) in before)
        {
            Assert.True(now.TryGetValue(version, out var script), $"{version:D4}_{name} is missing");
            Assert.Equal(name, script.Name);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script.Sql))));
        }
    }

    [Fact]
    public void TheMove_ShrankTheDialectFolders_ToWhatTheDialectsSpellDifferently()
    {
        var resources = typeof(SchemaMigrator).Assembly.GetManifestResourceNames();
        var common = resources.Where(r => r.Contains(".Migrations.common.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(common);
        // A version written once in common has no copy left in either dialect folder.
        foreach (var script in common)
        {
            var file = script[(script.IndexOf(".Migrations.common.", StringComparison.Ordinal) + ".Migrations.common.".Length)..];
            var version = file[..4];
            Assert.DoesNotContain(resources, r => (r.Contains(".Migrations.postgres.", StringComparison.Ordinal)
                || r.Contains(".Migrations.sqlite.", StringComparison.Ordinal)) && r.Contains("." + version + "_", StringComparison.Ordinal));
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ADatabaseMigratedBeforeTheMove_AppliesNothingNew_AndKeepsItsData(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var database = new Database(test.Options);
        var migrator = new SchemaMigrator(database);
        await migrator.MigrateAsync(ct);
        await using (var c = await database.OpenAsync(ct))
        {
            await c.ExecuteAsync("INSERT INTO contacts (name, created_at) VALUES ('kept', @now)", new { now = DateTimeOffset.UtcNow });
            var recorded = (await c.QueryAsync<(int, string)>("SELECT version, name FROM schema_migrations")).ToHashSet();
            // What the database recorded is exactly what the migrator before the move recorded (plus later versions).
            foreach (var (_, version, name, _) in Before().Where(b => b.Provider == ProviderName(provider)))
                Assert.Contains((version, name), recorded);
        }

        var again = await new SchemaMigrator(database).MigrateAsync(ct);

        Assert.Empty(again);
        await using var check = await database.OpenAsync(ct);
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contacts WHERE name = 'kept'"));
    }
}
