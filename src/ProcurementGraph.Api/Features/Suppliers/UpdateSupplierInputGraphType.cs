using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>UpdateSupplierInput</c>: a partial update; fields left out keep their values.</summary>
public sealed class UpdateSupplierInputGraphType : InputObjectGraphType
{
    public UpdateSupplierInputGraphType()
    {
        Name = "UpdateSupplierInput";
        Description = "Changes to a supplier. Fields left out keep their values; `website` and `lastAuditOn` given as null are cleared. The status changes through `changeSupplierStatus`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The supplier to change.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the supplier as you read it.");
        this.AddSupplierFields(create: false);
    }
}
