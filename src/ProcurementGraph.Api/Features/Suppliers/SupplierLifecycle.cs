using ProcurementGraph.Api.Data.Entities;
using GraphQL;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>The supplier life cycle: PROSPECT → ONBOARDING → ACTIVE ⇄ SUSPENDED → OFFBOARDED (final).</summary>
internal static class SupplierLifecycle
{
    private static readonly Dictionary<SupplierStatus, SupplierStatus[]> Next = new()
    {
        [SupplierStatus.Prospect] = [SupplierStatus.Onboarding],
        [SupplierStatus.Onboarding] = [SupplierStatus.Active],
        [SupplierStatus.Active] = [SupplierStatus.Suspended],
        [SupplierStatus.Suspended] = [SupplierStatus.Active, SupplierStatus.Offboarded],
        [SupplierStatus.Offboarded] = [],
    };

    public static IReadOnlyList<SupplierStatus> From(SupplierStatus status) => Next[status];

    public static string Name(SupplierStatus status) => status.ToString().ToConstantCase();
}
