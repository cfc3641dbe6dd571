using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Server.Querying;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The partner rule (SECURITY.md) as row rules: a partner's queries see only its own supplier and what hangs off it,
/// on every path (root lists, node, nested lists, totals, derived values). Internal callers see every row; a
/// partner without a supplier claim sees none. The field table (<see cref="AccessRules"/>) hides the rest.
/// </summary>
public sealed class CallerRowRules : IRowRules
{
    private readonly Dictionary<Type, LambdaExpression> _rules = [];

    public CallerRowRules(IHttpContextAccessor http, IOptions<SecurityOptions> options)
    {
        var user = http.HttpContext?.User;
        var caller = user is null ? null : ProcurementCaller.From(user, options.Value);
        if (caller is not { IsPartner: true })
        {
            return;
        }

        if (caller.SupplierId is not { } id)
        {
            foreach (var type in new[] { typeof(Supplier), typeof(Contract), typeof(Category), typeof(CategorySupplier), typeof(StakeholderRating), typeof(BusinessUnit), typeof(ValueDriver), typeof(StrategicGoal), typeof(GoalCategory) })
            {
                _rules[type] = Expression.Lambda(Expression.Constant(false), Expression.Parameter(type, "x"));
            }

            return;
        }

        Add<Supplier>(s => s.Id == id);
        Add<Contract>(c => c.SupplierId == id);
        Add<Category>(c => c.Suppliers.Any(l => l.SupplierId == id) || c.Contracts.Any(k => k.SupplierId == id));
        Add<CategorySupplier>(l => l.SupplierId == id);

        // Individual ratings are hidden by the field table; the rule keeps aggregates (ratingSummary) to the own supplier.
        Add<StakeholderRating>(r => r.SupplierId == id);
        Add<BusinessUnit>(b => b.Contracts.Any(c => c.SupplierId == id));

        // Drivers stay internal by the field table; the rule keeps those the own ratings are weighted by (ratingSummary's
        // averageValueWeightedScore), which a rule of false would turn into 0.
        Add<ValueDriver>(d => d.BusinessUnit.Ratings.Any(r => r.SupplierId == id));
        Add<StrategicGoal>(_ => false);
        Add<GoalCategory>(_ => false);
    }

    public LambdaExpression? For(Type entityType) => _rules.GetValueOrDefault(entityType);

    private void Add<T>(Expression<Func<T, bool>> rule) => _rules[typeof(T)] = rule;
}
