using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary>The service the querying toolkit asks before filtering or sorting on a field.</summary>
public sealed class FieldAccessTests(AuthorizationFixture host) : IClassFixture<AuthorizationFixture>
{
    [Theory]
    [InlineData("Query", "open", new string[0], true)]
    [InlineData("Query", "secret", new[] { "Reader" }, false)]
    [InlineData("Query", "secret", new[] { "Admin" }, true)]
    [InlineData("Item", "secret", new[] { "Reader" }, false)]
    [InlineData("Item", "name", new[] { "Reader" }, true)]
    [InlineData("Vault", "content", new[] { "Editor" }, false)]
    [InlineData("Vault", "label", new[] { "Editor" }, true)]
    [InlineData("Query", "editorsOnly", new[] { "Editor" }, true)]
    [InlineData("Query", "noSuchField", new[] { "Admin" }, false)]
    [InlineData("NoSuchType", "name", new[] { "Admin" }, false)]
    public async Task Can_read_by_type_and_field_name(string type, string field, string[] roles, bool expected)
    {
        // Arrange
        using var scope = host.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<IFieldAccess>();

        // Act
        var canRead = await access.CanReadAsync(TestAuthenticationHandler.User(roles), type, field);

        // Assert
        Assert.Equal(expected, canRead);
    }

    [Fact]
    public async Task Detailed_result_tells_not_authenticated_from_not_authorized()
    {
        // Arrange
        using var scope = host.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<IFieldAccess>();
        var schema = host.Schema;
        schema.Initialize();
        var query = (IComplexGraphType)schema.Query;
        var secret = query.GetField("secret")!;

        // Act
        var anonymous = await access.AuthorizeAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), query, secret);
        var reader = await access.AuthorizeAsync(TestAuthenticationHandler.User("Reader"), query, secret);
        var misconfigured = await access.AuthorizeAsync(TestAuthenticationHandler.User("Admin"), query, query.GetField("misconfigured")!);

        // Assert
        Assert.Equal(FieldAuthorizationResult.NotAuthenticated, anonymous);
        Assert.Equal(FieldAuthorizationResult.NotAuthorized, reader);
        Assert.Equal(FieldAuthorizationResult.PolicyNotFound, misconfigured);
    }

    [Fact]
    public void Rule_gathers_schema_type_and_field_metadata()
    {
        // Arrange
        var schema = new Schema();
        schema.AuthorizeWithPolicy("SchemaPolicy");
        var type = new ObjectGraphType { Name = "T" };
        type.AuthorizeWithRoles("A", "B");
        var field = type.Field<StringGraphType>("f").AuthorizeWithPolicy("FieldPolicy").FieldType;
        var open = new ObjectGraphType { Name = "Open" }.Field<StringGraphType>("g").FieldType;

        // Act
        var rule = FieldAuthorizationRule.For(schema, type, field)!;
        var anonymous = FieldAuthorizationRule.For(schema, type, field.AllowAnonymous());

        // Assert
        Assert.Equal(["SchemaPolicy", "FieldPolicy"], rule.Policies);
        Assert.Equal(["A", "B"], Assert.Single(rule.RoleSets));
        Assert.Equal(["FieldPolicy"], anonymous!.Policies);
        Assert.Empty(anonymous.RoleSets);
        Assert.Null(FieldAuthorizationRule.For(null, new ObjectGraphType(), open));
    }
}
