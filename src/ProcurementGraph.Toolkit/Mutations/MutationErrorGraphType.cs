using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>An error object type of the mutation conventions: implements <c>Error</c> and is told apart by its CLR type.</summary>
public abstract class MutationErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : MutationError
{
    protected MutationErrorGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<ErrorInterfaceGraphType>();
        IsTypeOf = value => value is TError;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, in words for people.").Resolve(c => c.Source.Message);
    }
}
