namespace OmniIntake.Testing;

/// <summary>The private Redis infra/test.sh starts (OMNIINTAKE_TEST_REDIS, "host:port").</summary>
public static class TestRedis
{
    public const string Variable = "OMNIINTAKE_TEST_REDIS";

    public static string Connection =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {Variable} to a Redis \"host:port\" (bash infra/test.sh starts one: infra/redis/start.sh).");

    /// <summary>Settings that put a hub on the shared Redis, on channels of its own so parallel tests never cross.</summary>
    public static Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["Live:Redis"] = Connection, ["Live:RedisChannelPrefix"] = prefix, ["Live:LeaderLease"] = "00:00:03",
    };
}
