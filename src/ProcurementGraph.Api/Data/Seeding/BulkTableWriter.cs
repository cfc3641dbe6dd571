using Microsoft.EntityFrameworkCore;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Picks the bulk writer for the context's database provider.</summary>
internal static class BulkTableWriter
{
    public static IBulkTableWriter For(DbContext db)
    {
        if (db.Database.IsSqlite())
        {
            return new SqliteBulkTableWriter(db);
        }

        if (db.Database.IsSqlServer())
        {
            return new SqlServerBulkTableWriter(db);
        }

        throw new NotSupportedException($"Bulk seeding does not support the provider '{db.Database.ProviderName}'.");
    }
}
