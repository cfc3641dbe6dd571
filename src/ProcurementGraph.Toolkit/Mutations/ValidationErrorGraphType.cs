using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary><c>ValidationError</c>: an input value that is missing, malformed or out of range, naming the input field.</summary>
public sealed class ValidationErrorGraphType : MutationErrorGraphType<ValidationError>
{
    public ValidationErrorGraphType()
        : base("ValidationError", "An input value is missing, malformed, too long, out of range or inconsistent; `field` names it.")
    {
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field, as a path inside `input` (e.g. `name`, `ratings[3].quality`).").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("code").Description("REQUIRED, TOO_LONG, OUT_OF_RANGE, INVALID_FORMAT, INVALID_VALUE, DUPLICATE, NOT_LINKED or TOO_MANY.").Resolve(c => c.Source.Code);
        Field<IntGraphType>("index").Description("The position of the item in a batch; null outside batches.").Resolve(c => c.Source.Index);
    }
}
