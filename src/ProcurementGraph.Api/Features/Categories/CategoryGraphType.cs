using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>A spend category in the three-level category tree.</summary>
/// <remarks>
/// Contracts, supplier approvals and ratings are filed in leaf categories while <c>annualSpend</c> is rolled up the tree,
/// so the derived figures cover the category and its subcategories (the tree has at most three levels: self, children, grandchildren).
/// The spend and supplier figures read the rollup rows database triggers keep with every write (<c>Data/Rollups/RollupSql.cs</c>),
/// not the contracts: the category tree on the large seed reads a few hundred small rows instead of 400,000 contracts per level.
/// </remarks>
public sealed class CategoryGraphType : EntityGraphType<Category>
{
    public CategoryGraphType()
    {
        Name = "Category";
        Description = "A spend category in the three-level category tree (e.g. IT → IT.SW → IT.SW.SAAS), managed by a category manager. "
            + "Derived figures (contractedSpend, contractCoverage, supplierCount, ratingSummary) cover the category and its subcategories.";
        HasKey(c => c.Id);
        Id("The category's global ID (Relay).");
        Computed("version", c => c.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change; pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Value("code", c => c.Code, "The unique dotted path, e.g. `IT`, `IT.SW`, `IT.SW.SAAS`.");
        Value("name", c => c.Name, "The category's name.");
        Value("description", c => c.Description, "What the category covers.");
        Value("level", c => c.Level, "The depth in the tree: 1 for a root category, 2 and 3 below it.");
        Value("managerName", c => c.ManagerName, "The category manager.");
        Value("managerEmail", c => c.ManagerEmail, "The e-mail address of the category manager.");
        Value("annualSpend", c => c.AnnualSpend, "The annual spend in the category and its subcategories, in the reporting currency.");
        Value("strategy", c => c.Strategy, "The Kraljic quadrant the category is managed in.");
        Reference("parent", c => c.Parent, "Category", "The parent category; null for a root category.");
        List("children", c => c.Children, "Category", "The direct subcategories.");
        List("suppliers", c => c.Suppliers, "CategorySupplierLink",
            "The suppliers approved directly in this category (approvals are made in leaf categories), with whether they are preferred and since when.");
        Connection("contracts", c => c.Contracts, "Contract",
            "The contracts filed directly in this category (contracts are filed in leaf categories; for a whole subtree ask the root "
            + "`contracts(where: {category: {code: {startsWith: \"IT.\"}}})`).");
        Connection("ratings", c => c.Ratings, "StakeholderRating",
            "Business units' ratings given in the context of this category itself (ratings are given in leaf categories).");
        List("goals", c => c.Goals, "CategoryGoalLink", "The strategic goals pursued through this category, each with the share of the goal the category carries.");
        // The figures come from the trigger-kept rollups (Data/Rollups/RollupSql.cs): a subtree's spend adds the (at most 1 + n + n²)
        // rollup rows of the category, its children and grandchildren, in exact integer cents; the distinct supplier count is
        // kept per category for its whole subtree. Cents to decimal exactly (Hundredths): selected, the cents are read once and
        // divided in memory; filters and sorts translate whole units + the remaining cents / 100 (SQLite: EF Core's decimal
        // functions; SQL Server: decimal(18,2) holds every whole part of a decimal(18,2) sum's range). In floating point the last
        // cents of a value above 10^13 would be lost.
        Hundredths("contractedSpend", c => c.Rollups.Sum(r => r.ActiveContractValueCents)
                + c.Children.SelectMany(child => child.Rollups).Sum(r => r.ActiveContractValueCents)
                + c.Children.SelectMany(child => child.Children).SelectMany(grandchild => grandchild.Rollups).Sum(r => r.ActiveContractValueCents),
            "Derived: the summed annual value of the ACTIVE contracts in this category and its subcategories, in the reporting currency.");
        Value("contractCoverage", c => c.AnnualSpend == 0 ? null : (double?)((c.Rollups.Sum(r => r.ActiveContractValueCents)
                + c.Children.SelectMany(child => child.Rollups).Sum(r => r.ActiveContractValueCents)
                + c.Children.SelectMany(child => child.Children).SelectMany(grandchild => grandchild.Rollups).Sum(r => r.ActiveContractValueCents)) / 100d / (double)c.AnnualSpend),
            "Derived: contractedSpend / annualSpend as a fraction (0.8 = 80 % of the spend is under contract); null when annualSpend is 0.");
        Value("supplierCount", c => c.Rollups.Sum(r => r.SupplierCount),
            "Derived: the number of distinct suppliers approved in this category or its subcategories.");
        // From the trigger-kept rating totals (one row per rated business unit) of the category, its children and grandchildren.
        Reference("ratingSummary", c => c.RatingTotals
                .Concat(c.Children.SelectMany(child => child.RatingTotals))
                .Concat(c.Children.SelectMany(child => child.Children).SelectMany(grandchild => grandchild.RatingTotals)),
            "RatingSummary", "Derived: a summary of the ratings given in the context of this category or its subcategories.", nullable: false);
        Audit.AuditHistory.AddTo(this);
    }
}
