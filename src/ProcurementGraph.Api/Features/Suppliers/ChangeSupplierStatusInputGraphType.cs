using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>ChangeSupplierStatusInput</c>: the next stage of the supplier's life cycle.</summary>
public sealed class ChangeSupplierStatusInputGraphType : InputObjectGraphType
{
    public ChangeSupplierStatusInputGraphType()
    {
        Name = "ChangeSupplierStatusInput";
        Description = "Moves a supplier along its life cycle: PROSPECT → ONBOARDING → ACTIVE ⇄ SUSPENDED → OFFBOARDED.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The supplier.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the supplier as you read it.");
        Field<NonNullGraphType<EnumerationGraphType<SupplierStatus>>>("status").Description("The new status.");
    }
}
