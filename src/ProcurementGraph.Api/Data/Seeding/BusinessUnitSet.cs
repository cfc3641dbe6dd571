using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// The generated business units (ids 1..n), their value drivers, the people who rate suppliers
/// on their behalf and, per root category, the units that mostly buy in it.
/// </summary>
internal sealed class BusinessUnitSet
{
    private const int RatersPerUnit = 8;

    private BusinessUnitSet(List<BusinessUnit> units, List<ValueDriver> drivers, (string Name, string Email)[][] raters, Dictionary<string, int[]> buyers)
    {
        Units = units;
        Drivers = drivers;
        Raters = raters;
        BuyersByRootCode = buyers;
        Weights = new double[units.Count + 1][];
        foreach (var unit in units)
        {
            Weights[unit.Id] = new double[6];
        }

        foreach (var driver in drivers)
        {
            Weights[driver.BusinessUnitId][(int)driver.Driver] = (double)driver.Weight;
        }
    }

    public IReadOnlyList<BusinessUnit> Units { get; }

    public IReadOnlyList<ValueDriver> Drivers { get; }

    /// <summary>Raters per unit id (index 0 unused).</summary>
    public (string Name, string Email)[][] Raters { get; }

    /// <summary>Driver weights per unit id, indexed by <see cref="ValueDriverKind"/> (0 when the unit does not value it).</summary>
    public double[][] Weights { get; }

    /// <summary>Unit ids that mostly buy in a root category, by the root's code.</summary>
    public IReadOnlyDictionary<string, int[]> BuyersByRootCode { get; }

    public static BusinessUnitSet Build(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = SeedRandom.Stream(seed, SeedRandom.UnitStream);
        var faker = SeedRandom.Faker(random);
        var catalog = BusinessUnitCatalog.Units;
        var units = new List<BusinessUnit>(count);
        var drivers = new List<ValueDriver>();
        var raters = new (string, string)[count + 1][];
        raters[0] = [];
        for (var id = 1; id <= count; id++)
        {
            var template = catalog[(id - 1) % catalog.Count];
            var round = ((id - 1) / catalog.Count) + 1;
            units.Add(new BusinessUnit
            {
                Id = id,
                Version = SeedRandom.Version("BusinessUnits", id),
                Code = round == 1 ? template.Code : $"{template.Code}-{round}",
                Name = round == 1 ? template.Name : $"{template.Name} {round}",
                Region = template.Region,
                HeadName = faker.Name.FullName(),
            });

            // Repeated units (beyond the catalog) get a jittered copy of the profile.
            var shares = template.Drivers.Select(d => round == 1 ? d.Weight : d.Weight * (0.7 + (0.6 * random.Double()))).ToList();
            var weights = SeedRandom.Normalize(shares);
            var ordered = template.Drivers.Select((d, i) => (d.Driver, Weight: weights[i])).OrderByDescending(d => d.Weight).ThenBy(d => d.Driver).ToList();
            drivers.AddRange(ordered.Select((d, position) => new ValueDriver { BusinessUnitId = id, Driver = d.Driver, Weight = d.Weight, Position = position }));
            raters[id] = Enumerable.Range(0, RatersPerUnit).Select(_ => Person(faker)).ToArray();
        }

        var buyers = CategoryCatalog.Roots.ToDictionary(
            r => r.Segment,
            r => units.Where(u => catalog[(u.Id - 1) % catalog.Count].BuysFrom.Contains(r.Segment)).Select(u => u.Id).DefaultIfEmpty(1).ToArray());
        return new BusinessUnitSet(units, drivers, raters, buyers);
    }

    private static (string Name, string Email) Person(Bogus.Faker faker)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        return ($"{first} {last}", SupplierNames.Email(first, last, SeedDataGenerator.OrganisationDomain));
    }
}
