using GraphQL;
using GraphQL.Execution;
using ProcurementGraph.Toolkit.Errors;

namespace ProcurementGraph.Toolkit.Tests.Errors;

public sealed class FlatErrorInfoProviderTests
{
    [Fact]
    public void Code_and_data_entries_sit_at_the_top_of_extensions()
    {
        var error = new ExecutionError("The maximum allowed items per page were exceeded.") { Code = "HC0051" };
        error.Data["requestedItems"] = 51;
        error.Data["maxAllowedItems"] = 50;

        var info = new FlatErrorInfoProvider(new ErrorInfoProviderOptions()).GetInfo(error);

        Assert.NotNull(info.Extensions);
        Assert.Equal("HC0051", info.Extensions["code"]);
        Assert.Equal(51, info.Extensions["requestedItems"]);
        Assert.Equal(50, info.Extensions["maxAllowedItems"]);
        Assert.False(info.Extensions.ContainsKey("codes"));
        Assert.False(info.Extensions.ContainsKey("data"));
    }

    [Fact]
    public void A_data_entry_never_overwrites_the_code()
    {
        var error = new ExecutionError("x") { Code = "REAL" };
        error.Data["code"] = "FAKE";

        var info = new FlatErrorInfoProvider(new ErrorInfoProviderOptions()).GetInfo(error);

        Assert.Equal("REAL", info.Extensions!["code"]);
    }
}
