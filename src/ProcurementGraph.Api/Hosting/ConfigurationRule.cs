using System.Globalization;

namespace ProcurementGraph.Api.Hosting;

/// <summary>One setting of the README's configuration table and what its value must look like; null when valid, else the one-line error.</summary>
/// <remarks><paramref name="ShowsValue"/> false: the error does not repeat the value (it may hold a password).</remarks>
public sealed record ConfigurationRule(string Key, Func<string, bool> IsValid, string Expectation, bool ShowsValue = true)
{
    /// <summary>The error for <paramref name="value"/>, or null when it is valid.</summary>
    public string? Check(string value) =>
        IsValid(value) ? null : ShowsValue ? $"{Key} must be {Expectation} (got '{value}')." : $"{Key} must be {Expectation}.";

    public static ConfigurationRule Boolean(string key) => new(key, v => bool.TryParse(v, out _), "true or false");

    public static ConfigurationRule PositiveInteger(string key) =>
        new(key, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0, "a whole number greater than zero");

    public static ConfigurationRule PositiveLong(string key) =>
        new(key, v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0, "a whole number greater than zero");

    public static ConfigurationRule NonNegativeInteger(string key) =>
        new(key, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0, "a whole number of at least zero");

    public static ConfigurationRule OneOf(string key, params string[] values) =>
        new(key, v => values.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase), "one of " + string.Join(", ", values.Select(x => $"'{x}'")));

    public static ConfigurationRule NotEmpty(string key) => new(key, v => !string.IsNullOrWhiteSpace(v), "a non-empty text");

    /// <summary>A StackExchange.Redis configuration string (empty: no Redis); the error does not repeat it (it may hold a password).</summary>
    public static ConfigurationRule RedisConnectionString(string key) => new(key, v =>
    {
        if (string.IsNullOrWhiteSpace(v))
        {
            return true;
        }

        try
        {
            _ = ProcurementGraph.Toolkit.Redis.RedisConnection.Options(v);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }, "a StackExchange.Redis configuration string, e.g. localhost:6379 or redis.example.com:6380,ssl=true,password=...", ShowsValue: false);

    /// <summary>Kestrel's <c>Urls</c>: absolute <c>http</c>/<c>https</c> URLs separated by <c>;</c> (hosts <c>*</c> and <c>+</c> allowed).</summary>
    public static ConfigurationRule Urls(string key) => new(key, v =>
    {
        var urls = v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(url =>
            Uri.TryCreate(url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal),
                UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
    }, "absolute http or https URLs separated by ';', e.g. http://localhost:5000");
}
