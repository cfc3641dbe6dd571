using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary><c>ObjectInUseError</c>: a delete refused while other objects depend on the target.</summary>
public sealed class InUseErrorGraphType : MutationErrorGraphType<InUseError>
{
    public InUseErrorGraphType()
        : base("ObjectInUseError", "The object cannot be deleted while other objects depend on it; nothing was written.")
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dependents").Description("What depends on it, e.g. `contracts (3)`.").Resolve(c => c.Source.Dependents);
    }
}
