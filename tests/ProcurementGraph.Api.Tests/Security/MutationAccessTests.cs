using System.Net;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// Every role × every mutation field of the live schema, through HTTP with a generated minimal input: the roles of
/// issue 13's table (restated in <see cref="SecurityMatrix"/>) reach the mutation (a payload, typed errors at most), every
/// other role gets AUTH_NOT_AUTHORIZED and nothing runs. A new mutation without a row in the matrix fails here.
/// </summary>
public sealed class MutationAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Roles => [.. SecurityMatrix.Roles];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_may_call_exactly_the_mutations_of_the_access_table(string role)
    {
        // Arrange
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var client = api.CreateClient(
            role == SecurityMatrix.NoRole ? [] : [role],
            new Dictionary<string, object> { ["supplier_id"] = "999999", ["business_unit"] = "MFG-EU" },
            $"{role} caller");
        var mismatches = new List<string>();
        var before = api.Scalar("SELECT COUNT(*) FROM AuditEntries");

        // Act
        foreach (var field in schema.Mutation!.Fields)
        {
            var input = (IInputObjectGraphType)field.Arguments!.Find("input")!.ResolvedType!.GetNamedType();
            var query = $"mutation {{ {field.Name}(input: {Literal(input)}) {{ __typename }} }}";
            var (response, body) = await client.PostGraphQLAsync(query);
            var denied = response.StatusCode == HttpStatusCode.Forbidden || body.ErrorCode() == "AUTH_NOT_AUTHORIZED";
            var reached = response.StatusCode == HttpStatusCode.OK && body["errors"] is null && body["data"]?[field.Name] is not null;
            var expected = SecurityMatrix.MayRead(role, "Mutation", field.Name);
            if (expected ? !reached : !denied)
            {
                mismatches.Add($"{field.Name}: {(int)response.StatusCode} {body.ToJsonString()}");
            }
        }

        // Assert
        Assert.True(mismatches.Count == 0, $"{role}: " + string.Join(Environment.NewLine, mismatches));
        Assert.Equal(before, api.Scalar("SELECT COUNT(*) FROM AuditEntries"));
    }

    /// <summary>A literal for the required fields of an input type: IDs that name no row, values that do not validate.</summary>
    private static string Literal(IInputObjectGraphType input)
    {
        var text = new StringBuilder("{ ");
        foreach (var field in input.Fields.Where(f => f.ResolvedType is NonNullGraphType))
        {
            text.Append(field.Name).Append(": ").Append(Value(((NonNullGraphType)field.ResolvedType!).ResolvedType!)).Append(' ');
        }

        return text.Append('}').ToString();
    }

    private static string Value(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Value(nonNull.ResolvedType!),
        ListGraphType => "[]",
        IdGraphType => $"\"{GlobalId.Encode("Nothing", 999999)}\"",
        IntGraphType => "0",
        BooleanGraphType => "false",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType nested => Literal(nested),
        _ when type.Name == "Date" => "\"2000-01-01\"",
        DecimalGraphType => "0",
        _ => "\"x\"",
    };
}
