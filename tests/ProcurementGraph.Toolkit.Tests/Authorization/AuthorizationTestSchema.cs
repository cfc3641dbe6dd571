using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Tests.Authorization;

/// <summary>
/// A schema carrying GraphQL.NET authorization metadata in every form: field policies, field roles, <c>Authorize()</c>,
/// an unknown policy, a type-level policy with an <c>AllowAnonymous()</c> field, a non-null protected field and lists.
/// Counts how often the protected resolvers run.
/// </summary>
public sealed class AuthorizationTestSchema : Schema
{
    public const string AdminPolicy = "AdminOnly";

    private static readonly string[] Items = ["a", "b", "c"];

    private int _secretResolutions;

    public AuthorizationTestSchema(IServiceProvider services)
        : base(services)
    {
        var item = new ObjectGraphType<string> { Name = "Item" };
        item.Field<StringGraphType>("name").Resolve(c => c.Source);
        item.Field<StringGraphType>("secret").AuthorizeWithPolicy(AdminPolicy).Resolve(c => Secret(c.Source));
        item.Field<NonNullGraphType<StringGraphType>>("requiredSecret").AuthorizeWithPolicy(AdminPolicy).Resolve(c => Secret(c.Source));

        var vault = new ObjectGraphType { Name = "Vault" };
        vault.AuthorizeWithPolicy(AdminPolicy);
        vault.Field<StringGraphType>("content").Resolve(_ => "gold");
        vault.Field<StringGraphType>("label").AllowAnonymous().Resolve(_ => "vault");

        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("open").Resolve(_ => "open");
        query.Field<StringGraphType>("secret").AuthorizeWithPolicy(AdminPolicy).Resolve(_ => Secret("query"));
        query.Field<StringGraphType>("editorsOnly").AuthorizeWithRoles("Editor", "Admin").Resolve(_ => "edited");
        query.Field<StringGraphType>("signedIn").Authorize().Resolve(_ => "signed in");
        query.Field<StringGraphType>("misconfigured").AuthorizeWithPolicy("NoSuchPolicy").Resolve(_ => "never");
        query.Field("item", item).Resolve(_ => "one");
        query.Field("items", new NonNullGraphType(new ListGraphType(new NonNullGraphType(item)))).Resolve(_ => Items);
        query.Field("vault", vault).Resolve(_ => new object());
        Query = query;
    }

    public int SecretResolutions => Volatile.Read(ref _secretResolutions);

    private string Secret(string source)
    {
        Interlocked.Increment(ref _secretResolutions);
        return "secret of " + source;
    }
}
