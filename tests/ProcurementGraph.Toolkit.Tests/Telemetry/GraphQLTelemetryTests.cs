using ProcurementGraph.Toolkit.Telemetry;

namespace ProcurementGraph.Toolkit.Tests.Telemetry;

/// <summary>Which error codes count as a limit's refusal in <c>graphql.server.rejected</c>.</summary>
public sealed class GraphQLTelemetryTests
{
    [Theory]
    [InlineData("HC0047", true)]
    [InlineData("MAX_EXECUTION_DEPTH", true)]
    [InlineData("MAX_TOKENS_EXCEEDED", true)]
    [InlineData("MAX_FIELDS_EXCEEDED", true)]
    [InlineData("MAX_ALIASES_EXCEEDED", true)]
    [InlineData("HC0045", false)]
    [InlineData("RATE_LIMITED", false)]
    [InlineData("FIELDS_ON_CORRECT_TYPE", false)]
    public void Limit_codes_are_cost_depth_and_the_document_limits(string code, bool isLimit) =>
        Assert.Equal(isLimit, GraphQLTelemetry.IsLimit(code));
}
