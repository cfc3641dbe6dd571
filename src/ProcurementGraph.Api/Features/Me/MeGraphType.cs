using GraphQL.Types;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Features.Me;

/// <summary>The caller as the API sees it: what a front-end needs to decide what to show.</summary>
public sealed class MeGraphType : ObjectGraphType<ProcurementCaller>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "The caller as the API sees it: identity, app roles and, for a partner, its supplier.";
        Field<StringGraphType>("name")
            .Description("The caller's display name; for an application (client credentials), its client ID.")
            .Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("The caller's app roles (e.g. `Procurement.Reader`, `Partner`).")
            .Resolve(c => c.Source.Roles);
        Field<IdGraphType>("supplierId")
            .Description("The global ID of the supplier the caller acts for (partners); null when the token names none.")
            .Resolve(c => c.Source.SupplierId is { } id ? GlobalId.Encode("Supplier", id) : null);
        Field<StringGraphType>("businessUnit")
            .Description("The code of the business unit the caller rates for (raters); null when the token names none.")
            .Resolve(c => c.Source.BusinessUnit);
        Field<NonNullGraphType<BooleanGraphType>>("isPartner")
            .Description("Whether the caller is a partner, who sees only its own supplier's data.")
            .Resolve(c => c.Source.IsPartner);
        Field<NonNullGraphType<BooleanGraphType>>("isDevelopmentIdentity")
            .Description("Whether the caller is the development persona of a request without a token (Development only).")
            .Resolve(c => c.Source.IsDevelopmentIdentity);
    }
}
