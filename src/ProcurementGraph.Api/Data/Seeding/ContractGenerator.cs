using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Streams contracts (CT-000001..) from a <see cref="ContractPlan"/>: titles, terms, values, savings, currency.</summary>
internal sealed class ContractGenerator(ContractPlan plan, SupplierPlan suppliers, CategoryTree tree, int seed)
{
    private static readonly int[] ValueTierWeights = [20, 30, 25, 17, 8];
    private static readonly double[] ValueTierLow = [0.1, 0.3, 0.8, 1.5, 3.0];
    private static readonly double[] ValueTierHigh = [0.3, 0.8, 1.5, 3.0, 8.0];
    private static readonly int[] NoticeDays = [30, 60, 90, 180];
    private static readonly int[] NoticeWeights = [30, 30, 30, 10];
    private static readonly int[] PaymentDays = [30, 45, 60, 90];
    private static readonly int[] PaymentWeights = [40, 15, 30, 15];
    private static readonly int[] CurrencyWeights = [60, 25, 15]; // supplier's own, USD, EUR

    // The kinds of agreement signed in each sub-category.
    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        ["IT.SW"] = ["Subscription agreement", "Licence agreement", "Software development agreement"],
        ["IT.HW"] = ["Supply agreement", "Framework agreement", "Leasing agreement"],
        ["IT.SVC"] = ["Master services agreement", "Service level agreement", "Outsourcing agreement"],
        ["RM.MET"] = ["Supply agreement", "Volume agreement", "Framework agreement"],
        ["RM.CHEM"] = ["Supply agreement", "Consignment agreement", "Framework agreement"],
        ["RM.PKG"] = ["Supply agreement", "Framework agreement", "Volume agreement"],
        ["MRO.SPARE"] = ["Catalogue agreement", "Framework agreement", "Consignment agreement"],
        ["MRO.SVC"] = ["Service agreement", "Maintenance agreement", "Framework agreement"],
        ["LOG.FRT"] = ["Freight agreement", "Carrier agreement", "Framework agreement"],
        ["LOG.WH"] = ["Logistics services agreement", "Warehousing agreement", "Equipment lease"],
        ["PS.CONS"] = ["Master services agreement", "Statement of work", "Retainer agreement"],
        ["PS.HR"] = ["Staffing agreement", "Master services agreement", "Framework agreement"],
        ["FAC.SVC"] = ["Service agreement", "Facility services agreement", "Framework agreement"],
        ["FAC.RE"] = ["Lease agreement", "Maintenance agreement", "Supply agreement"],
        ["MKT.MEDIA"] = ["Media buying agreement", "Event services agreement", "Framework agreement"],
        ["MKT.AGY"] = ["Agency agreement", "Retainer agreement", "Statement of work"],
        ["NRG.POW"] = ["Power purchase agreement", "Supply agreement", "Framework agreement"],
        ["NRG.FUEL"] = ["Supply agreement", "Fuel card agreement", "Framework agreement"],
    };

    private static readonly string[] DefaultKinds = ["Framework agreement", "Supply agreement", "Service agreement"];

    public IEnumerable<Contract> Contracts()
    {
        var random = SeedRandom.Stream(seed, SeedRandom.ContractStream);
        for (var id = 1; id <= plan.Count; id++)
        {
            var start = DateOnly.FromDayNumber(plan.StartDay[id]);
            var end = DateOnly.FromDayNumber(plan.EndDay[id]);
            var years = Math.Max(1, (int)Math.Round((end.DayNumber - start.DayNumber + 1) / 365.25));
            var category = tree[plan.Category[id]];
            var root = tree.RootTemplateOf(category.Id);

            var tier = random.WeightedIndex(ValueTierWeights);
            var factor = ValueTierLow[tier] + ((ValueTierHigh[tier] - ValueTierLow[tier]) * random.Double());
            var annual = Math.Max(5_000m, Math.Round(root.TypicalContractValue * (decimal)factor / 100m, 0, MidpointRounding.AwayFromZero) * 100m);
            var savings = random.Bool(0.1f) ? -(0.01 + (0.07 * random.Double())) : 0.08 + random.Noise(0.14);
            var total = annual * years;

            var country = SupplierCountries.All[suppliers.Country[plan.Supplier[id]]];
            var (currency, perUsd) = random.WeightedIndex(CurrencyWeights) switch
            {
                0 => (country.Currency, country.PerUsd),
                1 => ("USD", 1m),
                _ => ("EUR", 0.92m),
            };
            var jitter = (decimal)random.Noise(0.06); // the rate moves a little from contract to contract
            var rate = currency == "USD" ? 1m : perUsd * (1m + jitter);

            yield return new Contract
            {
                Id = id,
                Number = $"CT-{id:D6}",
                Title = $"{random.ArrayElement(Kinds.GetValueOrDefault(tree.SubCodeOf(category.Id), DefaultKinds))} for {category.Name} ({start.Year}-{end.Year})",
                SupplierId = plan.Supplier[id],
                CategoryId = category.Id,
                OwnerId = plan.Owner[id],
                Status = plan.Status[id],
                StartDate = start,
                EndDate = end,
                SignedOn = plan.Status[id] == ContractStatus.Draft ? null : start.AddDays(-random.Number(3, 60)),
                AutoRenew = random.Bool(0.35f),
                NoticePeriodDays = NoticeDays[random.WeightedIndex(NoticeWeights)],
                PaymentTermsDays = PaymentDays[random.WeightedIndex(PaymentWeights)],
                TotalValue = total,
                AnnualValue = annual,
                BaselineAnnualCost = SeedRandom.Money(annual / (1m - (decimal)savings)),
                OriginalCurrency = currency,
                OriginalTotalValue = SeedRandom.Money(total * rate),
                Version = SeedRandom.Version(random.Guid()),
            };
        }
    }
}
