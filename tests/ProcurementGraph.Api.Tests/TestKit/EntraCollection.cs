namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>The test classes that share one <see cref="EntraApiFactory"/> (and so one fake Entra authority).</summary>
[CollectionDefinition(Name)]
public sealed class EntraCollection : ICollectionFixture<EntraApiFactory>
{
    public const string Name = "Entra ID";
}
