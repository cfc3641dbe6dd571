using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>
/// One mapped column of an entity, as EF sees it: the column name, the provider type mapping
/// (which also configures parameters the way EF does) and the value converter, so a bulk-written
/// value is exactly the value EF would have written.
/// </summary>
internal sealed class EntityColumn
{
    private readonly IClrPropertyGetter getter;
    private readonly ValueConverter? converter;

    public EntityColumn(IProperty property, StoreObjectIdentifier table)
    {
        Property = property;
        Name = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not mapped to {table.Name}.");
        Mapping = property.GetRelationalTypeMapping();
        getter = property.GetGetter();
        converter = property.GetValueConverter() ?? Mapping.Converter;
        var clr = converter?.ProviderClrType ?? Mapping.ClrType;
        ProviderClrType = Nullable.GetUnderlyingType(clr) ?? clr;
    }

    public IProperty Property { get; }

    public string Name { get; }

    public RelationalTypeMapping Mapping { get; }

    /// <summary>The CLR type of the value handed to the ADO.NET provider (int for an enum, for example).</summary>
    public Type ProviderClrType { get; }

    /// <summary>The value to send to the database for this column of <paramref name="entity"/>; null for SQL NULL.</summary>
    public object? ProviderValue(object entity)
    {
        var value = getter.GetClrValueUsingContainingEntity(entity);
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }
}
