using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Errors;

namespace ProcurementGraph.Toolkit.Tests.Errors;

public sealed class ErrorMaskingTests
{
    private static readonly FlatErrorInfoProvider Flat = new(new ErrorInfoProviderOptions { ExposeExceptionDetails = true });

    [Fact]
    public void A_masked_unexpected_error_says_only_Unexpected_Execution_Error_and_its_correlation_id()
    {
        var error = new UnexpectedExecutionError("Error trying to resolve field 'x'.", new InvalidOperationException("secret"), "trace-1");

        var info = new MaskingErrorInfoProvider(Flat, exposeExceptionDetails: false).GetInfo(error);

        Assert.Equal("Unexpected Execution Error", info.Message);
        Assert.Equal(new Dictionary<string, object?> { ["correlationId"] = "trace-1" }, info.Extensions);
    }

    [Fact]
    public void Any_unhandled_error_is_masked_even_without_a_correlation_id()
    {
        var info = new MaskingErrorInfoProvider(Flat, exposeExceptionDetails: false).GetInfo(new UnhandledError("boom", new InvalidOperationException("secret")));

        Assert.Equal("Unexpected Execution Error", info.Message);
        Assert.Null(info.Extensions);
    }

    [Fact]
    public void Exposed_details_keep_the_inner_providers_answer_and_add_the_correlation_id()
    {
        var error = new UnexpectedExecutionError("Error trying to resolve field 'x'.", new InvalidOperationException("secret"), "trace-2");

        var info = new MaskingErrorInfoProvider(Flat, exposeExceptionDetails: true).GetInfo(error);

        Assert.Equal("Error trying to resolve field 'x'.", info.Message);
        Assert.Equal("INVALID_OPERATION", info.Extensions!["code"]);
        Assert.Equal("trace-2", info.Extensions["correlationId"]);
        Assert.Contains("secret", info.Extensions["details"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_errors_and_database_failures_are_not_masked()
    {
        var masking = new MaskingErrorInfoProvider(Flat, exposeExceptionDetails: false);

        var coded = masking.GetInfo(new ExecutionError("Too many items.") { Code = "HC0051" });
        var database = masking.GetInfo(new DatabaseUnavailableError("trace-3"));

        Assert.Equal("Too many items.", coded.Message);
        Assert.Equal("HC0051", coded.Extensions!["code"]);
        Assert.Equal("The database is unavailable. Try again later.", database.Message);
        Assert.Equal("DATABASE_UNAVAILABLE", database.Extensions!["code"]);
        Assert.Equal("trace-3", database.Extensions["correlationId"]);
        Assert.False(database.Extensions.ContainsKey("details"));
    }

    [Fact]
    public async Task The_handler_turns_a_recognised_database_failure_into_DATABASE_UNAVAILABLE_and_anything_else_into_a_correlated_error()
    {
        var services = new ServiceCollection();
        services.AddGraphQL(b => b
            .AddSchema<FailingSchema>()
            .AddSystemTextJson()
            .AddErrorMasking(o =>
            {
                o.IsDatabaseUnavailable = e => e is TimeoutException;
                o.CorrelationId = _ => "fixed-id";
            }));
        await using var provider = services.BuildServiceProvider();
        var result = await provider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = "{ database other }",
            RequestServices = provider,
        });

        Assert.Equal(2, result.Errors!.Count);
        var database = Assert.IsType<DatabaseUnavailableError>(result.Errors.Single(e => e.Path!.Single().Equals("database")));
        Assert.Equal("fixed-id", database.CorrelationId);
        Assert.Null(database.InnerException);
        var other = Assert.IsType<UnexpectedExecutionError>(result.Errors.Single(e => e.Path!.Single().Equals("other")));
        Assert.Equal("fixed-id", other.CorrelationId);
        Assert.Equal("Error trying to resolve field 'other'.", other.Message);
        Assert.IsType<ArgumentException>(other.InnerException);
    }

    private sealed class FailingSchema : Schema
    {
        public FailingSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("database").Resolve(_ => throw new TimeoutException("connection refused"));
            query.Field<StringGraphType>("other").Resolve(_ => throw new ArgumentException("bug"));
            Query = query;
        }
    }
}
