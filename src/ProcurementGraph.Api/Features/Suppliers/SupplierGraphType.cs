using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Server.Relay;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>A company the organisation buys from (or may buy from).</summary>
public sealed class SupplierGraphType : ObjectGraphType<Supplier>
{
    public SupplierGraphType()
    {
        Name = "Supplier";
        Description = "A company the organisation buys from, or may buy from.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The supplier's global ID (Relay).")
            .Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(s => s.Name).Description("The trading name.");
        Field(s => s.LegalName).Description("The registered legal name.");
        Field(s => s.Country).Description("ISO 3166 alpha-2 country code.");
        Field(s => s.City).Description("The city of the supplier's main office.");
        Field(s => s.Status).Description("The life-cycle stage of the relationship.");
        Field(s => s.RiskLevel).Description("Assessed supply risk.");
        Field(s => s.IsDiverse).Description("Whether the supplier is a diverse business (minority-, women-, veteran-owned, ...).");
    }
}
