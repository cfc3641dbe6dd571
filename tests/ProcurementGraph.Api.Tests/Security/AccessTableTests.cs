using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Authorization;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>The access table against the live schema: every field has a rule, and every role × field matches docs/SECURITY.md.</summary>
public sealed class AccessTableTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Roles => [.. SecurityMatrix.Roles];

    [Fact]
    public void Every_field_of_the_schema_has_a_row_in_the_access_table()
    {
        // Act
        var unruled = AccessRules.FieldsWithoutRule(api.Services.GetRequiredService<ISchema>());

        // Assert
        Assert.True(unruled.Count == 0, "Add these fields to Security/AccessRules.cs: " + string.Join(", ", unruled));
    }

    [Fact]
    public void Every_row_of_the_access_table_names_a_field_of_its_type()
    {
        // Act
        var stale = AccessRules.RulesWithoutField(api.Services.GetRequiredService<ISchema>());

        // Assert
        Assert.True(stale.Count == 0, "These rows of Security/AccessRules.cs name no field: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_field_carries_exactly_the_policy_of_its_row()
    {
        // Arrange
        var schema = api.Services.GetRequiredService<ISchema>();

        // Act
        var wrong = AccessRules.Fields(schema)
            .Where(f => f.Field.GetPolicies() is not [var policy] || policy != ProcurementPolicies.For(AccessRules.Find(f.Type, f.Field) ?? AccessRules.DefaultFor(f.Type.Name)))
            .Select(f => $"{f.Type.Name}.{f.Field.Name}")
            .ToList();

        // Assert
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reads_exactly_what_security_md_allows(string role)
    {
        // Arrange
        var schema = api.Services.GetRequiredService<ISchema>();
        using var scope = api.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<IFieldAccess>();
        var user = Caller(role == SecurityMatrix.NoRole ? [] : [role]);
        var mismatches = new List<string>();

        // Act
        foreach (var (type, field) in AccessRules.Fields(schema))
        {
            var canRead = await access.CanReadAsync(user, type, field);
            if (canRead != SecurityMatrix.MayRead(role, type.Name, field.Name))
            {
                mismatches.Add($"{type.Name}.{field.Name}: {(canRead ? "readable" : "denied")}");
            }
        }

        // Assert
        Assert.True(mismatches.Count == 0, $"{role}: " + string.Join(", ", mismatches));
    }

    [Theory]
    [InlineData("Supplier", "registrationNumber")]
    [InlineData("Contract", "baselineAnnualCost")]
    [InlineData("Query", "strategicGoals")]
    public async Task Partner_role_wins_over_internal_roles_on_the_same_token(string type, string field)
    {
        // Arrange
        using var scope = api.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<IFieldAccess>();

        // Act
        var canRead = await access.CanReadAsync(Caller(["Partner", "Procurement.Admin"]), type, field);

        // Assert
        Assert.False(canRead);
    }

    [Fact]
    public async Task Unauthenticated_caller_reads_nothing()
    {
        // Arrange
        var schema = api.Services.GetRequiredService<ISchema>();
        using var scope = api.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<IFieldAccess>();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        // Act
        var readable = new List<string>();
        foreach (var (type, field) in AccessRules.Fields(schema))
        {
            if (await access.CanReadAsync(anonymous, type, field))
            {
                readable.Add($"{type.Name}.{field.Name}");
            }
        }

        // Assert
        Assert.Empty(readable);
    }

    [Theory]
    [InlineData("Supplier", false)]
    [InlineData("SuppliersConnection", true)]
    [InlineData("SuppliersEdge", true)]
    [InlineData("PageInfo", true)]
    [InlineData("Edge", false)]
    [InlineData("StrategicGoal", false)]
    public void Paging_types_are_structure(string typeName, bool expected)
    {
        Assert.Equal(expected, AccessRules.IsStructure(typeName));
    }

    [Fact]
    public void Non_null_fields_that_a_reader_of_the_type_may_be_denied_are_reported()
    {
        // Arrange
        var supplier = new ObjectGraphType { Name = "Supplier" };
        supplier.Field<NonNullGraphType<StringGraphType>>("name");
        supplier.Field<NonNullGraphType<StringGraphType>>("registrationNumber");
        supplier.Field<StringGraphType>("website");
        var goal = new ObjectGraphType { Name = "StrategicGoal" };
        goal.Field<NonNullGraphType<StringGraphType>>("title");
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("supplier", supplier);
        query.Field("strategicGoal", goal);
        var schema = new GraphQL.Types.Schema { Query = query };

        // Act
        var deniable = AccessRules.DeniableNonNullFields(schema);

        // Assert
        Assert.Equal(["Supplier.registrationNumber"], deniable);
    }

    [Fact]
    public void Unruled_mutation_fields_are_admin_only_and_other_unruled_fields_internal()
    {
        // Arrange
        var mutation = new ObjectGraphType { Name = "Mutation" };
        var write = mutation.Field<StringGraphType>("deleteEverything").FieldType;
        var thing = new ObjectGraphType { Name = "Thing" };
        var read = thing.Field<StringGraphType>("anything").FieldType;

        // Act
        var writeRuled = AccessRules.Apply(mutation, write);
        var readRuled = AccessRules.Apply(thing, read);

        // Assert
        Assert.False(writeRuled);
        Assert.False(readRuled);
        Assert.Equal([ProcurementPolicies.ReadAdmin], write.GetPolicies());
        Assert.Equal([ProcurementPolicies.ReadInternal], read.GetPolicies());
    }

    private static ClaimsPrincipal Caller(string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim("roles", r)), "test", "name", "roles"));
}
