using ProcurementGraph.Api.Hosting;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Cors;

/// <summary>A wrong <c>Cors:*</c> setting stops the start with one line naming it.</summary>
public sealed class CorsSettingTests
{
    [Theory]
    [InlineData("http://localhost:3000/", "Cors:AllowedOrigins:0 'http://localhost:3000/' is not an origin")]
    [InlineData("https://app.contoso.com/app", "Cors:AllowedOrigins:0 'https://app.contoso.com/app' is not an origin")]
    [InlineData("app.contoso.com", "Cors:AllowedOrigins:0 'app.contoso.com' is not an origin")]
    [InlineData("ftp://app.contoso.com", "Cors:AllowedOrigins:0 'ftp://app.contoso.com' is not an origin")]
    [InlineData("https://*contoso.com", "Cors:AllowedOrigins:0 'https://*contoso.com' is not an origin")]
    public void An_origin_that_is_not_one_is_refused(string origin, string message)
    {
        var error = Assert.Throws<StartupException>(() =>
            CrossOriginRegistration.BuildPolicy(new CrossOriginOptions { AllowedOrigins = [origin] }, isDevelopment: false));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_with_any_origin_are_refused()
    {
        var error = Assert.Throws<StartupException>(() => CrossOriginRegistration.BuildPolicy(
            new CrossOriginOptions { AllowedOrigins = ["*"], AllowCredentials = true }, isDevelopment: false));

        Assert.StartsWith("Cors:AllowCredentials cannot be true while Cors:AllowedOrigins is '*'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86_401)]
    public void A_max_age_out_of_range_is_refused(int seconds)
    {
        var error = Assert.Throws<StartupException>(() => CrossOriginRegistration.BuildPolicy(
            new CrossOriginOptions { AllowedOrigins = ["https://app.contoso.com"], MaxAgeSeconds = seconds }, isDevelopment: false));

        Assert.StartsWith("Cors:MaxAgeSeconds must be between 0 and 86400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_that_is_not_a_header_name_is_refused()
    {
        var error = Assert.Throws<StartupException>(() => CrossOriginRegistration.BuildPolicy(
            new CrossOriginOptions { AllowedOrigins = ["https://app.contoso.com"], AllowedHeaders = ["Authorization: x"] }, isDevelopment: false));

        Assert.Equal("Cors:AllowedHeaders: 'Authorization: x' is not a header name.", error.Message);
    }

    [Theory]
    [InlineData("https://app.contoso.com", "https://app.contoso.com", true)]
    [InlineData("https://APP.contoso.com", "https://app.contoso.com", true)]
    [InlineData("https://*.contoso.com", "https://eu.app.contoso.com", true)]
    [InlineData("https://*.contoso.com", "https://contoso.com.evil.example", false)]
    [InlineData("*", "https://anything.example", true)]
    public void Origins_are_matched_as_configured(string configured, string origin, bool allowed)
    {
        var policy = CrossOriginRegistration.BuildPolicy(new CrossOriginOptions { AllowedOrigins = [configured] }, isDevelopment: false)!;

        Assert.Equal(allowed, policy.AllowAnyOrigin || policy.IsOriginAllowed(origin));
    }

    [Fact]
    public void No_origin_outside_development_means_no_policy() =>
        Assert.Null(CrossOriginRegistration.BuildPolicy(new CrossOriginOptions(), isDevelopment: false));

    [Fact]
    public async Task A_wrong_origin_stops_the_start_with_one_line()
    {
        // Act
        var result = await ApiProcess.RunAsync(
            [],
            ("ASPNETCORE_ENVIRONMENT", "Development"),
            ("Database__DataDirectory", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))),
            ("Cors__AllowedOrigins__0", "localhost:3000"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cors:AllowedOrigins:0 'localhost:3000' is not an origin", line.Trim(), StringComparison.Ordinal);
    }
}
