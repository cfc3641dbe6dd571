using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary>An internal customer of procurement.</summary>
public sealed class BusinessUnitGraphType : EntityGraphType<BusinessUnit>
{
    public BusinessUnitGraphType()
    {
        Name = "BusinessUnit";
        Description = "An internal customer of procurement: a business unit that buys through procurement, values suppliers by its own value drivers and rates them.";
        HasKey(b => b.Id);
        Id("The business unit's global ID (Relay).");
        Computed("version", b => b.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change (its value drivers included); pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Value("code", b => b.Code, "The unique business unit code.");
        Value("name", b => b.Name, "The business unit's name.");
        Value("region", b => b.Region, "The region the business unit operates in.");
        Value("headName", b => b.HeadName, "The head of the business unit.");
        List("valueDrivers", b => b.ValueDrivers, "ValueDriver",
            "What the business unit values in its suppliers, in its order of importance (by `position` unless `order` says otherwise); the weights sum to 1.");
        Connection("contracts", b => b.Contracts, "Contract", "The contracts the business unit owns (uses).");
        Connection("ratings", b => b.Ratings, "StakeholderRating", "The ratings the business unit gave its suppliers.");
    }
}
