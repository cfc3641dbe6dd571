using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary><c>InvalidStatusTransitionError</c>: a status change the life cycle does not allow.</summary>
public sealed class InvalidTransitionErrorGraphType : MutationErrorGraphType<InvalidTransitionError>
{
    public InvalidTransitionErrorGraphType()
        : base("InvalidStatusTransitionError", "The status cannot change from its current value to the one asked; nothing was written.")
    {
        Field<NonNullGraphType<StringGraphType>>("from").Description("The current status.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<StringGraphType>>("to").Description("The status asked for.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowed").Description("The statuses it can change to from the current one.").Resolve(c => c.Source.Allowed);
    }
}
