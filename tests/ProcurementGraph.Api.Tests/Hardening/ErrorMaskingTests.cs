using System.Net;
using static ProcurementGraph.Api.Tests.Hardening.HardeningTestKit;

namespace ProcurementGraph.Api.Tests.Hardening;

/// <summary>Unexpected exceptions: masked outside Development with a correlation id that is in the log, detailed in Development.</summary>
public sealed class ErrorMaskingTests
{
    [Fact]
    public async Task Outside_Development_an_unexpected_exception_is_masked_with_a_correlation_id_that_is_logged()
    {
        await using var factory = await HardeningApiFactory.StartAsync("Production", interceptors: new FailingQueryInterceptor());
        using var client = factory.CreateClient(HardeningApiFactory.ReaderToken());

        var answer = await client.PostAsync(SuppliersQuery, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode); // execution started: the field is null
        Assert.Null(answer.Body["data"]!["suppliers"]);
        var error = answer.FirstError!;
        Assert.Equal("Unexpected Execution Error", error["message"]!.GetValue<string>());
        var extensions = error["extensions"]!.AsObject();
        Assert.Equal(["correlationId"], extensions.Select(p => p.Key));
        var correlationId = extensions["correlationId"]!.GetValue<string>();
        Assert.Equal(answer.Response.Headers.GetValues(HardeningApiFactory.TraceIdHeader).Single(), correlationId);
        Assert.DoesNotContain(FailingQueryInterceptor.SecretDetail, answer.Text, StringComparison.Ordinal);
        AssertNoExceptionDetails(answer.Text);

        var logged = Assert.Single(factory.Logs.Lines, line => line.Contains("Unexpected error " + correlationId, StringComparison.Ordinal));
        Assert.Contains("InvalidOperationException", logged, StringComparison.Ordinal);
        Assert.Contains(FailingQueryInterceptor.SecretDetail, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_details_stay_and_the_correlation_id_is_added()
    {
        await using var factory = await HardeningApiFactory.StartAsync("Development", interceptors: new FailingQueryInterceptor());
        using var client = factory.CreateClient();

        var answer = await client.PostAsync(SuppliersQuery);

        var error = answer.FirstError!;
        Assert.Equal("Error trying to resolve field 'suppliers'.", error["message"]!.GetValue<string>());
        Assert.Equal("INVALID_OPERATION", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(FailingQueryInterceptor.SecretDetail, error["extensions"]!["details"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(answer.Response.Headers.GetValues(HardeningApiFactory.TraceIdHeader).Single(),
            error["extensions"]!["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_Development_an_exception_outside_execution_is_a_masked_500_with_a_GraphQL_body()
    {
        await using var factory = await HardeningApiFactory.StartAsync("Production");
        using var client = factory.CreateClient(HardeningApiFactory.ReaderToken());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(HardeningApiFactory.ThrowHeader, "1");

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal("Unexpected Execution Error", body["errors"]![0]!["message"]!.GetValue<string>());
        var correlationId = body["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>();
        Assert.Equal(response.Headers.GetValues(HardeningApiFactory.TraceIdHeader).Single(), correlationId);
        Assert.DoesNotContain("secret-pipeline-detail", text, StringComparison.Ordinal);
        AssertNoExceptionDetails(text);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("Unexpected error " + correlationId, StringComparison.Ordinal)
            && line.Contains("secret-pipeline-detail", StringComparison.Ordinal));
    }
}
