using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>DeleteSupplierInput</c>: the supplier to delete.</summary>
public sealed class DeleteSupplierInputGraphType : InputObjectGraphType
{
    public DeleteSupplierInputGraphType()
    {
        Name = "DeleteSupplierInput";
        Description = "The supplier to delete; refused while contracts, ratings or category links refer to it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The supplier.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the supplier as you read it.");
    }
}
