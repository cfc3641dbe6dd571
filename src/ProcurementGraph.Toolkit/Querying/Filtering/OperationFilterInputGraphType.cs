using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>HotChocolate's scalar and enum operation inputs (<c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>, ...).</summary>
[DoNotRegister]
public sealed class OperationFilterInputGraphType : InputObjectGraphType
{
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
            input.AddOperations(FilterOperations.Text, scalar, typeof(ListGraphType<>).MakeGenericType(scalar));
        }
        else if (type == typeof(bool))
        {
            input.AddOperations(FilterOperations.Boolean, scalar, scalar);
        }
        else if (type.IsEnum)
        {
            var items = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(scalar));
            input.AddOperations(FilterOperations.Equality, scalar, items);
        }
        else
        {
            input.AddOperations(FilterOperations.Comparable, scalar, typeof(ListGraphType<>).MakeGenericType(scalar));
        }

        return input;
    }

    /// <summary><c>IdOperationFilterInput { eq neq in nin }</c> over global IDs.</summary>
    public static OperationFilterInputGraphType Id()
    {
        var input = new OperationFilterInputGraphType(TypeNames.IdOperation);
        input.AddOperations(FilterOperations.Equality, typeof(IdGraphType), typeof(ListGraphType<IdGraphType>));
        return input;
    }

    private void AddOperations(IEnumerable<FilterOperation> operations, Type scalar, Type list)
    {
        foreach (var operation in operations)
        {
            Field(operation.Name, operation.ListOperand ? list : scalar).Description(operation.Meaning);
        }
    }
}
