using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>HotChocolate's scalar and enum operation inputs (<c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>, ...).</summary>
[DoNotRegister]
public sealed class OperationFilterInputGraphType : InputObjectGraphType
{
    private static readonly string[] StringOperations = ["eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    private static readonly string[] ComparableOperations = ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    private static readonly string[] EqualityOperations = ["eq", "neq", "in", "nin"];

    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["eq"] = "Equal to the value (null: the field is null).",
        ["neq"] = "Not equal to the value (null: the field is not null).",
        ["in"] = "Equal to one of the values.",
        ["nin"] = "Equal to none of the values.",
        ["gt"] = "Greater than the value.",
        ["ngt"] = "Not greater than the value.",
        ["gte"] = "Greater than or equal to the value.",
        ["ngte"] = "Not greater than or equal to the value.",
        ["lt"] = "Less than the value.",
        ["nlt"] = "Not less than the value.",
        ["lte"] = "Less than or equal to the value.",
        ["nlte"] = "Not less than or equal to the value.",
        ["contains"] = "Contains the text, ignoring case.",
        ["ncontains"] = "Does not contain the text, ignoring case.",
        ["startsWith"] = "Starts with the text, ignoring case.",
        ["nstartsWith"] = "Does not start with the text, ignoring case.",
        ["endsWith"] = "Ends with the text, ignoring case.",
        ["nendsWith"] = "Does not end with the text, ignoring case.",
    };

    private OperationFilterInputGraphType(string name)
    {
        Name = name;
        Description = "Operations on one value; several given operations must all hold.";
    }

    /// <summary>The operation input for values of <paramref name="clrType"/>.</summary>
    public static OperationFilterInputGraphType For(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var input = new OperationFilterInputGraphType(TypeNames.Operation(ScalarTypes.OperationPrefix(type, EnumNames.Of)));
        var scalar = ScalarTypes.GraphTypeOf(type, nonNull: false);
        if (type == typeof(string))
        {
            input.Field(name: "and", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(input.Name)))).Description("Every operation input of the list must hold.");
            input.Field(name: "or", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(input.Name)))).Description("At least one operation input of the list must hold.");
            input.AddOperations(StringOperations, scalar, typeof(ListGraphType<>).MakeGenericType(scalar));
        }
        else if (type == typeof(bool))
        {
            input.AddOperations(["eq", "neq"], scalar, scalar);
        }
        else if (type.IsEnum)
        {
            var items = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(scalar));
            input.AddOperations(EqualityOperations, scalar, items);
        }
        else
        {
            input.AddOperations(ComparableOperations, scalar, typeof(ListGraphType<>).MakeGenericType(scalar));
        }

        return input;
    }

    /// <summary><c>IdOperationFilterInput { eq neq in nin }</c> over global IDs.</summary>
    public static OperationFilterInputGraphType Id()
    {
        var input = new OperationFilterInputGraphType(TypeNames.IdOperation);
        input.AddOperations(EqualityOperations, typeof(IdGraphType), typeof(ListGraphType<IdGraphType>));
        return input;
    }

    private void AddOperations(IEnumerable<string> operations, Type scalar, Type list)
    {
        foreach (var operation in operations)
        {
            Field(operation, operation is "in" or "nin" ? list : scalar).Description(Meanings[operation]);
        }
    }
}
