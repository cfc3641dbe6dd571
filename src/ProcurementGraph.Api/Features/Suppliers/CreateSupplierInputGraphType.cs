using GraphQL.Types;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary><c>CreateSupplierInput</c>: a new supplier (status PROSPECT).</summary>
public sealed class CreateSupplierInputGraphType : InputObjectGraphType
{
    public CreateSupplierInputGraphType()
    {
        Name = "CreateSupplierInput";
        Description = "A new supplier; it starts as a PROSPECT.";
        this.AddSupplierFields(create: true);
    }
}
